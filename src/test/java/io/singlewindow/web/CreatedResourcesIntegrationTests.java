package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.enterprise.Registrations;

/**
 * What the API makes it names in {@code Location}, and the one who made it reads it there: a client that follows the
 * address of a 201 — as RFC 9110 and every generated client expect — finds the account, the key, the agreement or the
 * rate it just made, not a 404. (The contract test, {@code ApiContract}, also refuses any 201 or 202 without the
 * header in every test that calls the API.)
 */
@SingleWindowIntegrationTest
class CreatedResourcesIntegrationTests {

	private static final String ADMIN = "Bearer sw-demo-admin";

	private static final String PASSWORD = "lantern-quietly-47";

	@Autowired
	MockMvc mvc;

	@Test
	void aColleagueOpenedByTheEnterprisesAdministratorIsReadAtItsAddress() throws Exception {
		var enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String clerk = "clerk-" + unique();
		String found = madeAndReadAgain(enterprise.bearer(), "/api/v1/operators", """
				{"username":"%s","displayName":"王小明","password":"%s"}""".formatted(clerk, PASSWORD), "$.id");
		assertThat(JsonPath.<String>read(found, "$.username")).isEqualTo(clerk);
	}

	@Test
	void anOfficersAccountOpenedByAnAdministratorIsReadAtItsAddress() throws Exception {
		String officer = "officer-" + unique();
		String found = madeAndReadAgain(ADMIN, "/api/v1/accounts", """
				{"username":"%s","displayName":"测试 %s","role":"OFFICER","agency":"CIQ","password":"%s"}"""
			.formatted(officer, officer, PASSWORD), "$.id");
		assertThat(JsonPath.<String>read(found, "$.agency")).isEqualTo("CIQ");
	}

	@Test
	void anApiKeyIsReadAtItsAddressWithoutItsSecret() throws Exception {
		var enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String found = madeAndReadAgain(enterprise.bearer(), "/api/v1/api-keys", "{\"label\":\"made\"}", "$.id");
		assertThat(found).as("the secret is shown once, when made").doesNotContain("\"key\"");
	}

