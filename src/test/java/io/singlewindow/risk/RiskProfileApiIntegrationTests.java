package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;
import static io.singlewindow.risk.RiskFixtures.anIdNotRandomlySelected;
import static io.singlewindow.risk.RiskFixtures.anUnusedHsCode;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.singlewindow.SingleWindowIntegrationTest;

/** The risk REST API: profiles for administrators (validated per field, nothing half-stored), assessments for officers. */
@SingleWindowIntegrationTest
class RiskProfileApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RiskAssessor assessor;

	static String aCode() {
		return "API_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static String perfumeProfile(String code) {
		return """
				{"code": "%s", "nameZh": "香水（测试）", "nameEn": "Perfume (test)", "originCountries": ["fr", "IT"],
				 "hsPrefixes": ["97031"], "tradeModes": ["0110"], "flow": "IMPORT", "channel": "YELLOW",
				 "selectionPercent": 30, "aeoFactor": 0.5}""".formatted(code);
	}

	ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer sw-demo-" + user));
	}

	ResultActions create(String user, String json) throws Exception {
		return call(user, post("/api/v1/risk/profiles").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void anAdministratorCreatesEditsAndDeactivatesAProfile() throws Exception {
		String code = aCode();
		create("admin", perfumeProfile(code))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.originCountries", containsInAnyOrder("FR", "IT")))
			.andExpect(jsonPath("$.channel").value("YELLOW"))
			.andExpect(jsonPath("$.reasonCode").value("PROFILE_MATCH"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.version").value(0));

		call("admin", put("/api/v1/risk/profiles/{code}", code).contentType(MediaType.APPLICATION_JSON).content("""
				{"nameZh": "香水（测试）", "nameEn": "Perfume (test)", "hsPrefixes": ["97031"], "priceDeviationPercent": 80,
				 "channel": "RED", "selectionPercent": 5, "version": 0}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.channel").value("RED"))
			.andExpect(jsonPath("$.originCountries").isEmpty())
			.andExpect(jsonPath("$.reasonCode").value("UNIT_PRICE_ANOMALY"))
			.andExpect(jsonPath("$.version").value(1));

		// An edit based on the old version would silently undo the one above.
		call("admin", put("/api/v1/risk/profiles/{code}", code).contentType(MediaType.APPLICATION_JSON).content("""
				{"nameZh": "旧", "nameEn": "Stale", "hsPrefixes": ["97031"], "channel": "YELLOW", "selectionPercent": 1,
				 "version": 0}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("RISK_PROFILE_CHANGED"));

		call("admin", post("/api/v1/risk/profiles/{code}/deactivate", code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		call("admin", get("/api/v1/risk/profiles"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(code)))
			.andExpect(jsonPath("$[*].code", hasItem("PERFUME_ANY_ORIGIN")));
	}

	@Test
	void refusesEveryInvalidFieldAtOnceAndStoresNothing() throws Exception {
		String code = aCode();
		create("admin", """
				{"code": "%s", "nameZh": " ", "nameEn": "Bad", "originCountries": ["FR", "FRA"], "hsPrefixes": ["33x"],
				 "tradeModes": ["11"], "flow": "SIDEWAYS", "newEnterpriseDays": 0, "priceDeviationPercent": -5,
				 "channel": "GREEN", "selectionPercent": 120, "aeoFactor": 2,
				 "validFrom": "2026-12-31", "validTo": "2026-01-01"}""".formatted(code))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("nameZh", "originCountries[1]", "hsPrefixes[0]",
					"tradeModes[0]", "flow", "newEnterpriseDays", "priceDeviationPercent", "channel", "selectionPercent",
					"aeoFactor", "validTo")))
			.andExpect(jsonPath("$.errors[?(@.field == 'originCountries[1]')].code").value("COUNTRY_CODE_FORMAT"))
			.andExpect(jsonPath("$.errors[?(@.field == 'channel')].code").value("RISK_CHANNEL_INVALID"))
			.andExpect(jsonPath("$.errors[?(@.field == 'selectionPercent')].code").value("SELECTION_RATE_RANGE"));

		call("admin", get("/api/v1/risk/profiles/{code}", code))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("RISK_PROFILE_NOT_FOUND"));
	}

	@Test
	void refusesAProfileWithoutConditionsAMalformedCodeAndATakenCode() throws Exception {
		create("admin", """
				{"code": "%s", "nameZh": "全部", "nameEn": "Everything", "channel": "RED", "selectionPercent": 100}"""
			.formatted(aCode()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("conditions"))
			.andExpect(jsonPath("$.errors[0].code").value("RISK_PROFILE_NO_CONDITION"));
		create("admin", perfumeProfile("1-bad code"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].code").value("RISK_PROFILE_CODE_FORMAT"));
		create("admin", perfumeProfile("PERFUME_ANY_ORIGIN"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("RISK_PROFILE_CODE_TAKEN"));
	}

	@Test
	void explainsProblemsInTheCallersLanguage() throws Exception {
		mvc.perform(post("/api/v1/risk/profiles").header("Authorization", "Bearer sw-demo-admin")
			.header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
			.content(perfumeProfile(aCode()).replace("\"YELLOW\"", "\"GREEN\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("“GREEN”不是规则可指定的通道：YELLOW 或 RED。"));
	}

	@ParameterizedTest(name = "{0} may not manage risk profiles")
	@CsvSource({ "trader.chip", "broker", "officer.customs" })
	void onlyAdministratorsManageProfiles(String user) throws Exception {
		call(user, get("/api/v1/risk/profiles")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		String code = aCode();
		create(user, perfumeProfile(code)).andExpect(status().isForbidden());
		call("admin", get("/api/v1/risk/profiles/{code}", code)).andExpect(status().isNotFound());
	}

	@ParameterizedTest(name = "{0} reading a risk assessment → {1}")
	@CsvSource({ "officer.customs, 200", "officer.ciq, 200", "admin, 200", "trader.coffee, 403", "broker, 403" })
	void onlyOfficersAndAdministratorsSeeAssessments(String user, int expected) throws Exception {
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(anUnusedHsCode())).build();
		RiskDecision decision = assessor.assess(request);

		ResultActions result = call(user, get("/api/v1/risk/assessments/{id}", request.declarationId()))
			.andExpect(status().is(expected));
		if (expected == 200) {
			result.andExpect(jsonPath("$.channel").value(decision.channel().name()))
				.andExpect(jsonPath("$.reasonCode").value(decision.reasonCode()))
				.andExpect(jsonPath("$.declarant").value(request.declarant().value()))
				.andExpect(jsonPath("$.hits").isArray());
		}
	}

	@Test
	void anUnassessedDeclarationIsNotFound() throws Exception {
		call("officer.customs", get("/api/v1/risk/assessments/{id}", UUID.randomUUID()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("RISK_ASSESSMENT_NOT_FOUND"));
	}
}
