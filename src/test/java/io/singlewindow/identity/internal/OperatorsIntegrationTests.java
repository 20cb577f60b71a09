package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.GOOD_PASSWORD;
import static io.singlewindow.identity.internal.People.formToken;
import static io.singlewindow.identity.internal.People.sessionOf;
import static io.singlewindow.identity.internal.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.Registrations;
import jakarta.servlet.http.Cookie;

/**
 * An enterprise's operators (操作员): the account its registration opened is the enterprise's administrator, who opens
 * an account for each colleague who declares for it and deactivates it when they leave — no shared password, no
 * request to the zone's administrators. A colleague acts for the enterprise under their own name but manages nobody;
 * nobody of another enterprise sees or touches them.
 */
@SingleWindowIntegrationTest
class OperatorsIntegrationTests {

	private static final String ADDRESS = "192.0.2.61";

	/** What a colleague chooses instead of the first password his administrator handed over. */
	private static final String OWN_PASSWORD = "kelp-forest-lighthouse-3";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdministratorOpensAnAccountForAColleagueWhoActsForTheEnterpriseUnderHisOwnName() throws Exception {
		Registrations.Registered enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String first = body(list(enterprise.bearer()).andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(first, "$[*].username")).containsExactly(enterprise.username());
		assertThat(JsonPath.<Boolean>read(first, "$[0].administrator")).isTrue();

		String clerk = unique("clerk.");
		String opened = body(open(enterprise.bearer(), clerk, "王小明", GOOD_PASSWORD).andExpect(status().isCreated()));
		UUID id = UUID.fromString(JsonPath.read(opened, "$.id"));
		String both = body(list(enterprise.bearer()).andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(both, "$[*].username")).containsExactly(enterprise.username(), clerk);
		assertThat(JsonPath.<Boolean>read(both, "$[1].administrator")).isFalse();
		assertThat(JsonPath.<String>read(both, "$[1].openedBy")).isEqualTo(enterprise.username());

		// the colleague logs in with the first password, which his administrator knows: he chooses his own first
		Cookie firstLogin = sessionOf(mvc, clerk, GOOD_PASSWORD, ADDRESS);
		mvc.perform(get("/declarations").cookie(firstLogin)).andExpect(redirectedUrl("/account/password?first"));
		chooseOwnPassword(firstLogin);
		// …and acts for the enterprise as himself
		String clerkKey = Registrations.apiKeyOf(mvc, clerk, OWN_PASSWORD);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + clerkKey)).andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(clerk)).andExpect(jsonPath("$.role").value("TRADER"))
			.andExpect(jsonPath("$.enterprise").value(enterprise.uscc().value()));
		mvc.perform(get("/api/v1/enterprises/{uscc}", enterprise.uscc().value())
			.header("Authorization", "Bearer " + clerkKey)).andExpect(status().isOk());
		// …but manages nobody: he reads who his colleagues are, nothing more
		list("Bearer " + clerkKey).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
		open("Bearer " + clerkKey, unique("clerk."), "李四", GOOD_PASSWORD).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));
		act("Bearer " + clerkKey, id, "deactivate").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));

		// another enterprise's administrator neither sees nor touches him
		assertThat(body(list("Bearer sw-demo-trader.coffee").andExpect(status().isOk()))).doesNotContain(clerk);
		act("Bearer sw-demo-trader.coffee", id, "deactivate").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"));
		UUID administrator = UUID.fromString(JsonPath.read(first, "$[0].id"));
		act(enterprise.bearer(), administrator, "deactivate").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OWN_ACCOUNT"));

		// he forgot his password: the administrator gives him a first one again, which he replaces at the next login
		mvc.perform(post("/api/v1/operators/{id}/password", id).header("Authorization", enterprise.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"harbour-fog-bell-12\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/operators/{id}/password", id).header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"harbour-fog-bell-12\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises/{uscc}", enterprise.uscc().value()).header("Authorization", "Bearer " + clerkKey))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
		Cookie again = sessionOf(mvc, clerk, "harbour-fog-bell-12", ADDRESS);
		chooseOwnPassword(again, "harbour-fog-bell-12");
		mvc.perform(get("/api/v1/enterprises/{uscc}", enterprise.uscc().value()).header("Authorization", "Bearer " + clerkKey))
			.andExpect(status().isOk());

		// he leaves: his login, his sessions and his keys stop at once
		Cookie session = sessionOf(mvc, clerk, OWN_PASSWORD, ADDRESS);
		act(enterprise.bearer(), id, "deactivate").andExpect(status().isNoContent());
		act(enterprise.bearer(), id, "deactivate").andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + clerkKey))
			.andExpect(status().isUnauthorized());
		assertThat(sessionOf(mvc, clerk, OWN_PASSWORD, ADDRESS)).as("deactivated").isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(clerk)
			.query(Long.class).single()).as("his session, " + session.getValue()).isZero();
		list(enterprise.bearer()).andExpect(jsonPath("$[1].enabled").value(false));

		act(enterprise.bearer(), id, "reactivate").andExpect(status().isNoContent());
		assertThat(sessionOf(mvc, clerk, OWN_PASSWORD, ADDRESS)).as("back").isNotNull();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + clerkKey))
			.andExpect(status().isUnauthorized());

		assertThat(jdbc.sql("SELECT type || ' by ' || actor FROM security_event WHERE username = ? AND type LIKE 'ACCOUNT_%' ORDER BY id")
			.param(clerk).query(String.class).list()).as("deactivated twice, recorded once")
			.containsExactly("ACCOUNT_CREATED by " + enterprise.username(),
					"ACCOUNT_DEACTIVATED by " + enterprise.username(), "ACCOUNT_REACTIVATED by " + enterprise.username());
		assertThat(jdbc.sql("""
				SELECT action || ' by ' || actor_name FROM audit_entry
				WHERE subject_type = 'ACCOUNT' AND subject_id = ? ORDER BY id""").param(clerk).query(String.class).list())
			.as("in the tamper-evident trail").contains("SECURITY_ACCOUNT_CREATED by " + enterprise.username());
		assertThat(body(mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isOk()))).as("the zone's administrators see him too").contains(clerk);
	}

	@Test
	void aColleaguesAccountNeedsAFreeUserNameANameAndAGoodPasswordAndNothingRefusedIsKept() throws Exception {
		Registrations.Registered enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		open(enterprise.bearer(), unique("clerk."), "王小明", "password").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		open(enterprise.bearer(), "officer.customs", "王小明", GOOD_PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("username"))
			.andExpect(jsonPath("$.errors[0].code").value("USERNAME_TAKEN"));
		open(enterprise.bearer(), unique("clerk."), "", GOOD_PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("displayName"));
		mvc.perform(post("/api/v1/operators").header("Authorization", enterprise.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE uscc = ?").param(enterprise.uscc().value())
			.query(Long.class).single()).as("nothing refused is stored").isOne();
		list("Bearer sw-demo-officer.customs").andExpect(status().isForbidden());
		list("Bearer sw-demo-admin").andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorOpensAndDeactivatesColleaguesOnThePageAndAColleagueOnlyReadsIt() throws Exception {
		Registrations.Registered enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Cookie administrator = sessionOf(mvc, enterprise.username(), enterprise.password(), ADDRESS);
		String page = page(administrator);
		assertThat(page).contains("id=\"operator-form\"").contains("id=\"operator-" + enterprise.username() + "\"")
			.doesNotContain("id=\"deactivate-" + enterprise.username() + "\"");

		String clerk = unique("clerk.");
		MvcResult weak = mvc.perform(post("/account/operators").cookie(administrator).param("_csrf", formToken(page))
			.param("username", clerk).param("displayName", "王小明").param("password", "short")).andReturn();
		assertThat(weak.getResponse().getStatus()).isEqualTo(422);
		assertThat(weak.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"operator-form\"")
			.contains("value=\"" + clerk + "\"");
		MvcResult opened = mvc.perform(post("/account/operators").cookie(administrator).param("_csrf", formToken(page))
			.param("username", clerk).param("displayName", "王小明").param("password", GOOD_PASSWORD)).andReturn();
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/account/operators?opened=" + clerk);
		assertThat(page(administrator)).contains("id=\"operator-" + clerk + "\"")
			.contains("id=\"deactivate-" + clerk + "\"")
			.as("the row's reset form carries its own CSRF token, as a browser posts it")
			.containsPattern("action=\"/account/operators/[0-9a-f-]+/password\"[^>]*><input type=\"hidden\" name=\"_csrf\"");

		Cookie colleague = sessionOf(mvc, clerk, GOOD_PASSWORD, ADDRESS);
		chooseOwnPassword(colleague);
		String seen = page(colleague);
		assertThat(seen).contains("id=\"operator-" + enterprise.username() + "\"").doesNotContain("id=\"operator-form\"")
			.doesNotContain("id=\"deactivate-");
		assertThat(mvc.perform(post("/account/operators").cookie(colleague).param("_csrf", formToken(seen))
			.param("username", unique("clerk.")).param("displayName", "李四").param("password", GOOD_PASSWORD))
			.andReturn().getResponse().getStatus()).isEqualTo(403);

		String id = jdbc.sql("SELECT id::text FROM user_account WHERE username = ?").param(clerk).query(String.class)
			.single();
		MvcResult weakReset = mvc.perform(post("/account/operators/{id}/password", id).cookie(administrator)
			.param("_csrf", formToken(page)).param("password", "short")).andReturn();
		assertThat(weakReset.getResponse().getStatus()).isEqualTo(422);
		assertThat(weakReset.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"operator-list\"");
		MvcResult reset = mvc.perform(post("/account/operators/{id}/password", id).cookie(administrator)
			.param("_csrf", formToken(page)).param("password", "harbour-fog-bell-12")).andReturn();
		assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/account/operators?reset");
		assertThat(mvc.perform(get("/account/operators?reset").cookie(administrator)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"password-reset\"");
		assertThat(mvc.perform(get("/account/operators").cookie(colleague)).andReturn().getResponse()
			.getStatus()).as("the colleague's session ended with the reset").isNotEqualTo(200);
		MvcResult deactivated = mvc.perform(post("/account/operators/{id}/deactivate", id).cookie(administrator)
			.param("_csrf", formToken(page))).andReturn();
		assertThat(deactivated.getResponse().getRedirectedUrl()).isEqualTo("/account/operators");
		assertThat(page(administrator)).contains("id=\"reactivate-" + clerk + "\"");
		assertThat(sessionOf(mvc, clerk, OWN_PASSWORD, ADDRESS)).as("deactivated").isNull();
	}

	@Test
	void theAdministratorHandsTheAdministrationOverToAColleagueAndGoesOnAsAnOperator() throws Exception {
		Registrations.Registered enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String clerk = unique("clerk.");
		UUID id = UUID.fromString(JsonPath.read(body(open(enterprise.bearer(), clerk, "王小明", GOOD_PASSWORD)
			.andExpect(status().isCreated())), "$.id"));
		chooseOwnPassword(sessionOf(mvc, clerk, GOOD_PASSWORD, ADDRESS));
		String clerkKey = "Bearer " + Registrations.apiKeyOf(mvc, clerk, OWN_PASSWORD);
		UUID registrant = UUID.fromString(JsonPath.read(body(list(enterprise.bearer())), "$[0].id"));

		act(enterprise.bearer(), registrant, "administration").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OWN_ACCOUNT"));
		act("Bearer sw-demo-trader.coffee", id, "administration").andExpect(status().isNotFound());
		act(clerkKey, registrant, "administration").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));
		act(enterprise.bearer(), id, "deactivate").andExpect(status().isNoContent());
		act(enterprise.bearer(), id, "administration").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ACCOUNT_DEACTIVATED"));
		act(enterprise.bearer(), id, "reactivate").andExpect(status().isNoContent());
		clerkKey = "Bearer " + Registrations.apiKeyOf(mvc, clerk, OWN_PASSWORD);

		act(enterprise.bearer(), id, "administration").andExpect(status().isNoContent());

		String after = body(list(clerkKey).andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(after, "$[?(@.administrator == true)].username"))
			.as("one administrator, the colleague").containsExactly(clerk);
		open(enterprise.bearer(), unique("clerk."), "李四", GOOD_PASSWORD).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));
		open(clerkKey, unique("clerk."), "李四", GOOD_PASSWORD).andExpect(status().isCreated());
		act(clerkKey, registrant, "deactivate").andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", enterprise.bearer())).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT actor FROM security_event WHERE username = ? AND type = ?")
			.params(clerk, "ENTERPRISE_ADMINISTRATOR_HANDED_OVER").query(String.class).list())
			.containsExactly(enterprise.username());
	}

	/**
	 * The registrant left without handing over and its account was deactivated: the zone's administrators name a
	 * colleague the enterprise's administrator, in place of the registrant, and only that colleague manages from then.
	 */
	@Test
	void theZonesAdministratorsNameAColleagueTheAdministratorWhenTheLastOneLeftWithoutHandingOver() throws Exception {
		Registrations.Registered enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String clerk = unique("clerk.");
		UUID id = UUID.fromString(JsonPath.read(body(open(enterprise.bearer(), clerk, "王小明", GOOD_PASSWORD)
			.andExpect(status().isCreated())), "$.id"));
		UUID registrant = UUID.fromString(JsonPath.read(body(list(enterprise.bearer())), "$[0].id"));
		mvc.perform(post("/api/v1/accounts/{id}/deactivate", registrant).header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isNoContent());

		name(id, "Bearer " + enterprise.apiKey()).andExpect(status().isUnauthorized());
		name(id, "Bearer sw-demo-trader.coffee").andExpect(status().isForbidden());
		name(registrant, "Bearer sw-demo-admin").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ACCOUNT_DEACTIVATED"));
		UUID officer = jdbc.sql("SELECT id FROM user_account WHERE username = 'officer.customs'").query(UUID.class)
			.single();
		name(officer, "Bearer sw-demo-admin").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOT_AN_ENTERPRISE_ACCOUNT"));

		name(id, "Bearer sw-demo-admin").andExpect(status().isNoContent());
		name(id, "Bearer sw-demo-admin").andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/accounts/{id}/reactivate", registrant).header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isNoContent());

		assertThat(jdbc.sql("SELECT username FROM user_account WHERE uscc = ? AND enterprise_administrator")
			.param(enterprise.uscc().value()).query(String.class).list()).as("one administrator").containsExactly(clerk);
		chooseOwnPassword(sessionOf(mvc, clerk, GOOD_PASSWORD, ADDRESS));
		String clerkKey = "Bearer " + Registrations.apiKeyOf(mvc, clerk, OWN_PASSWORD);
		open(clerkKey, unique("clerk."), "李四", GOOD_PASSWORD).andExpect(status().isCreated());
		String registrantKey = "Bearer " + Registrations.apiKeyOf(mvc, enterprise.username(), enterprise.password());
		open(registrantKey, unique("clerk."), "李四", GOOD_PASSWORD).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));
		assertThat(jdbc.sql("SELECT actor FROM security_event WHERE username = ? AND type = ?")
			.params(clerk, "ENTERPRISE_ADMINISTRATOR_HANDED_OVER").query(String.class).list())
			.as("named once").containsExactly("admin");
	}

	private ResultActions name(UUID account, String authorization) throws Exception {
		return mvc.perform(post("/api/v1/accounts/{id}/enterprise-administration", account)
			.header("Authorization", authorization));
	}

	/** The colleague types the first password as the current one and chooses his own. */
	private void chooseOwnPassword(Cookie session) throws Exception {
		chooseOwnPassword(session, GOOD_PASSWORD);
	}

	private void chooseOwnPassword(Cookie session, String first) throws Exception {
		String form = mvc.perform(get("/account/password").cookie(session)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("id=\"password-required\"");
		assertThat(mvc.perform(post("/account/password").cookie(session).param("_csrf", formToken(form))
			.param("currentPassword", first).param("newPassword", OWN_PASSWORD)
			.param("repeatPassword", OWN_PASSWORD)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("id=\"password-changed\"");
	}

	private String page(Cookie session) throws Exception {
		return mvc.perform(get("/account/operators").cookie(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions list(String authorization) throws Exception {
		return mvc.perform(get("/api/v1/operators").header("Authorization", authorization));
	}

	private ResultActions open(String authorization, String username, String name, String password) throws Exception {
		return mvc.perform(post("/api/v1/operators").header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"%s","displayName":"%s","password":"%s"}""".formatted(username, name, password)));
	}

	private ResultActions act(String authorization, UUID id, String what) throws Exception {
		return mvc.perform(post("/api/v1/operators/{id}/" + what, id).header("Authorization", authorization));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
