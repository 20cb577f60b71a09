package io.singlewindow.enterprise;

import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Registrations.Registered;
import tools.jackson.databind.json.JsonMapper;

/** An applicant registers a business from one application and holds a valid licence at once. */
@SingleWindowIntegrationTest
@RecordApplicationEvents
class RegistrationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	ApplicationEvents events;

	@Test
	void anApplicantRegistersAndAtOnceHoldsALicenceWhoseUsccPassesTheCheck() throws Exception {
		ApplicationFixtures application = anApplication().with("businessScope", List.of("I6520", "F5191", "F5151"));

		MvcResult result = mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(application.json()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/enterprises/")))
			.andExpect(jsonPath("$.enterprise.status").value("ACTIVE"))
			.andExpect(jsonPath("$.enterprise.nameZh").value(application.get("nameZh")))
			.andExpect(jsonPath("$.enterprise.industrialChain").value("INTEGRATED_CIRCUITS"))
			.andExpect(jsonPath("$.enterprise.highTech").value(true))
			.andExpect(jsonPath("$.usccCheckValid").value(true))
			.andExpect(jsonPath("$.origin").value("ISSUED"))
			.andExpect(jsonPath("$.warnings").isEmpty())
			.andExpect(jsonPath("$.businessScope[*].code", containsInAnyOrder("I6520", "F5191", "F5151")))
			.andExpect(jsonPath("$.agencyRegistrations[*].agency", containsInAnyOrder("SAMR", "TAX", "CUSTOMS")))
			.andExpect(jsonPath("$.history[0].action").value("REGISTERED"))
			.andReturn();

		String code = JsonPath.read(result.getResponse().getContentAsString(), "$.enterprise.uscc");
		Uscc uscc = Uscc.parse(code);
		assertThat(uscc.hasValidCheckCharacter()).isTrue();
		assertThat(code).matches("91350200MA[0-9A-HJ-NPQRTUWXY]{8}");
		assertThat(code.charAt(16)).isEqualTo(Uscc.organisationCodeCheckOf(code.substring(8, 16)));
		assertThat(enterprises.requireActive(uscc).crossBorderTrader()).isTrue();
		List<String> customsCodes = JsonPath.read(result.getResponse().getContentAsString(),
				"$.agencyRegistrations[?(@.agency == 'CUSTOMS')].reference");
		String customsCode = customsCodes.getFirst();
		assertThat(customsCode).matches("3502F\\d{5}");

		EnterpriseRegistered registered = events.stream(EnterpriseRegistered.class)
			.filter(e -> e.uscc().equals(uscc)).findFirst().orElseThrow();
		assertThat(registered.agencies()).containsExactlyInAnyOrder("SAMR", "TAX", "CUSTOMS");
		assertThat(registered.permitCodes()).containsExactly("DRUG_IMPORT");
		assertThat(registered.recorded()).isFalse();
	}

	@Test
	void aDomesticTraderIsNotRegisteredWithCustoms() throws Exception {
		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(anApplication().with("crossBorderTrader", false).with("entityType", "INDIVIDUAL_BUSINESS").json()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.enterprise.uscc").value(org.hamcrest.Matchers.startsWith("92350200")))
			.andExpect(jsonPath("$.agencyRegistrations[*].agency", containsInAnyOrder("SAMR", "TAX")));
	}

	@Test
	void theNewTraderLogsInThroughTheWebFormAndActsThroughTheApi() throws Exception {
		Registered registered = Registrations.register(mvc, anApplication());

		mvc.perform(formLogin("/login").user(registered.username()).password(registered.password()))
			.andExpect(authenticated().withUsername(registered.username()));
		mvc.perform(get("/api/v1/me").header("Authorization", registered.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("TRADER"))
			.andExpect(jsonPath("$.enterprise").value(registered.uscc().value()));
		mvc.perform(get("/api/v1/enterprises/{uscc}/licence", registered.uscc()).header("Authorization",
				registered.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.uscc").value(registered.uscc().value()));
		mvc.perform(get("/api/v1/enterprises/{uscc}", EnterpriseFixtures.demo("CHIP")).header("Authorization",
				registered.bearer()))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0} = {1} → {2} {3}")
	@CsvSource(delimiter = '|', value = {
			"nameZh              | <absent>               | nameZh              | REQUIRED",
			"nameZh              | '\"   \"'              | nameZh              | REQUIRED",
			"legalRepresentative | <absent>               | legalRepresentative | REQUIRED",
			"entityType          | '\"TRUST\"'            | entityType          | ENTITY_TYPE_UNKNOWN",
			"registeredCapital   | <absent>               | registeredCapital   | REQUIRED",
			"registeredCapital   | 0                      | registeredCapital   | CAPITAL_NOT_POSITIVE",
			"registeredCapital   | -100                   | registeredCapital   | CAPITAL_NOT_POSITIVE",
			"registeredCapital   | 1000.005               | registeredCapital   | CAPITAL_TOO_PRECISE",
			"registeredCapital   | 1e30                   | registeredCapital   | TOO_LARGE",
			"capitalCurrency     | '\"ABC\"'              | capitalCurrency     | CURRENCY_UNKNOWN",
			"capitalCurrency     | '\"dollars\"'          | capitalCurrency     | CURRENCY_CODE_FORMAT",
			"zoneArea            | '\"PUDONG\"'           | zoneArea            | ZONE_AREA_UNKNOWN",
			"address             | <absent>               | address             | REQUIRED",
			"businessScope       | '[]'                   | businessScope       | BUSINESS_SCOPE_EMPTY",
			"businessScope       | '[\"I6520\",\"X9999\"]' | businessScope[1]   | ACTIVITY_UNKNOWN",
			"industrialChain     | '\"STEEL\"'            | industrialChain     | INDUSTRIAL_CHAIN_UNKNOWN",
			"username            | '\"a\"'                | username            | USERNAME_FORMAT",
			"username            | '\"trader.chip\"'      | username            | USERNAME_TAKEN",
			"password            | '\"short\"'            | password            | PASSWORD_TOO_SHORT",
			"password            | <absent>               | password            | REQUIRED" })
	void refusesABadApplicationFieldByFieldAndStoresNothing(String field, String value, String errorField,
			String code) throws Exception {
		ApplicationFixtures application = anApplication();
		if (value.equals("<absent>")) {
			application.without(field);
		} else {
			application.with(field, JSON.readTree(value));
		}
		long enterprisesBefore = count("enterprise");
		long accountsBefore = count("user_account");

		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).content(application.json()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(errorField))
			.andExpect(jsonPath("$.errors[0].code").value(code));

		assertThat(count("enterprise")).isEqualTo(enterprisesBefore);
		assertThat(count("user_account")).isEqualTo(accountsBefore);
		assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE name_zh = ?")
			.param(String.valueOf(application.get("nameZh"))).query(Long.class).single()).isZero();
	}

	@Test
	void reportsEveryProblemAtOnceInTheCallersLanguage() throws Exception {
		long before = count("enterprise");
		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
			.content(anApplication().without("nameZh").with("registeredCapital", -1)
				.with("businessScope", List.of("NOPE")).json()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("nameZh", "registeredCapital", "businessScope[0]")))
			.andExpect(jsonPath("$.errors[?(@.field == 'registeredCapital')].message").value(hasItem("注册资本必须大于零。")));
		assertThat(count("enterprise")).isEqualTo(before);
	}

	@Test
	void aCapitalThatIsNotANumberIsInvalidInputNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(anApplication().with("registeredCapital", "a lot").json()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_VALUE"))
			.andExpect(jsonPath("$.field").value("registeredCapital"));
	}

	@Test
	void refusesANameAlreadyRegisteredInTheZoneWhateverTheBracketsAndKeepsNothing() throws Exception {
		ApplicationFixtures first = anApplication().with("nameZh", "厦门重名" + System.nanoTime() + "（演示）有限公司");
		Registrations.register(mvc, first);
		long enterprisesBefore = count("enterprise");
		long accountsBefore = count("user_account");

		String halfWidth = ((String) first.get("nameZh")).replace("（", "(").replace("）", ")");
		ApplicationFixtures second = anApplication().with("nameZh", halfWidth);
		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).content(second.json()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("nameZh"))
			.andExpect(jsonPath("$.errors[0].code").value("ENTERPRISE_NAME_TAKEN"));
		mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(anApplication().with("nameEn", first.get("nameEn").toString().toUpperCase()).json()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("nameEn"))
			.andExpect(jsonPath("$.errors[0].code").value("ENTERPRISE_NAME_TAKEN"));

		assertThat(count("enterprise")).isEqualTo(enterprisesBefore);
		assertThat(count("user_account")).isEqualTo(accountsBefore);
	}

	/** Applicants racing for the same name: the database's unique index lets exactly one of them have it. */
	@Test
	void ofSimultaneousApplicationsForOneNameExactlyOneSucceeds() throws Exception {
		String name = "厦门抢注" + System.nanoTime() + "有限公司";
		int applicants = 6;
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(applicants);
		long before = count("enterprise");
		try {
			List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
			for (int i = 0; i < applicants; i++) {
				String body = anApplication().with("nameZh", name).json();
				results.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).content(body))
						.andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (var result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 422).hasSize(applicants - 1);
		} finally {
			pool.shutdownNow();
		}
		assertThat(count("enterprise")).isEqualTo(before + 1);
	}

	@Test
	void anyoneVerifiesALicenceAndLearnsNothingPrivate() throws Exception {
		Registered registered = Registrations.register(mvc, anApplication());

		MvcResult result = mvc.perform(get("/api/v1/licences/{uscc}", registered.uscc().value().toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.uscc").value(registered.uscc().value()))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.usccCheckValid").value(true))
			.andExpect(jsonPath("$.registrationAuthority").value("SAMR"))
			.andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain(registered.username(), "王测试", "象屿路", "legalRepresentative", "address",
				"registeredCapital", "agencyRegistrations", "3502F", "history");

		mvc.perform(get("/api/v1/licences/{uscc}", Uscc.issue("91350200MA0000001")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("LICENCE_NOT_FOUND"));
		mvc.perform(get("/api/v1/licences/NOT-A-CODE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.field").value("uscc"))
			.andExpect(jsonPath("$.errors[0].code").value("USCC_FORMAT"));
		mvc.perform(get("/verify/{uscc}", registered.uscc()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(registered.uscc().value())))
			.andExpect(content().string(not(containsString("王测试"))));
	}

	@Test
	void anOfficerRecordsAnExistingCodeWithAWrongCheckCharacterAndEveryoneSeesTheWarning() throws Exception {
		String first17 = "91350206" + randomBody();
		char right = Uscc.checkCharacterOf(first17);
		char wrong = Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(right) + 1) % 31);
		String existing = first17 + wrong;
		String body = JSON.writeValueAsString(java.util.Map.of("uscc", existing, "establishedOn", "2014-10-01",
				"application", JSON.readTree(anApplication().without("username").without("password").json())));

		mvc.perform(post("/api/v1/enterprises/recorded").header("Authorization", "Bearer sw-demo-officer.samr")
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.enterprise.uscc").value(existing))
			.andExpect(jsonPath("$.usccCheckValid").value(false))
			.andExpect(jsonPath("$.origin").value("RECORDED"))
			.andExpect(jsonPath("$.establishedOn").value("2014-10-01"))
			.andExpect(jsonPath("$.warnings[0]").value("USCC_CHECK_CHARACTER_MISMATCH"));
		mvc.perform(get("/api/v1/licences/{uscc}", existing))
			.andExpect(jsonPath("$.usccCheckValid").value(false))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.warnings[0]").value("USCC_CHECK_CHARACTER_MISMATCH"));
		mvc.perform(get("/verify/{uscc}", existing).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("early pilot")));

		mvc.perform(post("/api/v1/enterprises/recorded").header("Authorization", "Bearer sw-demo-officer.samr")
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("2014-10-01", "2015-01-01")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'uscc')].code").value(hasItem("USCC_TAKEN")));
	}

	@ParameterizedTest(name = "{0} cannot record an existing enterprise")
	@CsvSource({ "officer.customs", "trader.chip", "admin" })
	void onlyMarketRegulationRecordsExistingEnterprises(String caller) throws Exception {
		String body = JSON.writeValueAsString(java.util.Map.of("uscc", "91350206" + randomBody() + "0",
				"application", JSON.readTree(anApplication().json())));
		long before = count("enterprise");
		mvc.perform(post("/api/v1/enterprises/recorded").header("Authorization", "Bearer sw-demo-" + caller)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_AGENCY"));
		assertThat(count("enterprise")).isEqualTo(before);
	}

	@ParameterizedTest(name = "recorded code {0} → {1}")
	@CsvSource({ "9135020MA31C0014X, USCC_FORMAT", "91350200MA31C00I4X, USCC_FORMAT", "'', REQUIRED" })
	void aRecordedCodeIsReadStrictlyOnFormat(String code, String expected) throws Exception {
		String body = JSON.writeValueAsString(java.util.Map.of("uscc", code,
				"application", JSON.readTree(anApplication().without("username").json())));
		mvc.perform(post("/api/v1/enterprises/recorded").header("Authorization", "Bearer sw-demo-officer.samr")
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'uscc')].code").value(hasItem(expected)));
	}

	@Test
	void registeringIsPublicButListingEnterprisesIsNot() throws Exception {
		mvc.perform(get("/api/v1/enterprises"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		mvc.perform(get("/api/v1/enterprises/{uscc}/licence", EnterpriseFixtures.demo("CHIP")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/enterprises")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theActivityCatalogueIsPublicAndNamesThePermitsOfRegulatedActivities() throws Exception {
		mvc.perform(get("/api/v1/business-activities"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(20)))
			.andExpect(jsonPath("$[?(@.code == 'F5151')].permitCode").value(hasItem("DRUG_IMPORT")))
			.andExpect(jsonPath("$[?(@.code == 'I6520')].regulated").value(hasItem(false)));
	}

	@Test
	void theWebFormShowsEachProblemNextToItsFieldAndThenIssuesTheLicence() throws Exception {
		long before = count("enterprise");
		mvc.perform(post("/register").with(csrf())
			.param("nameZh", "").param("entityType", "LIMITED_LIABILITY_COMPANY").param("legalRepresentative", "李四")
			.param("registeredCapital", "a million").param("capitalCurrency", "CNY").param("zoneArea", "HAICANG_BONDED_PORT")
			.param("address", "海沧大道 1 号").param("industrialChain", "TUNGSTEN").param("username", "web" + System.nanoTime())
			.param("password", "lantern-quietly-47"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"error-nameZh\"")))
			.andExpect(content().string(containsString("id=\"error-registeredCapital\"")))
			.andExpect(content().string(containsString("id=\"error-businessScope\"")))
			.andExpect(content().string(not(containsString("lantern-quietly-47"))));
		assertThat(count("enterprise")).isEqualTo(before);

		String name = "厦门网页申请" + System.nanoTime() + "有限公司";
		MvcResult done = mvc.perform(post("/register").with(csrf())
			.param("nameZh", name).param("entityType", "LIMITED_LIABILITY_COMPANY").param("legalRepresentative", "李四")
			.param("registeredCapital", "1,000,000.50").param("capitalCurrency", "USD").param("zoneArea", "HAICANG_BONDED_PORT")
			.param("address", "海沧大道 1 号").param("businessScope", "C3240", "F5165").param("industrialChain", "TUNGSTEN")
			.param("crossBorderTrader", "true").param("username", "web" + System.nanoTime()).param("password", "lantern-quietly-47"))
			.andExpect(redirectedUrlPattern("/licences/*?registered"))
			.andReturn();
		String location = done.getResponse().getRedirectedUrl();
		// The browser session that registered (Spring Session, identified by its cookie) may see the licence.
		Cookie session = done.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		Uscc uscc = Uscc.parse(location.substring("/licences/".length(), location.indexOf('?')));
		assertThat(enterprises.get(uscc).registeredCapital()).isEqualByComparingTo("1000000.50");

		mvc.perform(get(location).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(uscc.value())))
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/licences/{uscc}/print", uscc).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"printed-uscc\">" + uscc.value())));
		// Another anonymous visitor is sent to log in; another trader is refused.
		mvc.perform(get(location)).andExpect(redirectedUrl("/login"));
		Cookie coffee = mvc.perform(formLogin("/login").user("trader.coffee").password("demo12345")).andReturn()
			.getResponse().getCookie("SESSION");
		mvc.perform(get("/licences/{uscc}", uscc).cookie(coffee))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("id=\"refused\"")));
		Cookie samr = mvc.perform(formLogin("/login").user("officer.samr").password("demo12345")).andReturn()
			.getResponse().getCookie("SESSION");
		mvc.perform(get("/licences/{uscc}", uscc).cookie(samr))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"do-suspend\"")));
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static String randomBody() {
		Random random = new Random();
		StringBuilder body = new StringBuilder("M");
		for (int i = 0; i < 7; i++) {
			body.append(Uscc.ALPHABET.charAt(random.nextInt(31)));
		}
		return body + String.valueOf(Uscc.organisationCodeCheckOf(body.toString()));
	}
}
