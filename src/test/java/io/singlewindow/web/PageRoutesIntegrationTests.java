package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.EnterpriseFixtures;
import jakarta.servlet.http.Cookie;

/**
 * Every page route (GET), opened by every kind of visitor — anonymous, trader, broker, each agency's officer, admin —
 * answers what that visitor may see: 200, a redirect to the login, 403 for what the account may not open, 404 for
 * what does not exist or whose id is malformed; never a 5xx. A page route added without a line here fails the test.
 */
@SingleWindowIntegrationTest
class PageRoutesIntegrationTests {

	static final List<String> VISITORS = List.of("anonymous", "trader.chip", "broker", "officer.customs", "officer.ciq",
			"officer.commerce", "officer.samr", "officer.msa", "officer.tax", "admin");

	static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theErrorAddressAskedForDirectlyIsA404NotA500() throws Exception {
		assertThat(mvc.perform(get("/error").accept(org.springframework.http.MediaType.TEXT_HTML)).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/error").param("lang", "zh_CN")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void everyPageRouteAnswersEveryVisitorWithTheRightStatusAndNeverAServerError() throws Exception {
		String chip = EnterpriseFixtures.demo("CHIP").value();
		String declaration = submitPerfumeDeclarationAs("trader.chip");
		String coffeeDeclaration = submitPerfumeDeclarationAs("trader.coffee");
		String permit = jdbc.sql("SELECT number FROM permit WHERE holder_uscc = ? AND catalogue_code = 'AIL' LIMIT 1")
			.param(chip).query(String.class).single();
		String profile = jdbc.sql("SELECT code FROM risk_profile ORDER BY code LIMIT 1").query(String.class).single();

		// route template → the addresses opened for it, each with the answer per visitor.
		// Columns: anonymous, trader.chip, broker, customs, ciq, commerce, samr, msa, tax, admin.
		// "login" = redirect to the login page; a visitor name in front (e.g. ciq=200) overrides one column.
		Map<String, List<Expectation>> routes = new LinkedHashMap<>();
		expect(routes, "/", "/", "200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/login", "/login", "200 200 200 200 200 200 200 200 200 200");
		// The API documentation's short address (springdoc) forwards to its page.
		expect(routes, "/swagger-ui.html", "/swagger-ui.html", "302 302 302 302 302 302 302 302 302 302");
		expect(routes, "/register", "/register", "200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/verify", "/verify", "200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/verify/{code}", "/verify/" + chip, "200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/verify/{code}", "/verify/not-a-code", "422 422 422 422 422 422 422 422 422 422");
		expect(routes, "/account/api-keys", "/account/api-keys", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/account/webhooks", "/account/webhooks", "login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/licences/mine", "/licences/mine", "login 302 302 403 403 403 403 403 403 403");
		expect(routes, "/licences/{uscc}", "/licences/" + chip, "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/licences/{uscc}", "/licences/" + EnterpriseFixtures.demo("TUNGSTEN").value(),
				"login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/licences/{uscc}", "/licences/not-a-uscc", "404 404 404 404 404 404 404 404 404 404");
		expect(routes, "/licences/{uscc}/print", "/licences/" + chip + "/print", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/licences/{uscc}/amend", "/licences/" + chip + "/amend", "login 200 403 403 403 403 200 403 403 403");
		expect(routes, "/enterprises", "/enterprises", "login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/enterprises/record", "/enterprises/record?uscc=" + chip, "login 403 403 403 403 403 200 403 403 403");
		// A general guarantee (总担保) of the chip maker: customs and the chip maker's own side read it, no one else.
		String general = java.util.UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO general_guarantee (id, enterprise, kind, amount, reference, recorded_by, recorded_at)
				VALUES (?::uuid, ?, 'DEPOSIT', 1000, ?, 'officer.customs', now())""")
			.params(general, chip, "DEP-ROUTES-" + general).update();
		expect(routes, "/general-guarantees", "/general-guarantees", "login 200 200 200 200 200 200 200 200 200");
		// Agency agreements: both parties and customs read them, the zone's administrators set the rule there.
		expect(routes, "/agency-agreements", "/agency-agreements", "login 200 200 200 403 403 403 403 403 200");
		expect(routes, "/agency-agreements", "/agency-agreements?status=NOPE&cursor=x",
				"login 200 200 200 403 403 403 403 403 200");
		expect(routes, "/general-guarantees/{id}", "/general-guarantees/" + general,
				"login 200 200 200 404 404 404 404 404 404");
		expect(routes, "/general-guarantees/{id}", "/general-guarantees/" + UNKNOWN_ID,
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/general-guarantees/{id}", "/general-guarantees/x", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/general-guarantees/{id}/declarations", "/general-guarantees/" + general + "/declarations?cursor=x",
				"login 200 200 200 404 404 404 404 404 404");
		expect(routes, "/general-guarantees/{id}/declarations", "/general-guarantees/" + UNKNOWN_ID + "/declarations",
				"login 404 404 404 404 404 404 404 404 404");
		// Its statements (汇总征税): none for a guarantee not lodged for summary payment; a month misspelled is refused.
		expect(routes, "/general-guarantees/{id}/statements/{month}", "/general-guarantees/" + general + "/statements/2026-11",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/general-guarantees/{id}/statements/{month}", "/general-guarantees/" + general + "/statements/11-2026",
				"login 422 422 422 404 404 404 404 404 404");
		expect(routes, "/general-guarantees/{id}/statements/{month}/statement.pdf",
				"/general-guarantees/" + general + "/statements/2026-11/statement.pdf",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/declarations", "/declarations", "login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/declarations/new", "/declarations/new", "login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/declarations/template.xlsx", "/declarations/template.xlsx",
				"login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/declarations/export.xlsx", "/declarations/export.xlsx?submittedFrom=odd",
				"login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/declarations/pickers/ports", "/declarations/pickers/ports?port=xiamen",
				"login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/declarations/pickers/hs", "/declarations/pickers/hs?items%5B0%5D.hsCode=8471300000&flow=IMPORT",
				"login 200 200 403 403 403 403 403 403 403");
		for (String page : new String[] { "", "/live", "/response", "/events" }) {
			String route = "/declarations/{id}" + page;
			expect(routes, route, "/declarations/" + declaration + page, "login 200 200 200 200 200 200 200 200 200");
			expect(routes, route, "/declarations/" + coffeeDeclaration + page, "login 403 200 200 200 200 200 200 200 200");
			expect(routes, route, "/declarations/" + UNKNOWN_ID + page, "login 404 404 404 404 404 404 404 404 404");
			expect(routes, route, "/declarations/x" + page, "login 404 404 404 404 404 404 404 404 404");
		}
		// A supporting document: whoever reads the declaration asks; none is attached to these (SupportingDocumentsIntegrationTests
		// downloads real ones).
		String document = "/declarations/{id}/documents/{documentId}";
		expect(routes, document, "/declarations/" + declaration + "/documents/" + UNKNOWN_ID,
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, document, "/declarations/" + coffeeDeclaration + "/documents/" + UNKNOWN_ID,
				"login 403 404 404 404 404 404 404 404 404");
		expect(routes, document, "/declarations/" + UNKNOWN_ID + "/documents/" + UNKNOWN_ID,
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, document, "/declarations/" + declaration + "/documents/x", "login 404 404 404 404 404 404 404 404 404");
		// A batch of declarations from a workbook: only the submitter's enterprise finds it (DeclarationBatchIntegrationTests
		// and the workbook browser test open real ones).
		for (String page : new String[] { "", "/progress", "/declarations/1" }) {
			String route = "/declarations/batches/{batchId}" + (page.startsWith("/declarations") ? "/declarations/{position}" : page);
			expect(routes, route, "/declarations/batches/" + UNKNOWN_ID + page, "login 404 404 403 403 403 403 403 403 403");
			expect(routes, route, "/declarations/batches/x" + page, "login 404 404 404 404 404 404 404 404 404");
		}
		// EDIFACT interchanges sent from the upload page: only their submitter finds one (the chip trader's here; the
		// broker, who may act for the chip enterprise, did not send it). InterchangeUploadBrowserTests opens real ones.
		String interchange = sendInterchangeAs("trader.chip");
		expect(routes, "/interchanges", "/interchanges", "login 200 200 403 403 403 403 403 403 403");
		for (String page : new String[] { "", "/progress", "/answer.edi" }) {
			String route = "/interchanges/{id}" + page;
			expect(routes, route, "/interchanges/" + interchange + page, "login 200 404 403 403 403 403 403 403 403");
			expect(routes, route, "/interchanges/" + UNKNOWN_ID + page, "login 404 404 403 403 403 403 403 403 403");
			expect(routes, route, "/interchanges/x" + page, "login 404 404 404 404 404 404 404 404 404");
		}
		expect(routes, "/declarations/{id}/response.pdf", "/declarations/" + declaration + "/response.pdf",
				"login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/declarations/{id}/response.pdf", "/declarations/" + coffeeDeclaration + "/response.pdf",
				"login 403 200 200 200 200 200 200 200 200");
		expect(routes, "/declarations/{id}/response.pdf", "/declarations/" + UNKNOWN_ID + "/response.pdf",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/declarations/{id}/declaration.pdf", "/declarations/" + declaration + "/declaration.pdf",
				"login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/declarations/{id}/declaration.pdf", "/declarations/" + coffeeDeclaration + "/declaration.pdf",
				"login 403 200 200 200 200 200 200 200 200");
		expect(routes, "/declarations/{id}/declaration.pdf", "/declarations/" + UNKNOWN_ID + "/declaration.pdf",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/verify/declarations", "/verify/declarations", "200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/verify/declarations/{number}", "/verify/declarations/XM0000000000000000",
				"404 404 404 404 404 404 404 404 404 404");
		expect(routes, "/declarations/{id}/amend", "/declarations/" + declaration + "/amend",
				"login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/declarations/{id}/amend", "/declarations/" + UNKNOWN_ID + "/amend",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/declarations/{id}/amend", "/declarations/x/amend", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/agency/queue", "/agency/queue", "login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/permits", "/permits", "login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/permits/catalogue", "/permits/catalogue", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/permits/apply", "/permits/apply?code=AIL", "login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/permits/apply", "/permits/apply?code=NOPE", "login 404 404 403 403 403 403 403 403 403");
		expect(routes, "/permits/queue", "/permits/queue", "login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/permits/verification", "/permits/verification", "login 403 403 200 200 200 200 200 200 403");
		expect(routes, "/permits/record/{uscc}", "/permits/record/" + chip, "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/permits/record/{uscc}", "/permits/record/not-a-uscc", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/permits/{number}", "/permits/" + permit, "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/permits/{number}", "/permits/NO-SUCH-PERMIT", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/permits/{number}/permit.pdf", "/permits/" + permit + "/permit.pdf",
				"login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/permits/{number}/permit.pdf", "/permits/NO-SUCH-PERMIT/permit.pdf",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/verify/permits", "/verify/permits", "200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/verify/permits/{number}", "/verify/permits/" + permit,
				"200 200 200 200 200 200 200 200 200 200");
		expect(routes, "/verify/permits/{number}", "/verify/permits/NO-SUCH-PERMIT",
				"404 404 404 404 404 404 404 404 404 404");
		expect(routes, "/permits/applications/{id}", "/permits/applications/" + UNKNOWN_ID,
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/permits/applications/{id}", "/permits/applications/x", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/hs", "/hs", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/tariff/lines", "/tariff/lines", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/tariff/lines/{code}", "/tariff/lines/3303000000", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/tariff/lines/{code}", "/tariff/lines/9999999999", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/tariff/lines/{code}", "/tariff/lines/x", "login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/tariff/assess", "/tariff/assess", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/risk/assessments", "/risk/assessments", "login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/risk/assessments/{declarationId}", "/risk/assessments/" + UNKNOWN_ID,
				"login 403 403 404 404 404 404 404 404 404");
		expect(routes, "/risk/assessments/{declarationId}", "/risk/assessments/x",
				"login 404 404 404 404 404 404 404 404 404");
		expect(routes, "/statistics", "/statistics", "login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/statistics/export/{table}.csv", "/statistics/export/partner.csv",
				"login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/statistics/export/{table}.xlsx", "/statistics/export/partner.xlsx",
				"login 403 403 200 200 200 200 200 200 200");
		expect(routes, "/statistics/export/{table}.csv", "/statistics/export/nothing.csv",
				"login 403 403 404 404 404 404 404 404 404");
		String admin = "login 403 403 403 403 403 403 403 403 200";
		String adminNotFound = "login 403 403 403 403 403 403 403 403 404";
		expect(routes, "/admin/routing", "/admin/routing", admin);
		expect(routes, "/admin/routing/{code}", "/admin/routing/new", admin);
		expect(routes, "/admin/routing/{code}", "/admin/routing/CUSTOMS_ALWAYS", admin);
		expect(routes, "/admin/routing/{code}", "/admin/routing/NO_SUCH_RULE", adminNotFound);
		expect(routes, "/admin/risk", "/admin/risk", admin);
		expect(routes, "/admin/risk/new", "/admin/risk/new", admin);
		expect(routes, "/admin/risk/{code}", "/admin/risk/" + profile, admin);
		expect(routes, "/admin/risk/{code}", "/admin/risk/NO_SUCH_PROFILE", adminNotFound);
		expect(routes, "/admin/tariff", "/admin/tariff", admin);
		expect(routes, "/admin/tariff/imports/{id}", "/admin/tariff/imports/" + UNKNOWN_ID, adminNotFound);
		expect(routes, "/admin/tariff/imports/{id}", "/admin/tariff/imports/x", adminNotFound);
		expect(routes, "/admin/tariff/imports/{id}/progress", "/admin/tariff/imports/" + UNKNOWN_ID + "/progress",
				adminNotFound);
		expect(routes, "/admin/exchange-rates", "/admin/exchange-rates", admin);
		expect(routes, "/admin/trade-remedies", "/admin/trade-remedies", admin);
		expect(routes, "/admin/origins-without-mfn", "/admin/origins-without-mfn", admin);
		expect(routes, "/admin/audit", "/admin/audit", admin);
		expect(routes, "/admin/calendar", "/admin/calendar", admin);
		expect(routes, "/admin/accounts", "/admin/accounts", admin);
		expect(routes, "/account/password", "/account/password", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/account/second-factor", "/account/second-factor", "login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/account/operators", "/account/operators", "login 200 200 403 403 403 403 403 403 403");
		expect(routes, "/account/brokers", "/account/brokers", "login 200 403 403 403 403 403 403 403 403");
		expect(routes, "/account/principals", "/account/principals", "login 403 200 403 403 403 403 403 403 403");
		// Set up already (the demo administrator exists): the first-administrator page is gone.
		expect(routes, "/setup", "/setup", "404 404 404 404 404 404 404 404 404 404");
		expect(routes, "/licences/{uscc}/licence.pdf", "/licences/" + chip + "/licence.pdf",
				"login 200 200 200 200 200 200 200 200 200");
		expect(routes, "/licences/{uscc}/licence.pdf", "/licences/not-a-uscc/licence.pdf",
				"404 404 404 404 404 404 404 404 404 404");
		expect(routes, "/admin/permit-catalogue", "/admin/permit-catalogue", admin);
		expect(routes, "/admin/permit-catalogue/new", "/admin/permit-catalogue/new", admin);
		expect(routes, "/admin/permit-catalogue/{code}", "/admin/permit-catalogue/AIL", admin);
		expect(routes, "/admin/permit-catalogue/{code}", "/admin/permit-catalogue/NOPE", adminNotFound);

		assertThat(routes.keySet()).as("page routes with expectations").containsExactlyInAnyOrderElementsOf(pageRoutes());

		Map<String, Cookie> sessions = new LinkedHashMap<>();
		for (String visitor : VISITORS) {
			sessions.put(visitor, visitor.equals("anonymous") ? null : logIn(visitor));
		}
		List<String> wrong = new ArrayList<>();
		for (var route : routes.values()) {
			for (Expectation expectation : route) {
				for (int v = 0; v < VISITORS.size(); v++) {
					String visitor = VISITORS.get(v);
					var request = get(expectation.path()).header("Accept-Language", "en");
					if (sessions.get(visitor) != null) {
						request.cookie(sessions.get(visitor));
					}
					MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
					String answer = response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login")
							? "login" : String.valueOf(response.getStatus());
					if (response.getStatus() >= 500 || !answer.equals(expectation.answers().get(v))) {
						wrong.add(visitor + " GET " + expectation.path() + " → " + answer + ", expected "
								+ expectation.answers().get(v));
					}
				}
			}
		}
		assertThat(wrong).as("answers that differ from the expectation").isEmpty();
	}

	record Expectation(String path, List<String> answers) {
	}

	static void expect(Map<String, List<Expectation>> routes, String route, String path, String answers) {
		List<String> columns = List.of(answers.trim().split("\\s+"));
		assertThat(columns).as(path).hasSize(VISITORS.size());
		routes.computeIfAbsent(route, r -> new ArrayList<>()).add(new Expectation(path, columns));
	}

	/** The GET routes of the web pages (not the REST API, not Spring's error endpoint). */
	TreeSet<String> pageRoutes() {
		TreeSet<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
			boolean rest = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
					|| handler.hasMethodAnnotation(ResponseBody.class);
			if (get && !rest && info.getPathPatternsCondition() != null) {
				info.getPathPatternsCondition().getPatternValues().stream()
					.filter(p -> !p.startsWith("/api/") && !p.equals("/error"))
					.forEach(routes::add);
			}
		});
		return routes;
	}

	Cookie logIn(String user) throws Exception {
		var response = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse();
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("session cookie for " + user).isNotNull();
		return session;
	}

	/** An interchange whose one message is of a directory the platform does not take: stored, answered by CONTRL. */
	String sendInterchangeAs(String trader) throws Exception {
		String reference = "R" + System.nanoTime() % 1_000_000_000L; // UNB 0020 is an..14
		String interchange = "UNA:+.?*'UNB+UNOW:4+ROUTES:ZZZ+SINGLEWINDOW+20261130:0600+" + reference
				+ "'UNH+1+CUSDEC:D:01B:UN'BGM+929+routes+9'UNT+3+1'UNZ+1+" + reference + "'";
		var answer = mvc.perform(post("/api/v1/interchanges").header("Authorization", "Bearer sw-demo-" + trader)
			.contentType("application/EDIFACT").content(interchange.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.andReturn().getResponse();
		String location = answer.getHeader("Location");
		assertThat(location).as("the interchange's address: " + answer.getStatus() + " " + answer.getContentAsString())
			.startsWith("/api/v1/interchanges/");
		return location.substring("/api/v1/interchanges/".length());
	}

	String submitPerfumeDeclarationAs(String trader) throws Exception {
		String body = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"FR",
				 "destinationCountry":"CN","tradingCountry":"FR","currency":"EUR","incoterm":"CIF","packages":4,
				 "grossWeight":60,"netWeight":50,"items":[{"hsCode":"3303000000","description":"perfume","quantity":200,
				 "statisticalQuantity":50,
				 "unit":"C62","value":6000,"origin":"FR"}]}""";
		String created = mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-" + trader)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.id");
	}
}
