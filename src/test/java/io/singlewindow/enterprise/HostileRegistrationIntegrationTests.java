package io.singlewindow.enterprise;

import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.singlewindow.SingleWindowIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findings of the hostile-input review of registration, each kept as a regression: refused as 4xx naming the
 * field, before any query, and nothing stored.
 */
@SingleWindowIntegrationTest
class HostileRegistrationIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "nameZh, 12345, NAME_ZH_NOT_CHINESE", "nameZh, Xiamen Trading Co., NAME_ZH_NOT_CHINESE",
			"capitalCurrency, XAU, CURRENCY_UNKNOWN", "capitalCurrency, XXX, CURRENCY_UNKNOWN",
			"legalRepresentative, 王\u0000测试, CONTROL_CHARACTER", "address, 象屿\u0007路, CONTROL_CHARACTER" })
	void implausibleOrHostileApplicationsAreRefused(String field, String value, String code) throws Exception {
		refused(anApplication().with(field, value).json(), field, code);
	}

	/**
	 * The permit application's refusal of such a number wrote it out with {@code toPlainString()}, a billion
	 * characters, and ran out of memory (a 500 the fuzz suite found); the registered capital is refused before its
	 * refusal could do the same, and stays so.
	 */
	@ParameterizedTest(name = "registeredCapital = {0}")
	@CsvSource({ "1E+999999999, TOO_LARGE", "-1E+999999999, CAPITAL_NOT_POSITIVE", "1E-999999999, CAPITAL_TOO_PRECISE" })
	void aCapitalOfABillionDigitsIsRefusedWithoutWritingItOut(String capital, String code) throws Exception {
		String json = anApplication().with("registeredCapital", 5_000_000).json();
		refused(json.replace("\"registeredCapital\":5000000", "\"registeredCapital\":" + capital), "registeredCapital",
				code);
	}

	@Test
	void aCapitalTooLargeIsToldTheLargestTheRegisterHolds() throws Exception {
		String json = anApplication().with("registeredCapital", 5_000_000).json();
		mvc.perform(post("/api/v1/enterprises").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"registeredCapital\":5000000", "\"registeredCapital\":1e30")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("registeredCapital"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("This value is too large: at most 999,999,999,999,999,999.99."));
	}

	@Test
	void aNameLongerThanTheLimitIsRefusedWithoutQueryingForTheName() throws Exception {
		refused(anApplication().with("nameEn", "N".repeat(101)).json(), "nameEn", "SIZE");
		refused(anApplication().with("nameZh", "厦".repeat(101)).json(), "nameZh", "SIZE");
	}

	@Test
	void aFiveMegabyteNameIsRefusedAs413AtTheBodyLimitBeforeAnyQuery() throws Exception {
		long before = count("enterprise");
		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(anApplication().with("nameEn", "N".repeat(5_000_000)).json()))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
		// PAYLOAD_TOO_LARGE comes from the request-body limit, which refuses before the body is read, so the name
		// query (12–14 s at 100 % database CPU before the limits) never runs; a timing bound would only be flaky.
		assertThat(count("enterprise")).isEqualTo(before);
	}

	@Test
	void anEstablishmentDateInTheYearOneIsRefused() throws Exception {
		long before = count("enterprise");
		String body = JSON.writeValueAsString(Map.of("uscc", "91350206MA0000001X", "establishedOn", "0001-01-01",
				"application", JSON.readTree(anApplication().without("username").without("password").json())));
		mvc.perform(post("/api/v1/enterprises/recorded").header("Authorization", "Bearer sw-demo-officer.samr")
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[?(@.field == 'establishedOn')].code").value(
					org.hamcrest.Matchers.hasItem("ESTABLISHED_TOO_EARLY")));
		assertThat(count("enterprise")).isEqualTo(before);
	}

	@Test
	void aMalformedLicenceCodeIsInvalidInputNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/licences/91440300192203821O"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.field").value("uscc"))
			.andExpect(jsonPath("$.errors[0].field").value("uscc"))
			.andExpect(jsonPath("$.errors[0].code").value("USCC_FORMAT"));
	}

	private void refused(String json, String field, String code) throws Exception {
		long enterprises = count("enterprise");
		long accounts = count("user_account");
		register(json)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].code")
				.value(org.hamcrest.Matchers.hasItem(code)));
		assertThat(count("enterprise")).isEqualTo(enterprises);
		assertThat(count("user_account")).isEqualTo(accounts);
	}

	private ResultActions register(String json) throws Exception {
		return mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}
}
