package io.singlewindow.identity.internal;

import static io.singlewindow.ClientAddress.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.TestClock;

/**
 * Failures still within the free ones never pause anyone, even when the business clock is set back afterwards (an
 * operator's correction; the statistics tests pin it to mid-month): a failure "in the future" is no pause.
 */
@SingleWindowIntegrationTest
class ClockSetBackIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@AfterEach
	void releaseTheClock() {
		clock.release();
	}

	@Test
	void aFreeFailureBeforeTheClockWasSetBackPausesNobody() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw_mistyped").with(from("192.0.2.77")))
			.andExpect(status().isUnauthorized());
		clock.pin(java.time.Instant.now().minus(Duration.ofDays(10)));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw-demo-admin").with(from("192.0.2.77")))
			.andExpect(status().isOk());
	}
}
