package io.singlewindow.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.EnterpriseFixtures;

/**
 * Who may see which enterprise through the REST API, for every demo role. The broker is authorised by the chip and
 * the coffee enterprises only.
 */
@SingleWindowIntegrationTest
class AuthorisationMatrixIntegrationTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0} reading {1} → {2}")
	@CsvSource({
			// caller,          enterprise, expected status
			"trader.chip,      CHIP,     200",
			"trader.chip,      COFFEE,   403",
			"trader.coffee,    COFFEE,   200",
			"trader.coffee,    CHIP,     403",
			"trader.tungsten,  CHIP,     403",
			"broker,           CHIP,     200",
			"broker,           COFFEE,   200",
			"broker,           TUNGSTEN, 403",
			"broker,           BROKER,   200",
			"officer.customs,  TUNGSTEN, 200",
			"officer.ciq,      CHIP,     200",
			"admin,            BIO,      200" })
	void enterpriseVisibility(String caller, String enterprise, int expected) throws Exception {
		mvc.perform(get("/api/v1/enterprises/{uscc}", EnterpriseFixtures.demo(enterprise))
			.header("Authorization", "Bearer sw-demo-" + caller))
			.andExpect(status().is(expected));
	}

	@ParameterizedTest(name = "{0} refused with {1}")
	@CsvSource({ "'', UNAUTHENTICATED", "'Bearer sw-nonsense', INVALID_API_KEY" })
	void refusesCallersWithoutAValidKey(String authorization, String code) throws Exception {
		var request = get("/api/v1/enterprises/{uscc}", EnterpriseFixtures.demo("CHIP"));
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
		}
		mvc.perform(request)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(code));
	}

	@ParameterizedTest(name = "{0} sees {1} enterprises")
	@CsvSource({ "trader.chip, 1", "broker, 3" })
	void listsOnlyTheEnterprisesTheCallerMaySee(String caller, int count) throws Exception {
		mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer sw-demo-" + caller))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(count));
	}

	@ParameterizedTest(name = "{0} is a {1}")
	@CsvSource({ "trader.chip, TRADER", "broker, BROKER", "officer.customs, OFFICER", "admin, ADMIN" })
	void answersWhoTheCallerIs(String caller, String role) throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw-demo-" + caller))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value(role));
	}

	@ParameterizedTest(name = "a malformed USCC is a 422 in {0}")
	@CsvSource({ "en, is not a Unified Social Credit Code", "zh-CN, 不是统一社会信用代码" })
	void explainsAMalformedUsccInTheCallersLanguage(String language, String text) throws Exception {
		mvc.perform(get("/api/v1/enterprises/NOT-A-CODE").header("Authorization", "Bearer sw-demo-admin")
			.header("Accept-Language", language))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].code").value("USCC_FORMAT"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(text)));
	}
}
