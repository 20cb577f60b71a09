package io.singlewindow.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Operators read every request's timer and count from the metrics; the gauge of requests in flight was dropped for
 * its cost on every call (issue 16), and must not come back unnoticed, nor the timers go with it.
 */
@SingleWindowIntegrationTest
class RequestMetricsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyRequestIsTimedWithoutAGaugeOfRequestsInFlight() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk());

		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http_server_requests_seconds_count{")))
			.andExpect(content().string(containsString("uri=\"/api/v1/me\"")))
			.andExpect(content().string(not(containsString("http_server_requests_active"))));
	}
}
