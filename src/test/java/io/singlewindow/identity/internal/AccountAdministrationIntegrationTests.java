package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.GOOD_PASSWORD;
import static io.singlewindow.identity.internal.People.sessionOf;
import static io.singlewindow.identity.internal.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.singlewindow.AtOneInstant;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.ListPages;
import jakarta.servlet.http.Cookie;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators open officer accounts per agency and administrator accounts, deactivate and reactivate them, on the
 * page and by API; a deactivation ends the sessions and revokes the API keys at once. Everyone changes their own
 * password, which ends their other sessions. API keys get an expiry and show their last use.
 */
@SingleWindowIntegrationTest
class AccountAdministrationIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a new officer chooses instead of the first password the administrator handed over. */
	static final String OWN_PASSWORD = "kelp-forest-lighthouse-3";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeys keys;

	@Test
	void deactivatingAnOfficerEndsHerSessionAndRevokesHerKeysAtOnce() throws Exception {
		String officer = unique("officer.ciq.");
		UUID id = open(officer, "OFFICER", "CIQ", GOOD_PASSWORD).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString().transform(body -> UUID.fromString(JSON.readTree(body).get("id").asString()));
		Cookie session = sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.31");
		assertThat(session).as("the new officer logs in").isNotNull();
		chooseOwnPassword(session, GOOD_PASSWORD, OWN_PASSWORD);
		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("id=\"home-officer\"")));
		String key = keys.issue(id, "lab robot", null).key();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(jsonPath("$.agency").value("CIQ"));

		mvc.perform(post("/api/v1/accounts/{id}/deactivate", id).header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isNoContent());

		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("id=\"login-link\"")));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized());
		assertThat(sessionOf(mvc, officer, OWN_PASSWORD, "192.0.2.31")).as("deactivated").isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(officer)
			.query(Long.class).single()).isZero();

		mvc.perform(post("/api/v1/accounts/{id}/reactivate", id).header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isNoContent());
		assertThat(sessionOf(mvc, officer, OWN_PASSWORD, "192.0.2.31")).as("reactivated").isNotNull();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT type FROM security_event WHERE username = ? ORDER BY id").param(officer)
			.query(String.class).list()).containsSubsequence("ACCOUNT_CREATED", "ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED");
		assertThat(jdbc.sql("""
				SELECT action || ' by ' || actor_name FROM audit_entry
				WHERE subject_type = 'ACCOUNT' AND subject_id = ? ORDER BY id""").param(officer).query(String.class).list())
			.as("the account's security events stand in the tamper-evident audit trail, with who did them")
			.containsSubsequence("SECURITY_ACCOUNT_CREATED by admin", "SECURITY_ACCOUNT_DEACTIVATED by admin",
					"SECURITY_ACCOUNT_REACTIVATED by admin");
	}

	/**
	 * The administrator chose the new officer's first password and knows it: until she chooses her own, every page
	 * leads to the password page and her API keys reach nothing but who she is and her password.
	 */
	@Test
	void anOfficerWhoseFirstPasswordTheAdministratorChoseChoosesHerOwnBeforeAnythingElse() throws Exception {
		String officer = unique("officer.msa.");
		UUID id = UUID.fromString(JSON.readTree(open(officer, "OFFICER", "MSA", GOOD_PASSWORD)
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString());
		Cookie session = sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.37");
		for (String page : java.util.List.of("/", "/agency/queue", "/account/api-keys", "/hs?q=8542")) {
			mvc.perform(get(page).cookie(session)).andExpect(status().isFound())
				.andExpect(redirectedUrl("/account/password?first"));
		}
		mvc.perform(post("/account/api-keys").cookie(session).with(csrf()).param("label", "before"))
			.andExpect(redirectedUrl("/account/password?first"));
		mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-required\"")));
		String key = keys.issue(id, "tooling", null).key();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/hs").param("q", "8542").header("Authorization", "Bearer " + key))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
		assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE user_id = ?").param(id).query(Long.class).single())
			.as("no key made from the page before").isOne();

		chooseOwnPassword(session, GOOD_PASSWORD, OWN_PASSWORD);
		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("id=\"home-officer\"")));
		mvc.perform(get("/account/password").cookie(session))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"password-required\""))));
		mvc.perform(get("/api/v1/hs").param("q", "8542").header("Authorization", "Bearer " + key))
			.andExpect(status().isOk());
		Cookie again = sessionOf(mvc, officer, OWN_PASSWORD, "192.0.2.37");
		mvc.perform(get("/").cookie(again)).andExpect(content().string(containsString("id=\"home-officer\"")));
		assertThat(jdbc.sql("SELECT password_change_required FROM user_account WHERE username IN ('trader.chip', 'admin')")
			.query(Boolean.class).list()).as("who chose their own password is never sent there").containsOnly(false);
	}

	/**
	 * An officer forgot her password: an administrator gives her a new first one to hand over. Her open sessions end,
	 * the old password no longer works, and at the next login she chooses her own, as a new officer does.
	 */
	@Test
	void anAdministratorResetsAForgottenPasswordAndItsHolderChoosesHerOwnAtTheNextLogin() throws Exception {
		String officer = unique("officer.tax.");
		UUID id = UUID.fromString(JSON.readTree(open(officer, "OFFICER", "TAX", GOOD_PASSWORD)
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString());
		Cookie first = sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.38");
		chooseOwnPassword(first, GOOD_PASSWORD, OWN_PASSWORD);
		Cookie open = sessionOf(mvc, officer, OWN_PASSWORD, "192.0.2.38");

		reset(id, "short", "sw-demo-admin").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		reset(id, "harbour-fog-bell-12", "sw-demo-officer.tax").andExpect(status().isForbidden());
		reset(UUID.fromString("00000000-0000-4000-8000-000000000000"), "harbour-fog-bell-12", "sw-demo-admin")
			.andExpect(status().isNotFound());
		UUID admin = jdbc.sql("SELECT id FROM user_account WHERE username = 'admin'").query(UUID.class).single();
		reset(admin, "harbour-fog-bell-12", "sw-demo-admin").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OWN_PASSWORD"));
		mvc.perform(get("/").cookie(open)).andExpect(content().string(containsString("id=\"home-officer\"")));

		reset(id, "harbour-fog-bell-12", "sw-demo-admin").andExpect(status().isNoContent());

		mvc.perform(get("/").cookie(open)).andExpect(content().string(containsString("id=\"login-link\"")));
		assertThat(sessionOf(mvc, officer, OWN_PASSWORD, "192.0.2.38")).as("the forgotten one").isNull();
		Cookie next = sessionOf(mvc, officer, "harbour-fog-bell-12", "192.0.2.38");
		mvc.perform(get("/").cookie(next)).andExpect(redirectedUrl("/account/password?first"));
		chooseOwnPassword(next, "harbour-fog-bell-12", "salt-marsh-heron-77");
		mvc.perform(get("/").cookie(next)).andExpect(content().string(containsString("id=\"home-officer\"")));
		assertThat(jdbc.sql("SELECT actor FROM security_event WHERE username = ? AND type = 'PASSWORD_RESET'")
			.param(officer).query(String.class).list()).containsExactly("admin");
	}

	@Test
	void anAdministratorOpensAnotherAdministratorOnThePage() throws Exception {
		Cookie admin = sessionOf(mvc, "admin", "demo12345", "192.0.2.32");
		String colleague = unique("admin.");
		mvc.perform(post("/admin/accounts").cookie(admin).with(csrf()).param("username", colleague)
			.param("displayName", "片区管理员").param("role", "ADMIN").param("password", GOOD_PASSWORD))
			.andExpect(redirectedUrl("/admin/accounts?opened=" + colleague + "&q=" + colleague));
		mvc.perform(get("/admin/accounts").cookie(admin).param("opened", colleague).param("q", colleague)
			.param("lang", "en"))
			.andExpect(content().string(containsString("id=\"account-opened\"")))
			.andExpect(content().string(containsString("id=\"account-" + colleague + "\"")))
			.andExpect(content().string(containsString("id=\"deactivate-" + colleague + "\"")));
		assertThat(sessionOf(mvc, colleague, GOOD_PASSWORD, "192.0.2.32")).isNotNull();

		mvc.perform(post("/admin/accounts").cookie(admin).with(csrf()).param("username", unique("officer."))
			.param("displayName", "x").param("role", "OFFICER").param("agency", "CUSTOMS").param("password", "password2026")
			.param("lang", "en"))
			.andExpect(content().string(containsString("This password is too common or too easy to guess.")));
	}

	/**
	 * The zone's accounts are more than a page: the administrator narrows them by a piece of the user name and a role,
	 * reads them a page at a time, each once in the list's order, and an action on a row of the second page comes back
	 * to that page of that search (it went to the first page of every account, a page that once held them all).
	 */
	@Test
	void anAdministratorFindsAccountsAmongManyAPageAtATimeAndComesBackToTheSameViewAfterActing() throws Exception {
		String crowd = unique("crowd.");
		List<String> opened = new ArrayList<>();
		for (int i = 0; i <= AccountPages.SHOWN; i++) {
			String username = crowd + "." + i;
			jdbc.sql("""
					INSERT INTO user_account (id, username, password_hash, display_name, role, agency_code, created_at)
					VALUES (?, ?, 'not a hash', ?, 'OFFICER', 'CIQ', now())""")
				.params(UUID.randomUUID(), username, "Crowd officer " + i).update();
			opened.add(username);
		}
		Cookie admin = sessionOf(mvc, "admin", "demo12345", "192.0.2.33");
		List<String> pages = ListPages.follow("/admin/accounts?lang=en&q=" + crowd, "accounts",
				path -> page(admin, path));
		List<String> listed = ListPages.rows(pages, "<tr id=\"account-([^\"]+)\"");
		String secondPage = ListPages.next(pages.getFirst(), "accounts");
		assertThat(pages).hasSize(2);
		assertThat(listed).as("each once, in the list's order").isEqualTo(opened.stream().sorted().toList());
		assertThat(page(admin, "/admin/accounts?lang=en&role=ADMIN&q=" + crowd)).contains("id=\"account-none\"");
		assertThat(page(admin, "/admin/accounts?lang=en&role=OFFICER&q=" + crowd.toUpperCase() + ".7"))
			.contains("id=\"account-" + crowd + ".7\"", "id=\"account-" + crowd + ".77\"")
			.doesNotContain("id=\"account-" + crowd + ".8\"");

		String last = listed.getLast();
		UUID lastId = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(last).query(UUID.class).single();
		String cursor = secondPage.replaceAll(".*[?&]cursor=([^&]+).*", "$1");
		String back = mvc.perform(post("/admin/accounts/{id}/deactivate", lastId).cookie(admin).with(csrf())
			.param("q", crowd).param("role", "").param("cursor", cursor))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(back).isEqualTo("/admin/accounts?q=" + crowd + "&cursor=" + cursor);
		assertThat(page(admin, back + "&lang=en")).contains("id=\"reactivate-" + last + "\"")
			.doesNotContain("id=\"account-" + listed.getFirst() + "\"");
	}

	private String page(Cookie session, String path) throws Exception {
		return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@ParameterizedTest(name = "{0} / {1} / {2} → {4} on {3}")
	@CsvSource({
			"officer.x1, OFFICER, CIQ,      password,    PASSWORD_TOO_SHORT",
			"officer.x2, OFFICER, CIQ,      password,    PASSWORD_TOO_COMMON",
			"officer.x3, OFFICER, CIQ,      password,    PASSWORD_CONTAINS_USERNAME",
			"officer.x4, OFFICER, '',       agency,      REQUIRED",
			"officer.x5, OFFICER, NOWHERE,  agency,      AGENCY_UNKNOWN",
			"trader.x6,  TRADER,  '',       role,        ROLE_NOT_ADMINISTERED",
			"admin,      ADMIN,   '',       username,    USERNAME_TAKEN" })
	void refusesABadAccountFieldByField(String username, String role, String agency, String field, String code)
			throws Exception {
		String password = switch (code) {
			case "PASSWORD_TOO_SHORT" -> "short-pass";
			case "PASSWORD_TOO_COMMON" -> "Football2026!";
			case "PASSWORD_CONTAINS_USERNAME" -> "my " + username + " password";
			default -> GOOD_PASSWORD;
		};
		long before = jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
		open(username, role, agency, password)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.errors[0].code").value(code));
		assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyAdministratorsAdministerAndNeverTheirOwnAccount() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", "Bearer sw-demo-officer.customs")
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		UUID admin = jdbc.sql("SELECT id FROM user_account WHERE username = 'admin'").query(UUID.class).single();
		mvc.perform(post("/api/v1/accounts/{id}/deactivate", admin).header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OWN_ACCOUNT"));
		mvc.perform(post("/api/v1/accounts/{id}/deactivate", UUID.randomUUID()).header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"));
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == 'officer.customs')].agency").value("CUSTOMS"));
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsOnly() throws Exception {
		String officer = unique("officer.samr.");
		open(officer, "OFFICER", "SAMR", GOOD_PASSWORD).andExpect(status().isCreated());
		Cookie atDesk = sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.33");
		Cookie atHome = sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.34");

		mvc.perform(post("/account/password").cookie(atDesk).with(csrf()).param("currentPassword", "not-it")
			.param("newPassword", "x").param("repeatPassword", "y").param("lang", "en"))
			.andExpect(content().string(containsString("The current password is wrong.")))
			.andExpect(content().string(containsString("The password needs at least 12 characters.")));
		mvc.perform(post("/account/password").cookie(atDesk).with(csrf()).param("currentPassword", GOOD_PASSWORD)
			.param("newPassword", "tide-tables-and-tea").param("repeatPassword", "tide-tables-and-tea"))
			.andExpect(content().string(containsString("id=\"password-changed\"")));

		mvc.perform(get("/").cookie(atDesk)).andExpect(content().string(containsString("id=\"home-officer\"")));
		mvc.perform(get("/").cookie(atHome)).andExpect(content().string(containsString("id=\"login-link\"")));
		assertThat(sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.35")).as("old password").isNull();
		assertThat(sessionOf(mvc, officer, "tide-tables-and-tea", "192.0.2.35")).as("new password").isNotNull();
		assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE username = ? AND type = 'PASSWORD_CHANGED'")
			.param(officer).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anApiKeyLabelThatShowsInAnotherOrderIsRefused() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM api_key").query(Long.class).single();
		mvc.perform(post("/api/v1/api-keys").header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"erp\u202Etset\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("label"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		assertThat(jdbc.sql("SELECT count(*) FROM api_key").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anApiKeyExpiresAndShowsItsLastUse() throws Exception {
		mvc.perform(post("/api/v1/api-keys").header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("expiresAt"))
			.andExpect(jsonPath("$.errors[0].code").value("EXPIRY_IN_PAST"));
		var issued = JSON.readTree(mvc.perform(post("/api/v1/api-keys").header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"season\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		String key = issued.get("key").asString();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/api-keys").header("Authorization", "Bearer " + key))
			.andExpect(jsonPath("$[?(@.label == 'season')].expiresAt").value("2999-01-01T00:00:00Z"))
			.andExpect(jsonPath("$[?(@.label == 'season')].lastUsedAt").isNotEmpty());

		// Once its time has passed the key is refused like a revoked one.
		jdbc.sql("UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(UUID.fromString(issued.get("id").asString())).update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("INVALID_API_KEY"));
	}

	@Test
	void passwordChangeByApiEndsEveryWebSession() throws Exception {
		String officer = unique("officer.commerce.");
		UUID id = UUID.fromString(JSON.readTree(open(officer, "OFFICER", "COMMERCE", GOOD_PASSWORD).andReturn()
			.getResponse().getContentAsString()).get("id").asString());
		Cookie session = sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.36");
		String key = keys.issue(id, "script", null).key();
		mvc.perform(put("/api/v1/me/password").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + GOOD_PASSWORD + "\",\"newPassword\":\"tide-tables-and-tea\",\"repeatPassword\":\"tide-tables-and-tea\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("id=\"login-link\"")));
	}

	private ResultActions reset(UUID id, String password, String key) throws Exception {
		return mvc.perform(post("/api/v1/accounts/{id}/password", id).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + password + "\"}"));
	}

	/** A page session's account chooses its own password on the password page, typing the first as the current. */
	private void chooseOwnPassword(Cookie session, String first, String own) throws Exception {
		mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", first)
			.param("newPassword", own).param("repeatPassword", own))
			.andExpect(content().string(containsString("id=\"password-changed\"")));
	}

	@Test
	void anAccountOpenedByTwoAdministratorsAtOneInstantUnderOneNameInAnyCaseIsOpenedOnce() throws Exception {
		// Eight opens of one name, half in capitals: the "taken" check reads committed rows, so before the name was
		// unique whatever its case two accounts could be stored and neither log in after, or one open end in a 500.
		String officer = unique("officer.twice.");
		var sent = new java.util.concurrent.atomic.AtomicInteger();
		List<Integer> statuses = AtOneInstant.statuses(8, () -> open(sent.getAndIncrement() % 2 == 0 ? officer
				: officer.toUpperCase(java.util.Locale.ROOT), "OFFICER", "CIQ", GOOD_PASSWORD));

		assertThat(statuses).filteredOn(code -> code == 201).hasSize(1);
		assertThat(statuses).filteredOn(code -> code != 201).containsOnly(422);
		assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = ?").param(officer)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(sessionOf(mvc, officer, GOOD_PASSWORD, "192.0.2.32")).as("the one opened logs in").isNotNull();
		open(officer.toUpperCase(java.util.Locale.ROOT), "OFFICER", "CIQ", GOOD_PASSWORD)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("username"))
			.andExpect(jsonPath("$.errors[0].code").value("USERNAME_TAKEN"));
	}

	private ResultActions open(String username, String role, String agency, String password) throws Exception {
		String body = JSON.writeValueAsString(java.util.Map.of("username", username, "displayName", "测试 " + username,
				"role", role, "agency", agency, "password", password));
		return mvc.perform(post("/api/v1/accounts").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
