package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.singlewindow.AtOneInstant;
import io.singlewindow.ClientAddress;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.Registrations;
import io.singlewindow.platform.SealedSecrets;
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

	/** What the platform does at start: check the key, seal what was stored plain. */
	@Autowired
	SealedSecrets secrets;

	@Autowired
	@Qualifier("secretsSealedAtStart")
	SmartInitializingSingleton atStart;

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
		assertThat(jdbc.sql("SELECT totp_secret FROM user_account WHERE username = ?").param(trader.username())
			.query(String.class).single()).as("stored sealed: a copy of the database makes no codes")
			.startsWith("sealed:v1:").doesNotContain(secret);
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
		Enrolled enrolled = enrolled();
		Registrations.Registered trader = enrolled.trader();
		Instant start = enrolled.start();
		long step = Totp.step(start);
		Cookie session = enrolled.session();
		String secret = enrolled.secret();
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
		assertThat(mvc.perform(get("/admin/accounts").param("q", trader.username()).cookie(admin)).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("id=\"second-factor-" + trader.username() + "\"")
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

	/**
	 * Two administrators requiring a second factor of traders at one instant (eight, each in a session of its own):
	 * every one is answered as the form answers, none with a 500, and the rule is one row. Lifted again at the end.
	 */
	@Test
	void theRuleSetByTwoAdministratorsAtOneInstantIsSetOnceAndEveryOneIsAnswered() throws Exception {
		List<Cookie> admins = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			admins.add(logIn("admin", "demo12345", null));
		}
		var sent = new java.util.concurrent.atomic.AtomicInteger();
		try {
			List<Integer> statuses = AtOneInstant.statuses(8, () -> mvc.perform(
					post("/admin/accounts/second-factor-requirement").cookie(admins.get(sent.getAndIncrement()))
						.with(csrf()).param("roles", "TRADER")));

			assertThat(statuses).containsOnly(302);
			assertThat(jdbc.sql("SELECT role FROM second_factor_requirement").query(String.class).list())
				.containsExactly("TRADER");
		} finally {
			mvc.perform(post("/admin/accounts/second-factor-requirement").cookie(admins.getFirst()).with(csrf()));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM second_factor_requirement").query(Long.class).single()).isZero();
	}

	/**
	 * A lost phone is a recovery code away: turned on, the person is shown ten codes, once; each logs in once in place
	 * of the app's code (typed as a person might: upper case, a space for the dash), is recorded with how many are
	 * left, and turns the second factor off; new codes make the old ones worthless. Only their hashes are kept.
	 */
	@Test
	void aRecoveryCodeStandsInOnceForTheAppsCodeAndNewOnesReplaceTheOld() throws Exception {
		Enrolled enrolled = enrolled();
		Registrations.Registered trader = enrolled.trader();
		Instant start = enrolled.start();
		long step = Totp.step(start);
		Cookie session = enrolled.session();
		String secret = enrolled.secret();
		List<String> codes = enrolled.recoveryCodes();
		assertThat(codes).hasSize(RecoveryCodes.COUNT).doesNotHaveDuplicates()
			.allMatch(code -> code.matches("[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}"));
		UUID account = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(trader.username())
			.query(UUID.class).single();
		assertThat(jdbc.sql("SELECT code_hash FROM second_factor_recovery_code WHERE account_id = ?").param(account)
			.query(String.class).list()).hasSize(RecoveryCodes.COUNT)
			.noneMatch(hash -> codes.stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
		assertThat(html(session)).as("shown once").doesNotContain(codes.getFirst())
			.containsPattern("id=\"recovery-codes-left\"[^>]*>[^<]*10[^<]*10")
			.contains("id=\"recovery-codes-form\"", "id=\"disable-form\"", "id=\"recovery-codes-code\"", "id=\"code\"");

		String typed = codes.getFirst().toUpperCase(Locale.ROOT).replace("-", " ");
		assertThat(logIn(trader.username(), trader.password(), typed)).as("a recovery code for the app's").isNotNull();
		assertThat(logIn(trader.username(), trader.password(), codes.getFirst())).as("the same code again").isNull();
		assertThat(logIn(trader.username(), "not-the-password", codes.get(1))).as("with a wrong password").isNull();
		assertThat(jdbc.sql("SELECT details FROM security_event WHERE username = ? AND type = "
				+ "'SECOND_FACTOR_RECOVERY_CODE_USED'").param(trader.username()).query(String.class).single())
			.isEqualTo("codesLeft=9");
		assertThat(html(session)).containsPattern("id=\"recovery-codes-left\"[^>]*>[^<]*9[^<]*10");

		MvcResult wrong = mvc.perform(post("/account/second-factor/recovery-codes").cookie(session).with(csrf())
			.param("code", "abcde-fghjk")).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("id=\"recovery-codes-code-error\"").doesNotContain("id=\"code-error\"");
		MvcResult made = mvc.perform(post("/account/second-factor/recovery-codes").cookie(session).with(csrf())
			.param("code", Totp.code(secret, step + 1))).andExpect(status().isOk()).andReturn();
		assertThat(made.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"recovery-codes-made\"");
		List<String> fresh = recoveryCodes(made);
		assertThat(fresh).hasSize(RecoveryCodes.COUNT).doesNotContainAnyElementsOf(codes);
		assertThat(logIn(trader.username(), trader.password(), codes.get(1))).as("an unused code of the old sheet")
			.isNull();

		Cookie withCodes = logIn(trader.username(), trader.password(), fresh.getFirst());
		assertThat(home(withCodes)).as("nine left").doesNotContain("id=\"recovery-codes-few\"");
		for (String code : fresh.subList(4, RecoveryCodes.COUNT)) {
			withCodes = logIn(trader.username(), trader.password(), code);
		}
		assertThat(home(withCodes)).as("three left").doesNotContain("id=\"recovery-codes-few\"");
		withCodes = logIn(trader.username(), trader.password(), fresh.get(1));
		assertThat(home(withCodes)).as("two left: said where the person looks first")
			.containsPattern("id=\"recovery-codes-few\"><a href=\"/account/second-factor\">[^<]*2");

		clock.pin(start.plusSeconds(30));
		assertThat(mvc.perform(post("/account/second-factor/disable").cookie(session).with(csrf())
			.param("code", fresh.get(3))).andReturn().getResponse().getRedirectedUrl())
			.as("a recovery code turns it off").isEqualTo("/account/second-factor?disabled");
		assertThat(jdbc.sql("SELECT count(*) FROM second_factor_recovery_code WHERE account_id = ?").param(account)
			.query(Long.class).single()).as("gone with the second factor").isZero();
		assertThat(logIn(trader.username(), trader.password(), null)).as("off: the password alone").isNotNull();
		assertThat(jdbc.sql("SELECT type FROM security_event WHERE username = ? AND type LIKE 'SECOND_FACTOR_%' "
				+ "ORDER BY id").param(trader.username()).query(String.class).list()).containsExactly(
						java.util.stream.Stream.of(List.of("SECOND_FACTOR_ENABLED", "SECOND_FACTOR_RECOVERY_CODE_USED",
								"SECOND_FACTOR_RECOVERY_CODES_MADE"), java.util.Collections.nCopies(9,
										"SECOND_FACTOR_RECOVERY_CODE_USED"), List.of("SECOND_FACTOR_DISABLED"))
							.flatMap(List::stream).toArray(String[]::new));
	}

	/**
	 * Wrong codes on the page pause further tries as wrong logins do: a session left open cannot try every six-digit
	 * code until one turns the second factor off. Once the pause is over, the right code does.
	 */
	@Test
	void wrongCodesOnThePagePauseFurtherTriesAsWrongLoginsDo() throws Exception {
		Enrolled enrolled = enrolled();
		Registrations.Registered trader = enrolled.trader();
		Instant start = enrolled.start();
		long step = Totp.step(start);
		Cookie session = enrolled.session();
		String secret = enrolled.secret();
		String wrong = otherThan(Totp.code(secret, step + 1));
		for (int free = 0; free <= 3; free++) {
			assertThat(disable(session, wrong).getStatus()).as("wrong code %d", free + 1).isEqualTo(422);
		}
		var paused = disable(session, Totp.code(secret, step + 1));
		assertThat(paused.getStatus()).as("paused, even for the right code").isEqualTo(429);
		assertThat(paused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"correction-summary\"");
		assertThat(mvc.perform(post("/account/second-factor/recovery-codes").cookie(session).with(csrf())
			.param("code", wrong)).andReturn().getResponse().getStatus()).as("every code form of the page").isEqualTo(429);
		assertThat(logIn(trader.username(), trader.password(), Totp.code(secret, step + 1)))
			.as("the login counts apart").isNotNull();

		clock.pin(start.plusSeconds(60));
		assertThat(disable(session, Totp.code(secret, step + 2)).getRedirectedUrl()).as("the pause over")
			.isEqualTo("/account/second-factor?disabled");
	}

	/**
	 * A key stored before keys were sealed goes on working, and the next start seals it: the person notices nothing.
	 * A key that does not open (sealed for another row) refuses the code; the login does not fail with a 500.
	 */
	@Test
	void aKeyStoredBeforeSealingIsSealedAtTheNextStartAndTheCodesGoOnWorking() throws Exception {
		Enrolled enrolled = enrolled();
		Registrations.Registered trader = enrolled.trader();
		Instant start = enrolled.start();
		long step = Totp.step(start);
		Cookie session = enrolled.session();
		String secret = enrolled.secret();
		jdbc.sql("UPDATE user_account SET totp_secret = ? WHERE username = ?").params(secret, trader.username()).update();
		assertThat(logIn(trader.username(), trader.password(), Totp.code(secret, step + 1))).as("stored plain")
			.isNotNull();

		atStart.afterSingletonsInstantiated();
		assertThat(jdbc.sql("SELECT totp_secret FROM user_account WHERE username = ?").param(trader.username())
			.query(String.class).single()).startsWith("sealed:v1:").doesNotContain(secret);
		clock.pin(start.plusSeconds(60));
		assertThat(logIn(trader.username(), trader.password(), Totp.code(secret, step + 2))).as("sealed at start")
			.isNotNull();

		jdbc.sql("UPDATE user_account SET totp_secret = ? WHERE username = ?")
			.params(secrets.seal(secret, SecondFactors.sealedFor(UUID.randomUUID())), trader.username()).update();
		clock.pin(start.plusSeconds(90));
		assertThat(logIn(trader.username(), trader.password(), Totp.code(secret, step + 3)))
			.as("a key sealed for another row: the code refused, the login page answering (not a 500)").isNull();
	}

	/**
	 * A newly registered trader who turned the second factor on at {@code start} (the clock pinned there), with the
	 * session that did it (opened with the password alone), the key and the recovery codes shown.
	 */
	record Enrolled(Registrations.Registered trader, Instant start, Cookie session, String secret,
			List<String> recoveryCodes) {
	}

	private Enrolled enrolled() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Instant start = clock.instant();
		clock.pin(start);
		Cookie session = logIn(trader.username(), trader.password(), null);
		String secret = begin(session);
		return new Enrolled(trader, start, session, secret, confirm(session, Totp.code(secret, Totp.step(start))));
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

	/** Confirms the key with {@code code}: the page says it is on and shows the recovery codes, which it returns. */
	private List<String> confirm(Cookie session, String code) throws Exception {
		MvcResult confirmed = mvc.perform(post("/account/second-factor/confirm").cookie(session).with(csrf())
			.param("code", code)).andExpect(status().isOk()).andReturn();
		String page = confirmed.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"second-factor-enabled\"");
		return recoveryCodes(confirmed);
	}

	/** The recovery codes a page shows, once. */
	private static List<String> recoveryCodes(MvcResult shown) throws Exception {
		assertThat(shown.getResponse().getHeader("Cache-Control")).as("not kept by a browser or a proxy")
			.contains("no-store");
		Matcher code = Pattern.compile("<li><code>([^<]*)</code></li>")
			.matcher(shown.getResponse().getContentAsString(StandardCharsets.UTF_8));
		List<String> codes = new java.util.ArrayList<>();
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
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

	private org.springframework.mock.web.MockHttpServletResponse disable(Cookie session, String code) throws Exception {
		return mvc.perform(post("/account/second-factor/disable").cookie(session).with(csrf()).param("code", code))
			.andReturn().getResponse();
	}

	private String home(Cookie session) throws Exception {
		return mvc.perform(get("/").cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
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
