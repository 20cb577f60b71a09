package io.singlewindow.enterprise.internal;

import static io.singlewindow.ClientAddress.from;
import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.platform.TestClock;

/**
 * Registration needs no login, so one client address registers at most the shipped allowance of enterprises an hour
 * (20); the next is refused with the time to wait, stores nothing and opens no login, and other addresses go on. The
 * shared suite's own registrations come from the loopback address, which its profile lists as unlimited.
 */
@SingleWindowIntegrationTest
class RegistrationAllowanceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void releaseTheClock() {
		clock.release();
	}

	@Test
	void anAddressRegistersItsAllowanceAnHourAndIsThenToldHowLongToWait() throws Exception {
		// Pinned near the real time: what this test registers is dated within the next hour, as anyone's would be.
		Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		clock.pin(start);
		String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		for (int i = 0; i < 20; i++) {
			register(anApplication(), address).andExpect(status().isCreated());
		}
		clock.pin(start.plus(Duration.ofMinutes(15)));
		ApplicationFixtures refused = anApplication();
		register(refused, address)
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", String.valueOf(Duration.ofMinutes(45).toSeconds())))
			.andExpect(jsonPath("$.code").value("TOO_MANY_REGISTRATIONS"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("45 minutes")));
		assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE name_zh = ?").param(refused.get("nameZh"))
			.query(Long.class).single()).as("nothing of the refused registration is stored").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE username = ?").param(refused.get("username"))
			.query(Long.class).single()).as("and no login opened").isZero();

		// Another address is not held back; an invalid application still gets its field errors, not the wait.
		register(anApplication(), "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 65_535)))
			.andExpect(status().isCreated());
		register(anApplication().with("registeredCapital", -1), address).andExpect(status().isUnprocessableContent());

		// The web form says the same, in the visitor's language.
		mvc.perform(post("/register").with(csrf()).with(from(address)).header("Accept-Language", "zh-CN")
			.param("nameZh", "厦门限额测试有限公司").param("entityType", "LIMITED_LIABILITY_COMPANY")
			.param("legalRepresentative", "王测试").param("registeredCapital", "5000000").param("capitalCurrency", "CNY")
			.param("zoneArea", "XIANGYU_BONDED_ZONE").param("address", "象屿路 1 号").param("businessScope", "F5191")
			.param("industrialChain", "INTEGRATED_CIRCUITS").param("username", "t" + Long.toString(System.nanoTime(), 36))
			.param("password", "s3cret-lantern-47"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("请在 45 分钟后重试")));

		// Once the address's hour is over, it registers again.
		clock.pin(start.plus(Duration.ofMinutes(61)));
		register(anApplication(), address).andExpect(status().isCreated());
	}

	private org.springframework.test.web.servlet.ResultActions register(ApplicationFixtures application, String address)
			throws Exception {
		return mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
			.content(application.json()).with(from(address)));
	}
}
