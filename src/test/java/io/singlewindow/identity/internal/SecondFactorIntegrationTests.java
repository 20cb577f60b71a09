package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.singlewindow.ClientAddress;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.Registrations;
import io.singlewindow.platform.TestClock;
import jakarta.servlet.http.Cookie;

/**
 * A second factor at login (动态口令): a person turns it on by scanning a key and confirming a code; from then on the
 * password alone no longer logs in, a code is accepted once, the person turns it off with a current code, and the
 * zone's administrators take it off the account of someone whose phone was lost. The clock is pinned and moved by
 * steps of 30 seconds, so that each code is the one an app shows at that moment.
 */
@SingleWindowIntegrationTest
class SecondFactorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void letTimeRun() {
		clock.release();
	}

	@Test
	void aPersonTurnsTheSecondFactorOnAndEachLoginThenTakesThePasswordAndACurrentCodeOnce() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Instant start = clock.instant();
		clock.pin(start);
		Cookie session = logIn(trader.username(), trader.password(), null);
		assertThat(session).isNotNull();
		assertThat(html(session)).contains("id=\"second-factor-off\"").contains("id=\"begin-form\"");
		String secret = begin(session);

		String wrong = otherThan(Totp.code(secret, Totp.step(start)));
		MvcResult refused = mvc.perform(post("/account/second-factor/confirm").cookie(session).with(csrf())
			.param("code", wrong)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"code-error\"");
		assertThat(logIn(trader.username(), trader.password(), null)).as("not confirmed: still the password alone")
			.isNotNull();

		Cookie elsewhere = logIn(trader.username(), trader.password(), null);
		confirm(session, Totp.code(secret, Totp.step(start)));
		assertThat(html(session)).contains("id=\"second-factor-on\"");
		assertThat(mvc.perform(get("/account/second-factor").cookie(elsewhere)).andReturn().getResponse().getRedirectedUrl())
			.as("the session opened with the password alone ended").endsWith("/login");

		assertThat(logIn(trader.username(), trader.password(), null)).as("no code").isNull();
		assertThat(logIn(trader.username(), trader.password(), wrong)).as("a wrong code").isNull();
		assertThat(logIn(trader.username(), trader.password(), Totp.code(secret, Totp.step(start))))
			.as("the code that confirmed it, again").isNull();
		assertThat(logIn(trader.username(), "not-the-password", Totp.code(secret, Totp.step(start) + 1)))
			.as("a current code with a wrong password").isNull();

		clock.pin(start.plusSeconds(30));
		String current = Totp.code(secret, Totp.step(start) + 1);
		assertThat(logIn(trader.username(), trader.password(), current.substring(0, 3) + " " + current.substring(3)))
			.as("password and a current code").isNotNull();
		assertThat(logIn(trader.username(), trader.password(), current)).as("the same code twice").isNull();

		assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE username = ? AND type = 'LOGIN_FAILED' "
				+ "AND details LIKE '%SecondFactorRejected%'").param(trader.username()).query(Long.class).single())
			.as("a refused code is a failed login, counted and recorded").isEqualTo(4);
		assertThat(jdbc.sql("SELECT details FROM security_event WHERE username = ? AND type = 'SECOND_FACTOR_ENABLED'")
			.param(trader.username()).query(String.class).single()).matches("otherSessionsEnded=[1-9][0-9]*");
		mvc.perform(get("/api/v1/me").header("Authorization", trader.bearer())).andExpect(status().isOk());
	}

	@Test
	void theHolderTurnsItOffWithACurrentCodeAndAnAdministratorTakesItOffALostPhonesAccount() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Instant start = clock.instant();
		clock.pin(start);
		long step = Totp.step(start);
		Cookie session = logIn(trader.username(), trader.password(), null);
		String secret = begin(session);
		confirm(session, Totp.code(secret, step));
		session = logIn(trader.username(), trader.password(), Totp.code(secret, step + 1));

		assertThat(mvc.perform(post("/account/second-factor/disable").cookie(session).with(csrf()))
			.andReturn().getResponse().getStatus()).as("no code").isEqualTo(422);
		assertThat(mvc.perform(post("/account/second-factor/disable").cookie(session).with(csrf())
			.param("code", Totp.code(secret, step + 1))).andReturn().getResponse().getStatus())
			.as("a code used already").isEqualTo(422);
		clock.pin(start.plusSeconds(60));
		assertThat(mvc.perform(post("/account/second-factor/disable").cookie(session).with(csrf())
			.param("code", Totp.code(secret, step + 2))).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/account/second-factor?disabled");
		assertThat(logIn(trader.username(), trader.password(), null)).as("off: the password alone").isNotNull();

		secret = begin(session);
		confirm(session, Totp.code(secret, step + 2));
		UUID account = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(trader.username())
			.query(UUID.class).single();
		Cookie admin = logIn("admin", "demo12345", null);
		assertThat(mvc.perform(get("/admin/accounts").cookie(admin)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"second-factor-" + trader.username() + "\"")
			.contains("id=\"reset-second-factor-" + trader.username() + "\"");
		assertThat(mvc.perform(post("/admin/accounts/{id}/second-factor/reset", account).cookie(session).with(csrf()))
			.andReturn().getResponse().getStatus()).as("only the zone's administrators").isEqualTo(403);
		assertThat(mvc.perform(post("/admin/accounts/{id}/second-factor/reset", account).cookie(admin).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts?secondFactorReset");
		assertThat(logIn(trader.username(), trader.password(), null)).as("reset: the password alone").isNotNull();
		UUID own = jdbc.sql("SELECT id FROM user_account WHERE username = 'admin'").query(UUID.class).single();
		assertThat(mvc.perform(post("/admin/accounts/{id}/second-factor/reset", own).cookie(admin).with(csrf()))
			.andReturn().getResponse().getStatus()).as("not the administrator's own").isEqualTo(409);

		assertThat(jdbc.sql("SELECT type || ' by ' || actor FROM security_event WHERE username = ? AND type LIKE "
				+ "'SECOND_FACTOR_%' ORDER BY id").param(trader.username()).query(String.class).list()).containsExactly(
						"SECOND_FACTOR_ENABLED by " + trader.username(), "SECOND_FACTOR_DISABLED by " + trader.username(),
						"SECOND_FACTOR_ENABLED by " + trader.username(), "SECOND_FACTOR_RESET by admin");
	}

	/**
	 * An enterprise's administrator takes the second factor off a colleague who lost the phone, as the zone's
	 * administrators do for anyone; another enterprise's administrator finds no such colleague.
	 */
	@Test
	void theEnterprisesAdministratorTakesItOffAColleagueWhoLostThePhone() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Registrations.Registered other = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String clerk = "clerk." + Long.toString(System.nanoTime(), 36);
		mvc.perform(post("/api/v1/operators").header("Authorization", trader.bearer())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
					{"username":"%s","displayName":"陈小红","password":"lantern-quietly-47"}""".formatted(clerk)))
			.andExpect(status().isCreated());
		Cookie colleague = logIn(clerk, "lantern-quietly-47", null);
		mvc.perform(post("/account/password").cookie(colleague).with(csrf()).param("currentPassword", "lantern-quietly-47")
			.param("newPassword", "reef-lantern-harbour-8").param("repeatPassword", "reef-lantern-harbour-8"));
		Instant start = clock.instant();
		clock.pin(start);
		colleague = logIn(clerk, "reef-lantern-harbour-8", null);
		confirm(colleague, Totp.code(begin(colleague), Totp.step(start)));
		UUID account = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(clerk).query(UUID.class).single();

		Cookie stranger = logIn(other.username(), other.password(), null);
		assertThat(mvc.perform(post("/account/operators/{id}/second-factor/reset", account).cookie(stranger).with(csrf()))
			.andReturn().getResponse().getStatus()).as("not its colleague").isEqualTo(404);
		assertThat(logIn(clerk, "reef-lantern-harbour-8", null)).as("still on").isNull();

		Cookie administrator = logIn(trader.username(), trader.password(), null);
		assertThat(mvc.perform(get("/account/operators").cookie(administrator)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"second-factor-" + clerk + "\"");
		assertThat(mvc.perform(post("/account/operators/{id}/second-factor/reset", account).cookie(administrator)
			.with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/account/operators?secondFactorReset");
		assertThat(logIn(clerk, "reef-lantern-harbour-8", null)).as("off: the password alone").isNotNull();
		assertThat(jdbc.sql("SELECT actor || ' ' || details FROM security_event WHERE username = ? AND type = "
				+ "'SECOND_FACTOR_RESET'").param(clerk).query(String.class).single())
			.startsWith(trader.username() + " enterprise=" + trader.uscc().value() + " sessionsEnded=");
	}

	/**
	 * The zone's administrators require a second factor of traders: a trader without one still logs in with the
	 * password, is led to turn it on from every page and reaches them once it is on; its API key goes on working;
	 * other roles notice nothing. Lifted again at the end: every integration test shares the database.
	 */
	@Test
	void theZoneRequiresASecondFactorOfARoleAndSuchAnAccountTurnsItOnBeforeAnythingElse() throws Exception {
		// Registered before: the fixture makes its API key on the pages, which the requirement then leads elsewhere.
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Cookie admin = logIn("admin", "demo12345", null);
		try {
			MvcResult unknown = mvc.perform(post("/admin/accounts/second-factor-requirement").cookie(admin).with(csrf())
				.param("roles", "TRADER", "PILOT")).andReturn();
			assertThat(unknown.getResponse().getStatus()).isEqualTo(422);
			assertThat(mvc.perform(post("/admin/accounts/second-factor-requirement").cookie(admin).with(csrf())
				.param("roles", "ADMIN")).andReturn().getResponse().getStatus())
				.as("of administrators, by one without it: it would lead them away from this form").isEqualTo(409);
			assertThat(jdbc.sql("SELECT count(*) FROM second_factor_requirement").query(Long.class).single())
				.as("nothing half-stored").isZero();
			assertThat(mvc.perform(post("/admin/accounts/second-factor-requirement").cookie(admin).with(csrf())
				.param("roles", "TRADER")).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/admin/accounts?secondFactorRequired");
			assertThat(mvc.perform(get("/admin/accounts").cookie(admin)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8)).containsPattern("id=\"require-TRADER\" checked")
				.doesNotContainPattern("id=\"require-OFFICER\" checked");

			Instant start = clock.instant();
			clock.pin(start);
			Cookie session = logIn(trader.username(), trader.password(), null);
			assertThat(mvc.perform(get("/declarations").cookie(session)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/account/second-factor?required");
			assertThat(html(session)).contains("id=\"second-factor-required\"");
			mvc.perform(get("/api/v1/declarations").header("Authorization", trader.bearer())).andExpect(status().isOk());
			Cookie officer = logIn("officer.customs", "demo12345", null);
			mvc.perform(get("/agency/queue").cookie(officer)).andExpect(status().isOk());

			String secret = begin(session);
			confirm(session, Totp.code(secret, Totp.step(start)));
			mvc.perform(get("/declarations").cookie(session)).andExpect(status().isOk());
			assertThat(html(session)).doesNotContain("id=\"second-factor-required\"").contains("id=\"second-factor-kept\"")
				.doesNotContain("id=\"disable-form\"");
			clock.pin(start.plusSeconds(30));
			assertThat(mvc.perform(post("/account/second-factor/disable").cookie(session).with(csrf())
				.param("code", Totp.code(secret, Totp.step(start) + 1))).andReturn().getResponse().getStatus())
				.as("required of the role: it stays on").isEqualTo(409);
			assertThat(jdbc.sql("SELECT details FROM security_event WHERE type = 'SECOND_FACTOR_REQUIREMENT_CHANGED' "
					+ "ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo("before=none roles=TRADER");
		} finally {
			mvc.perform(post("/admin/accounts/second-factor-requirement").cookie(admin).with(csrf()));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM second_factor_requirement").query(Long.class).single()).isZero();
	}

	/** Begins turning it on and reads the key the page shows (grouped by four) as a person types it into an app. */
	private String begin(Cookie session) throws Exception {
		assertThat(mvc.perform(post("/account/second-factor/begin").cookie(session).with(csrf())).andReturn()
			.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
		String page = html(session);
		assertThat(page).contains("id=\"second-factor-qr\" src=\"data:image/svg+xml;base64,");
		Matcher key = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(page);
		assertThat(key.find()).as("the key on the page").isTrue();
		return key.group(1).replace(" ", "");
	}

	private void confirm(Cookie session, String code) throws Exception {
		assertThat(mvc.perform(post("/account/second-factor/confirm").cookie(session).with(csrf()).param("code", code))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor?enabled");
	}

	/** The session of a successful page login, or null when the login page answered with its refusal. */
	private Cookie logIn(String username, String password, String code) throws Exception {
		// From an address of this class's own: its failed logins count against nobody else's (and no one's against it).
		var login = post("/login").with(csrf()).with(ClientAddress.from("203.0.113.61")).param("username", username)
			.param("password", password);
		if (code != null) {
			login.param("code", code);
		}
		MvcResult result = mvc.perform(login).andReturn();
		String target = result.getResponse().getRedirectedUrl();
		if ("/login?error".equals(target)) {
			return null;
		}
		assertThat(target).isEqualTo("/");
		return result.getResponse().getCookie("SESSION");
	}

	private String html(Cookie session) throws Exception {
		return mvc.perform(get("/account/second-factor").cookie(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** A six-digit code that is not {@code code}. */
	private static String otherThan(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}
}