	@Test
	void aBrokersAuthorityIsReadAtItsAddressWhileItLasts() throws Exception {
		var enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String broker = EnterpriseFixtures.demo("BROKER").value();
		String location = made(enterprise.bearer(), "/api/v1/broker-authorisations", "{\"broker\":\"" + broker + "\"}")
			.getHeader("Location");
		assertThat(JsonPath.<String>read(read(enterprise.bearer(), location, 200), "$.broker")).isEqualTo(broker);

		assertThat(mvc.perform(delete(location).header("Authorization", enterprise.bearer())).andReturn().getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(JsonPath.<String>read(read(enterprise.bearer(), location, 404), "$.code"))
			.isEqualTo("BROKER_AUTHORISATION_NOT_FOUND");
	}

	@Test
	void aWebhookIsReadAtItsAddressWithoutItsSecretStoppedOrNot() throws Exception {
		var enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		MockHttpServletResponse registered = made(enterprise.bearer(), "/api/v1/webhooks",
				"{\"url\":\"http://127.0.0.1:9/created\"}");
		String location = registered.getHeader("Location");
		String found = read(enterprise.bearer(), location, 200);
		assertThat(JsonPath.<String>read(found, "$.id")).isEqualTo(JsonPath.read(registered.getContentAsString(),
				"$.id"));
		assertThat(found).doesNotContain("whsec_");

		assertThat(mvc.perform(delete(location).header("Authorization", enterprise.bearer())).andReturn().getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(JsonPath.<Boolean>read(read(enterprise.bearer(), location, 200), "$.active")).isFalse();
		assertThat(JsonPath.<String>read(read("Bearer sw-demo-trader.chip", location, 404), "$.code"))
			.as("another enterprise's").isEqualTo("WEBHOOK_NOT_FOUND");
	}

	@Test
	void aRiskProfileIsReadAtItsAddress() throws Exception {
		String code = "MADE_" + unique().toUpperCase(Locale.ROOT);
		// On an origin and goods no other test declares, so that it selects nobody else's declaration.
		madeAndReadAgain(ADMIN, "/api/v1/risk/profiles", """
				{"code":"%s","nameZh":"活马（测试）","nameEn":"Live horses (test)","originCountries":["AQ"],
				 "hsPrefixes":["0101"],"tradeModes":["0110"],"flow":"IMPORT","channel":"YELLOW",
				 "selectionPercent":1,"aeoFactor":0.5}""".formatted(code), "$.code");
	}

	@Test
	void aRoutingRuleIsReadAtItsAddress() throws Exception {
		String code = "MADE_" + unique().toUpperCase(Locale.ROOT);
		// Switched off at once: a rule in force would route other tests' declarations (0101, live horses, none).
		madeAndReadAgain(ADMIN, "/api/v1/routing/rules", """
				{"code":"%s","descriptionZh":"活马","descriptionEn":"Live horses","conditionType":"HS_PREFIX",
				 "values":"0101","agency":"CIQ","priority":90,"active":false}""".formatted(code), "$.code");
	}

	@Test
	void anAgencyAgreementIsReadAtItsAddressByTheBrokerWhoProposedIt() throws Exception {
		madeAndReadAgain("Bearer sw-demo-broker", "/api/v1/agency-agreements", """
				{"principal":"%s","flow":"IMPORT","goods":"made %s","validUntil":"2099-12-31"}"""
			.formatted(EnterpriseFixtures.demo("CHIP").value(), unique()), "$.number");
	}

	@Test
	void aPermitCatalogueEntryAndAnApplicationForItAreReadAtTheirAddresses() throws Exception {
		String code = "MADE_" + unique().toUpperCase(Locale.ROOT);
		madeAndReadAgain(ADMIN, "/api/v1/permit-catalogue", """
				{"code":"%s","nameZh":"测试事项","nameEn":"Test activity","issuingAgency":"SAMR","mode":"FILING",
				 "reviewDays":5,"verificationDays":30,"documentsZh":["申请表"],"documentsEn":["Application form"],
				 "validityMonths":12}""".formatted(code), "$.code");

		var enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
		madeAndReadAgain(enterprise.bearer(), "/api/v1/permit-applications", """
				{"catalogueCode":"%s","applicant":"%s","scope":"made","documents":["FORM-2026-1"]}"""
			.formatted(code, enterprise.uscc().value()), "$.id");
	}

	@Test
	void aTradeRemedyRateAndAnOriginWithoutMfnAreReadAtTheirAddresses() throws Exception {
		// From a day no test assesses: the rate and the listing change nobody's duties.
		madeAndReadAgain(ADMIN, "/api/v1/tariff/trade-remedies", """
				{"kind":"ANTI_DUMPING","notice":"公告 %s","hsCode":"8542319000","origin":"AQ","producer":null,
				 "rate":0.1,"firstDay":"2098-01-01","lastDay":null}""".formatted(unique()), "$.id");
		madeAndReadAgain(ADMIN, "/api/v1/tariff/origins-without-mfn", """
				{"origin":"AQ","notice":"公告 %s","firstDay":"2098-01-01","lastDay":null}""".formatted(unique()),
				"$.id");
	}

	/**
	 * Makes something, reads it at the answer's {@code Location} as its maker, and checks it is what was made (the
	 * same value at {@code identity}).
	 *
	 * @return what the address answers
	 */
	private String madeAndReadAgain(String caller, String path, String body, String identity) throws Exception {
		MockHttpServletResponse made = made(caller, path, body);
		String found = read(caller, made.getHeader("Location"), 200);
		assertThat(String.valueOf((Object) JsonPath.read(found, identity))).as(path + " read at its Location")
			.isEqualTo(String.valueOf((Object) JsonPath.read(made.getContentAsString(StandardCharsets.UTF_8),
					identity)));
		return found;
	}

	private MockHttpServletResponse made(String caller, String path, String body) throws Exception {
		MockHttpServletResponse made = mvc.perform(post(path).header("Authorization", caller)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
		assertThat(made.getStatus()).as(path + ": " + made.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
		assertThat(made.getHeader("Location")).as(path + " names what it made").startsWith("/api/v1/");
		return made;
	}

	private String read(String caller, String location, int status) throws Exception {
		MockHttpServletResponse found = mvc.perform(get(location).header("Authorization", caller)).andReturn()
			.getResponse();
		assertThat(found.getStatus()).as(location + ": " + found.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(status);
		return found.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
