package io.singlewindow.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;

/** Administrators change the routing table through the API, and declarations follow it at once. */
@SingleWindowIntegrationTest
class RoutingAdminIntegrationTests {

	static final String WINE = """
			{"flow":"IMPORT","tradeMode":"0110","transportMode":"1","port":"CNXMN","originCountry":"FR",
			 "tradingCountry":"FR","currency":"EUR","incoterm":"CIF","packages":10,"grossWeight":130,"netWeight":110,
			 "items":[{"hsCode":"2204210000","description":"Bordeaux wine","quantity":120,"unit":"C62",
			  "statisticalQuantity":90,"value":2400,"origin":"FR"}]}""";

	@Autowired
	MockMvc mvc;

	@Test
	void conditionValuesThatAreNotCodesAreRefusedBeforeTheDatabaseSeesThem() throws Exception {
		// Found by the fuzz suite: hostile values reached PostgreSQL through the routing page, which answered 500 (the
		// API's JSON reader refuses control characters first; the page and the API share RoutingPages.parse).
		String rule = """
				{"code":"NUL_VALUES_TEST","descriptionZh":"测试","descriptionEn":"Test",
				 "conditionType":"HS_PREFIX","values":"0901,<b>x</b>","agency":"CIQ","priority":90}""";
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(rule))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'values')].code").value("ROUTING_VALUES_FORMAT"));
	}

	/** A rule's description is one line, shown wherever a task says why it was routed: shown as typed, or refused. */
	@Test
	void aDescriptionThatShowsInAnotherOrderIsRefused() throws Exception {
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"code":"BIDI_TEST","descriptionZh":"检疫","descriptionEn":"Quarantine \u202Eeerf",
					 "conditionType":"HS_PREFIX","values":"0901","agency":"CIQ","priority":90}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'descriptionEn')].code").value("CONTROL_CHARACTER"));
		mvc.perform(get("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(jsonPath("$[?(@.code == 'BIDI_TEST')]").isEmpty());
	}

	@Test
	void aRuleForAnAgencyTheZoneDoesNotHaveIsRefusedOnThePageAndByTheApi() throws Exception {
		String rule = """
				{"code":"QUARANTINE_TEST","descriptionZh":"检疫","descriptionEn":"Quarantine",
				 "conditionType":"HS_PREFIX","values":"0901","agency":"QUARANTINE","priority":90}""";
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(rule))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("agency"))
			.andExpect(jsonPath("$.errors[0].code").value("ROUTING_AGENCY_UNKNOWN"));
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(rule.replace("HS_PREFIX", "QUARANTINE_CHECK")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'conditionType')].code").value("ROUTING_CONDITION_UNKNOWN"));

		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
			.formLogin("/login").user("admin").password("demo12345");
		var session = mvc.perform(admin).andReturn().getResponse().getCookie("SESSION");
		String page = mvc.perform(post("/admin/routing").cookie(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.header("Accept-Language", "en").param("code", "QUARANTINE_TEST").param("descriptionZh", "检疫")
			.param("descriptionEn", "Quarantine").param("conditionType", "HS_PREFIX").param("values", "0901")
			.param("agency", "QUARANTINE").param("priority", "90").param("active", "true"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// Refused on the rule's own page, with what the administrator typed kept.
		assertThat(page).contains("The zone has no agency QUARANTINE", "value=\"Quarantine\"");
		// The page offers the zone's agencies and the condition types by name, not as free text.
		assertThat(page).contains("<select id=\"agency\" name=\"agency\"", "<option value=\"CIQ\">",
				"Supervision condition of the tariff line");
		mvc.perform(get("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(jsonPath("$[?(@.code == 'QUARANTINE_TEST')]").isEmpty());
	}

	@Test
	void anAdministratorsRuleRoutesTheNextDeclarationAndCanBeSwitchedOff() throws Exception {
		String rule = """
				{"code":"TAX_WINE_TEST","descriptionZh":"葡萄酒消费税","descriptionEn":"Excise on wine",
				 "conditionType":"HS_PREFIX","values":"2204","agency":"TAX","priority":90}""";
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content(rule)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(rule.replace("\"agency\":\"TAX\"", "\"agency\":null")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("ROUTING_AGENCY_REQUIRED"));
		mvc.perform(post("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(rule))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/routing/rules/TAX_WINE_TEST"))
			.andExpect(jsonPath("$.version").value(0));
		try {
			String declaration = body(mvc.perform(post("/api/v1/declarations")
				.header("Authorization", "Bearer sw-demo-trader.coffee").contentType(MediaType.APPLICATION_JSON)
				.content(WINE)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
			assertThat(JsonPath.<List<String>>read(declaration, "$.routes[?(@.agency == 'TAX')].ruleCode"))
				.containsExactly("TAX_WINE_TEST");
			assertThat(JsonPath.<List<String>>read(declaration, "$.tasks[*].agency")).contains("CUSTOMS", "CIQ", "TAX");
		} finally {
			mvc.perform(put("/api/v1/routing/rules/TAX_WINE_TEST").header("Authorization", "Bearer sw-demo-admin")
				.contentType(MediaType.APPLICATION_JSON)
				.content(rule.replace("\"priority\":90", "\"priority\":90,\"active\":false,\"version\":0")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		}
		// A stale version is refused; the switched-off rule routes nothing.
		mvc.perform(put("/api/v1/routing/rules/TAX_WINE_TEST").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content(rule.replace("\"priority\":90", "\"priority\":91,\"version\":0")))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ROUTING_RULE_CHANGED"));
		String after = body(mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content(WINE)).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(JsonPath.<List<String>>read(after, "$.tasks[*].agency")).doesNotContain("TAX");
		mvc.perform(get("/api/v1/routing/rules").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'CUSTOMS_ALWAYS')].active").value(true));
	}

	@Test
	void theAdministratorsPageListsTheRules() throws Exception {
		String page = mvc.perform(get("/admin/routing").cookie(logIn("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("rule-CUSTOMS_ALWAYS", "rule-PERMIT_ISSUING_AGENCY", "new-rule");
		mvc.perform(get("/admin/routing").cookie(logIn("trader.chip")))
			.andExpect(status().isForbidden());
	}

	/** The session cookie of a form login (sessions live in PostgreSQL, so the cookie is what identifies one). */
	private jakarta.servlet.http.Cookie logIn(String user) throws Exception {
		var response = mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
				.user(user).password("demo12345"))
			.andReturn().getResponse();
		return java.util.Arrays.stream(response.getCookies()).filter(c -> c.getName().equals("SESSION")).findFirst()
			.orElseThrow();
	}

	private static String body(String s) {
		return s;
	}
}
