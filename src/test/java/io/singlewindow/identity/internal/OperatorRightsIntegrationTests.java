package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.GOOD_PASSWORD;
import static io.singlewindow.identity.internal.People.formToken;
import static io.singlewindow.identity.internal.People.sessionOf;
import static io.singlewindow.identity.internal.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import jakarta.servlet.http.Cookie;

/**
 * An operator's rights (操作员权限): the enterprise's administrator decides what each colleague may change for the
 * enterprise — declare goods, apply for permits, keep the enterprise's record — as the national single window's
 * enterprise administrators give each clerk the businesses they handle. Everyone of the enterprise reads; a change
 * without the right is refused 403 {@code OPERATOR_RIGHT_REQUIRED} on every channel, and nothing is stored.
 */
@SingleWindowIntegrationTest
class OperatorRightsIntegrationTests {

	private static final String ADMINISTRATOR = "Bearer sw-demo-trader.coffee";

	private static final String ADDRESS = "192.0.2.62";

	private static final String OWN_PASSWORD = "reef-lantern-harbour-8";

	/** The API document's example: roasted coffee, the demo coffee importer's trade. */
	private static final String ROASTED_COFFEE = """
			{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"VN",
			 "tradingCountry":"VN","currency":"USD","incoterm":"CIF","packages":2,"grossWeight":12,"netWeight":10,
			 "items":[{"hsCode":"0901210000","description":"roasted coffee","quantity":10,"unit":"KGM","value":90,
			           "origin":"VN"}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aColleagueWhoMayOnlyReadReadsEverythingAndIsRefusedEveryChangeUntilGrantedTheRight() throws Exception {
		String uscc = JsonPath.read(body(mvc.perform(get("/api/v1/me").header("Authorization", ADMINISTRATOR))), "$.enterprise");
		String clerk = unique("reader.");
		String opened = body(open(clerk, "[]").andExpect(status().isCreated()));
		UUID id = UUID.fromString(JsonPath.read(opened, "$.id"));
		assertThat(JsonPath.<List<String>>read(body(list(ADMINISTRATOR)), "$[?(@.username == '" + clerk + "')].rights[*]"))
			.as("reading only").isEmpty();
		String key = keyOf(clerk);

		// he reads what the enterprise has…
		mvc.perform(get("/api/v1/declarations").header("Authorization", key)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/{uscc}", uscc).header("Authorization", key)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/permits").header("Authorization", key)).andExpect(status().isOk());
		// …and changes nothing of it, on any channel
		long declarations = declarationsOf(uscc);
		refused(mvc.perform(post("/api/v1/declarations").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content(ROASTED_COFFEE)), "货物申报");
		refused(mvc.perform(post("/api/v1/declarations/assessments").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content(ROASTED_COFFEE)), "货物申报");
		refused(mvc.perform(post("/api/v1/interchanges").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType("application/EDIFACT").content("UNB+UNOC:3+X+Y+261205:1200+1'")), "货物申报");
		refused(mvc.perform(post("/api/v1/permit-applications").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"applicant\":\"" + uscc + "\"}")), "许可证件申请");
		refused(mvc.perform(post("/api/v1/webhooks").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://example.com/hook\"}")), "企业资料维护");
		refused(mvc.perform(patch("/api/v1/enterprises/{uscc}", uscc).header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"address\":\"厦门市湖里区象屿路1号\"}")), "企业资料维护");
		refused(mvc.perform(post("/api/v1/enterprises/{uscc}/deregistration", uscc).header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"closing\"}")), "企业资料维护");
		refused(mvc.perform(post("/api/v1/broker-authorisations").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"broker\":\"" + uscc + "\"}")), "企业资料维护");
		assertThat(declarationsOf(uscc)).as("nothing stored").isEqualTo(declarations);
		assertThat(jdbc.sql("SELECT status FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single())
			.isEqualTo("ACTIVE");

		// the administrator lets him declare: his API key declares at once, and still applies for no permit
		mvc.perform(put("/api/v1/operators/{id}/rights", id).header("Authorization", ADMINISTRATOR)
			.contentType(MediaType.APPLICATION_JSON).content("{\"rights\":[\"DECLARE\"]}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.rights[0]").value("DECLARE")).andExpect(jsonPath("$.rights.length()").value(1));
		String declared = body(mvc.perform(post("/api/v1/declarations").header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content(ROASTED_COFFEE)).andExpect(status().isCreated()));
		assertThat(JsonPath.<String>read(declared, "$.declarant")).isEqualTo(uscc);
		assertThat(declarationsOf(uscc)).isEqualTo(declarations + 1);
		refused(mvc.perform(post("/api/v1/permit-applications").header("Authorization", key).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"applicant\":\"" + uscc + "\"}")), "许可证件申请");
		// another enterprise is not his to act for, whatever his rights: the refusal says so, not which right he lacks
		String chip = JsonPath.read(body(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw-demo-trader.chip"))),
				"$.enterprise");
		mvc.perform(post("/api/v1/permit-applications").header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"applicant\":\"" + chip + "\"}"))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
	}

	@Test
	void onlyTheAdministratorSetsAColleaguesRightsWhichEndHisSessionsAndAHandOverGivesEveryRight() throws Exception {
		String clerk = unique("clerk.");
		UUID id = UUID.fromString(JsonPath.read(body(open(clerk, null).andExpect(status().isCreated())), "$.id"));
		assertThat(JsonPath.<List<String>>read(body(list(ADMINISTRATOR)), "$[?(@.username == '" + clerk + "')].rights[*]"))
			.as("left out: every right").containsExactly("DECLARE", "APPLY_FOR_PERMITS", "MANAGE_ENTERPRISE");
		String key = keyOf(clerk);
		UUID administrator = jdbc.sql("SELECT id FROM user_account WHERE username = 'trader.coffee'").query(UUID.class)
			.single();

		grant(ADMINISTRATOR, id, "{\"rights\":[\"DECLARE\",\"PAY\"]}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rights[1]"))
			.andExpect(jsonPath("$.errors[0].code").value("OPERATOR_RIGHT_UNKNOWN"));
		grant(ADMINISTRATOR, id, "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rights"));
		grant(key, id, "{\"rights\":[]}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ENTERPRISE_ADMINISTRATOR_REQUIRED"));
		grant("Bearer sw-demo-trader.chip", id, "{\"rights\":[]}").andExpect(status().isNotFound());
		grant(ADMINISTRATOR, administrator, "{\"rights\":[]}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OWN_ACCOUNT"));
		assertThat(rightsOf(clerk)).as("nothing refused is kept").isEqualTo("{DECLARE,APPLY_FOR_PERMITS,MANAGE_ENTERPRISE}");

		Cookie session = sessionOf(mvc, clerk, OWN_PASSWORD, ADDRESS);
		assertThat(mvc.perform(get("/declarations").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		grant(ADMINISTRATOR, id, "{\"rights\":[\"apply_for_permits\"]}").andExpect(status().isOk())
			.andExpect(jsonPath("$.rights[0]").value("APPLY_FOR_PERMITS"));
		grant(ADMINISTRATOR, id, "{\"rights\":[\"APPLY_FOR_PERMITS\"]}").andExpect(status().isOk());
		assertThat(mvc.perform(get("/declarations").cookie(session)).andReturn().getResponse().getStatus())
			.as("his session ended, so that the rights he logged in with do not outlive the change").isNotEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE username = ? AND type = 'OPERATOR_RIGHTS_CHANGED'")
			.param(clerk).query(Long.class).single()).as("set twice to the same, recorded once").isOne();

		// the administration handed over to him: the administrator holds every right
		mvc.perform(post("/api/v1/operators/{id}/administration", id).header("Authorization", ADMINISTRATOR))
			.andExpect(status().isNoContent());
		assertThat(rightsOf(clerk)).isEqualTo("{DECLARE,APPLY_FOR_PERMITS,MANAGE_ENTERPRISE}");
		mvc.perform(post("/api/v1/declarations").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
			.content(ROASTED_COFFEE)).andExpect(status().isCreated());
		// …and hands it back, the demo enterprise's administrator as before
		mvc.perform(post("/api/v1/operators/{id}/administration", administrator).header("Authorization", key))
			.andExpect(status().isNoContent());
	}

	@Test
	void theAdministratorTicksRightsOnThePageAndAReadingColleagueIsOfferedNoChange() throws Exception {
		Cookie administrator = sessionOf(mvc, "trader.coffee", "demo12345", ADDRESS);
		String page = page(administrator);
		String clerk = unique("reader.");
		// no box ticked: reading only (the form's empty value says so, where the API's left-out means every right)
		MvcResult opened = mvc.perform(post("/account/operators").cookie(administrator).param("_csrf", formToken(page))
			.param("username", clerk).param("displayName", "陈静").param("password", GOOD_PASSWORD).param("rights", ""))
			.andReturn();
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/account/operators?opened=" + clerk);
		assertThat(rightsOf(clerk)).isEqualTo("{}");
		page = page(administrator);
		assertThat(page).contains("id=\"rights-" + clerk + "\"").contains("id=\"save-rights-" + clerk + "\"")
			.doesNotContain("id=\"rights-trader.coffee\"");

		Cookie reader = sessionOf(mvc, clerk, GOOD_PASSWORD, ADDRESS);
		People.choosePassword(mvc, reader, OWN_PASSWORD);
		String declarations = html(mvc.perform(get("/declarations").cookie(reader)));
		assertThat(declarations).contains("id=\"list-filter\"").doesNotContain("id=\"new-declaration\"");
		assertThat(html(mvc.perform(get("/account/webhooks").cookie(reader)))).contains("id=\"right-missing\"")
			.doesNotContain("id=\"webhook-form\"");
		assertThat(html(mvc.perform(get("/interchanges").cookie(reader)))).contains("id=\"right-missing\"")
			.doesNotContain("id=\"interchange-form\"");
		assertThat(html(mvc.perform(get("/permits").cookie(reader)))).doesNotContain("id=\"apply-link\"");
		// a form he could not send is not shown: opened by its address, the page says which right he lacks
		MvcResult form = mvc.perform(get("/declarations/new").cookie(reader).locale(java.util.Locale.SIMPLIFIED_CHINESE))
			.andReturn();
		assertThat(form.getResponse().getStatus()).isEqualTo(403);
		assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("“货物申报”");
		String uscc = jdbc.sql("SELECT uscc FROM user_account WHERE username = ?").param(clerk).query(String.class)
			.single();
		assertThat(mvc.perform(get("/licences/{uscc}/amend", uscc).cookie(reader)).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(html(mvc.perform(get("/licences/{uscc}", uscc).cookie(reader)))).as("his licence, read")
			.doesNotContain("/licences/" + uscc + "/amend");

		String id = jdbc.sql("SELECT id::text FROM user_account WHERE username = ?").param(clerk).query(String.class)
			.single();
		MvcResult granted = mvc.perform(post("/account/operators/{id}/rights", id).cookie(administrator)
			.param("_csrf", formToken(page)).param("rights", "").param("rights", "DECLARE")).andReturn();
		assertThat(granted.getResponse().getRedirectedUrl()).isEqualTo("/account/operators?rights");
		assertThat(rightsOf(clerk)).isEqualTo("{DECLARE}");
		Cookie declarer = sessionOf(mvc, clerk, OWN_PASSWORD, ADDRESS);
		assertThat(html(mvc.perform(get("/declarations").cookie(declarer)))).contains("id=\"new-declaration\"");
		assertThat(html(mvc.perform(get("/interchanges").cookie(declarer)))).contains("id=\"interchange-form\"");
		assertThat(html(mvc.perform(get("/account/webhooks").cookie(declarer)))).doesNotContain("id=\"webhook-form\"");
	}

	/** With several operators, the enterprise finds what one of them declared by the operator's user name. */
	@Test
	void theEnterpriseFindsWhatOneOfItsOperatorsDeclared() throws Exception {
		String clerk = unique("declarer.");
		open(clerk, "[\"DECLARE\"]").andExpect(status().isCreated());
		String declared = body(mvc.perform(post("/api/v1/declarations").header("Authorization", keyOf(clerk))
			.contentType(MediaType.APPLICATION_JSON).content(ROASTED_COFFEE)).andExpect(status().isCreated()));
		String number = JsonPath.read(declared, "$.number");

		String found = body(mvc.perform(get("/api/v1/declarations").param("q", clerk.toUpperCase(java.util.Locale.ROOT))
			.header("Authorization", ADMINISTRATOR)).andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(found, "$[*].number")).containsExactly(number);
		assertThat(JsonPath.<List<String>>read(found, "$[*].submittedBy")).containsExactly(clerk);
		assertThat(JsonPath.<List<String>>read(body(mvc.perform(get("/api/v1/declarations").param("q", "declarer.")
			.header("Authorization", ADMINISTRATOR))), "$[*].number")).as("a user name is matched whole")
			.doesNotContain(number);
		Cookie administrator = sessionOf(mvc, "trader.coffee", "demo12345", ADDRESS);
		assertThat(html(mvc.perform(get("/declarations").param("q", clerk).cookie(administrator))))
			.containsPattern("id=\"declared-by-" + number + "\">[^<]*" + clerk.replace(".", "\\."));
	}

	/** Refused for the right {@code right} lacks, named in the caller's language (the requests ask for Chinese). */
	private void refused(ResultActions result, String right) throws Exception {
		result.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("OPERATOR_RIGHT_REQUIRED"));
		assertThat(JsonPath.<String>read(body(result), "$.detail")).contains("“" + right + "”");
	}

	private ResultActions open(String username, String rights) throws Exception {
		return mvc.perform(post("/api/v1/operators").header("Authorization", ADMINISTRATOR)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"%s","displayName":"王小明","password":"%s"%s}""".formatted(username, GOOD_PASSWORD,
					rights == null ? "" : ",\"rights\":" + rights)));
	}

	private ResultActions grant(String authorization, UUID id, String body) throws Exception {
		return mvc.perform(put("/api/v1/operators/{id}/rights", id).header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions list(String authorization) throws Exception {
		return mvc.perform(get("/api/v1/operators").header("Authorization", authorization));
	}

	/** The colleague chooses his own password at his first login, then takes an API key. */
	private String keyOf(String clerk) throws Exception {
		return People.keyAfterFirstLogin(mvc, clerk, OWN_PASSWORD, ADDRESS);
	}

	private long declarationsOf(String uscc) {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ?").param(uscc).query(Long.class).single();
	}

	private String rightsOf(String username) {
		return jdbc.sql("SELECT operator_rights::text FROM user_account WHERE username = ?").param(username)
			.query(String.class).single();
	}

	private String page(Cookie session) throws Exception {
		return html(mvc.perform(get("/account/operators").cookie(session)).andExpect(status().isOk()));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String body(ResultActions result) throws Exception {
		return html(result);
	}
}
