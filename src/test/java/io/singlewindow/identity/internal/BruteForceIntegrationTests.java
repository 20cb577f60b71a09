package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.GOOD_PASSWORD;
import static io.singlewindow.ClientAddress.from;
import static io.singlewindow.identity.internal.People.logIn;
import static io.singlewindow.identity.internal.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.RealInstallTest;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Role;

/**
 * Thirty wrong passwords in a row, then the right one: the attempts slow down and pause, from that address only;
 * invalid API keys from one address end in 429. Every failure and pause is a security event, counted for Prometheus.
 */
@RealInstallTest
class BruteForceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeys keys;

	@Test
	void thirtyWrongPasswordsPauseTheAttackersAddressButNotTheOfficerAtHerDesk() throws Exception {
		String officer = unique("officer.msa.");
		accounts.open(officer, GOOD_PASSWORD, "海事审单员", Role.OFFICER, null, new AgencyCode("MSA"));

		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			answers.add(logIn(mvc, officer, "wrong-" + i, "203.0.113.7").getResponse().getRedirectedUrl());
		}
		// Three free failures, the fourth starts a pause (30 s here, 1 s as shipped, doubling each time): from then on
		// the password is not even checked.
		assertThat(answers.subList(0, 4)).containsOnly("/login?error");
		assertThat(answers.subList(4, 30)).allMatch(url -> url.startsWith("/login?paused="));
		assertThat(logIn(mvc, officer, GOOD_PASSWORD, "203.0.113.7").getResponse().getRedirectedUrl())
			.startsWith("/login?paused=");

		assertThat(logIn(mvc, officer, GOOD_PASSWORD, "198.51.100.20").getResponse().getRedirectedUrl())
			.as("the officer's own login from her desk").isEqualTo("/");

		assertThat(eventsOf(officer, "LOGIN_FAILED")).isEqualTo(4);
		assertThat(eventsOf(officer, "LOGIN_PAUSED")).isEqualTo(1);
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(content().string(containsString("singlewindow_security_events_total{type=\"LOGIN_FAILED\"}")))
			.andExpect(content().string(containsString("singlewindow_security_events_total{type=\"LOGIN_PAUSED\"}")));
	}

	@Test
	void thePausedLoginPageSaysHowLongToWait() throws Exception {
		mvc.perform(get("/login").param("paused", "8").param("lang", "en"))
			.andExpect(content().string(containsString("logins are paused for 8 seconds")));
	}

	@Test
	void anAddressGuessingApiKeysGets429WithRetryAfterWhileOthersCarryOn() throws Exception {
		String officer = unique("officer.tax.");
		var id = accounts.open(officer, GOOD_PASSWORD, "税务审单员", Role.OFFICER, null, new AgencyCode("TAX"));
		String rightKey = keys.issue(id, "robot", null).key();
		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw_guess_" + i).with(from("203.0.113.9")))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("INVALID_API_KEY"));
		}
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw_guess_10").with(from("203.0.113.9")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("TOO_MANY_INVALID_API_KEYS"));
		// Even a right key gains nothing from that address while it waits…
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + rightKey).with(from("203.0.113.9")))
			.andExpect(status().isTooManyRequests());
		// …while everyone else carries on.
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + rightKey).with(from("198.51.100.21")))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE type = 'API_KEY_REJECTED' AND client_address = ?")
			.param("203.0.113.9").query(Long.class).single()).isEqualTo(11);
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(content().string(containsString("singlewindow_security_events_total{type=\"API_KEY_PAUSED\"}")));
	}

	private long eventsOf(String username, String type) {
		return jdbc.sql("SELECT count(*) FROM security_event WHERE username = ? AND type = ?").params(username, type)
			.query(Long.class).single();
	}
}
