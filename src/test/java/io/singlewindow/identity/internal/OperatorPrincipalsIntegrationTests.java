package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.GOOD_PASSWORD;
import static io.singlewindow.identity.internal.People.formToken;
import static io.singlewindow.identity.internal.People.sessionOf;
import static io.singlewindow.identity.internal.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.EnterpriseFixtures;
import jakarta.servlet.http.Cookie;

/**
 * A brokerage's colleagues each handle some of its principals (分管委托企业), as a large customs brokerage gives each
 * clerk their clients: its administrator names them, and from the clerk's very next request — the same API key, no
 * new login — the clerk declares and reads for those only; new colleagues, and "all", act for every principal.
 */
@SingleWindowIntegrationTest
class OperatorPrincipalsIntegrationTests {

	private static final String BROKERAGE = "Bearer sw-demo-broker";

	private static final String CHIP = EnterpriseFixtures.demo("CHIP").value();

	private static final String COFFEE = EnterpriseFixtures.demo("COFFEE").value();

	private static final String ADDRESS = "192.0.2.63";

	private static final String OWN_PASSWORD = "tidal-compass-lantern-5";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClerkGivenOnePrincipalDeclaresAndReadsForItAloneFromTheNextRequest() throws Exception {
		String clerk = unique("clerk.");
		UUID id = UUID.fromString(JsonPath.read(html(mvc.perform(post("/api/v1/operators")
			.header("Authorization", BROKERAGE).contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"%s","displayName":"陈分管","password":"%s"}""".formatted(clerk, GOOD_PASSWORD)))
			.andExpect(status().isCreated())), "$.id"));
		String key = People.keyAfterFirstLogin(mvc, clerk, OWN_PASSWORD, ADDRESS);
		assertThat(actsFor(key)).as("a new colleague: every principal").contains(CHIP, COFFEE);

		assign(BROKERAGE, id, "{\"principals\":[\"" + CHIP.toLowerCase(java.util.Locale.ROOT) + "\"]}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.all").value(false))
			.andExpect(jsonPath("$.principals[0]").value(CHIP));
		assertThat(actsFor(key)).as("the same key, at once").containsExactly(CHIP);
		mvc.perform(get("/api/v1/enterprises/{uscc}", CHIP).header("Authorization", key)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/{uscc}", COFFEE).header("Authorization", key))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
		mvc.perform(post("/api/v1/declarations").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"declarant\":\"" + COFFEE + "\"}")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
		assertThat(html(mvc.perform(get("/api/v1/operators").header("Authorization", BROKERAGE))))
			.contains("\"principals\":[\"" + CHIP + "\"]");
		assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE type = 'OPERATOR_PRINCIPALS_CHANGED'"
				+ " AND username = ? AND actor = 'broker'").param(clerk).query(Long.class).single()).isEqualTo(1);

		// Refused, nothing stored: an enterprise that does not authorise the brokerage, no list, not the administrator
		assign(BROKERAGE, id, "{\"principals\":[\"" + CHIP + "\",\"" + EnterpriseFixtures.demo("TUNGSTEN").value()
				+ "\"]}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("principals[1]"))
			.andExpect(jsonPath("$.errors[0].code").value("PRINCIPAL_UNKNOWN"));
		assign(BROKERAGE, id, "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("principals"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		assign(key, id, "{\"all\":true}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));
		assign("Bearer sw-demo-trader.coffee", id, "{\"all\":true}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		assertThat(actsFor(key)).containsExactly(CHIP);

		// The administrator's page: the boxes by name, then "all" ticked on the page gives every principal back
		Cookie session = sessionOf(mvc, "broker", "demo12345", ADDRESS);
		String page = page(session);
		assertThat(page).contains("id=\"principal-" + clerk + "-" + CHIP + "\" value=\"" + CHIP + "\" checked")
			.contains("id=\"principal-" + clerk + "-" + COFFEE + "\" value=\"" + COFFEE + "\">");
		mvc.perform(post("/account/operators/{id}/principals", id).cookie(session).param("_csrf", formToken(page))
			.param("all", "true").param("principals", "")).andExpect(status().is3xxRedirection());
		assertThat(actsFor(key)).contains(CHIP, COFFEE);
		mvc.perform(post("/account/operators/{id}/principals", id).cookie(session).param("_csrf", formToken(page))
			.param("principals", "")).andExpect(status().is3xxRedirection());
		assertThat(actsFor(key)).as("none ticked: the brokerage's own business only").isEmpty();
		assertThat(page(session)).contains("id=\"principals-" + clerk + "\"");

		// Made administrator, the clerk acts for every principal; and hands the administration back
		String broker = JsonPath.<List<String>>read(html(mvc.perform(get("/api/v1/operators")
			.header("Authorization", BROKERAGE))), "$[?(@.username == 'broker')].id").get(0);
		mvc.perform(post("/api/v1/operators/{id}/administration", id).header("Authorization", BROKERAGE))
			.andExpect(status().isNoContent());
		try {
			assertThat(actsFor(key)).contains(CHIP, COFFEE);
		} finally {
			mvc.perform(post("/api/v1/operators/{id}/administration", broker).header("Authorization", key))
				.andExpect(status().isNoContent());
		}
	}

	private ResultActions assign(String authorization, UUID id, String body) throws Exception {
		return mvc.perform(put("/api/v1/operators/{id}/principals", id).header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private List<String> actsFor(String key) throws Exception {
		return JsonPath.read(html(mvc.perform(get("/api/v1/me").header("Authorization", key))
			.andExpect(status().isOk())), "$.actsFor");
	}

	private String page(Cookie session) throws Exception {
		return html(mvc.perform(get("/account/operators").cookie(session)).andExpect(status().isOk()));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
