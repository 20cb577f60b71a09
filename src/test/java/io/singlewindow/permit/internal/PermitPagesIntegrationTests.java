package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import jakarta.servlet.http.Cookie;
import io.singlewindow.enterprise.EnterpriseFixtures;

/** Every permit page renders for the roles that use it, forms show their problems, and foreign callers are refused. */
@SingleWindowIntegrationTest
class PermitPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Logs in through the login form; sessions live in PostgreSQL, so what identifies one is its cookie. */
	Cookie logIn(String user) throws Exception {
		return logIn(mvc, user);
	}

	static Cookie logIn(MockMvc mvc, String user) throws Exception {
		var response = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse();
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("session cookie for " + user).isNotNull();
		return session;
	}

	String page(Cookie session, String path, int status) throws Exception {
		return mvc.perform(get(path).cookie(session).header("Accept-Language", "en"))
			.andExpect(status().is(status))
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void theApplicantSeesPermitsCatalogueAndApplicationForms() throws Exception {
		Cookie trader = logIn("trader.chip");
		assertThat(page(trader, "/permits", 200)).contains("AIL-", "Automatic import licence");
		assertThat(page(trader, "/permits/catalogue", 200)).contains("apply-AIL", "Optimised approval",
				"Approval cancelled");
		for (String code : new String[] { "AIL", "FOREIGN_TRADE_OPERATOR", "FOOD_IMPORT_RECORD",
				"HAZARDOUS_CHEMICALS", "DUAL_USE_EXPORT" }) {
			assertThat(page(trader, "/permits/apply?code=" + code, 200)).as(code).contains("apply-form");
		}
		assertThat(page(trader, "/permits/record/" + EnterpriseFixtures.demo("CHIP"), 200)).contains("permit-record");
		String permit = jdbc.sql("SELECT number FROM permit WHERE holder_uscc = ? AND catalogue_code = 'AIL' LIMIT 1")
			.param(EnterpriseFixtures.demo("CHIP").value()).query(String.class).single();
		assertThat(page(trader, "/permits/" + permit, 200)).contains("permit-detail").doesNotContain("officer-actions");
		// Not theirs.
		assertThat(page(trader, "/permits/record/" + EnterpriseFixtures.demo("COFFEE"), 403))
			.contains("NOT_AUTHORISED_FOR_ENTERPRISE");
		page(trader, "/permits/queue", 403);
	}

	@Test
	void myPermitsListThePermitsTheLicencesRegulatedActivitiesNeed() throws Exception {
		String html = page(logIn("trader.coffee"), "/permits", 200);
		// Food import needs the quarantine entry permit the demo importer holds; alcohol trade a record not yet filed.
		assertThat(html).contains("needed-permits", "Food import", "QUARANTINE_ENTRY-", "Alcoholic beverages trade",
				"/permits/apply?code=ALCOHOL_TRADE");
	}

	@Test
	void aRefusedApplicationFormShowsEveryProblemNextToItsField() throws Exception {
		Cookie trader = logIn("trader.chip");
		int before = jdbc.sql("SELECT count(*) FROM permit_application").query(Integer.class).single();
		String html = mvc.perform(post("/permits/apply").cookie(trader).with(csrf()).header("Accept-Language", "en")
			.param("catalogueCode", "AIL").param("applicant", EnterpriseFixtures.demo("CHIP").value())
			.param("scope", "").param("goods", "0901110000").param("requestedQuantity", "abc")
			.param("documents", "", ""))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("field-error", "This value has the wrong type or format.");
		html = mvc.perform(post("/permits/apply").cookie(trader).with(csrf()).header("Accept-Language", "en")
			.param("catalogueCode", "AIL").param("applicant", EnterpriseFixtures.demo("CHIP").value())
			.param("scope", "").param("goods", "0901110000").param("requestedQuantity", "5")
			.param("documents", "", ""))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("This field is required.", "outside the scope of AIL",
				"Give a reference for the required document");
		assertThat(jdbc.sql("SELECT count(*) FROM permit_application").query(Integer.class).single()).isEqualTo(before);
	}

	/**
	 * A refusal of the whole application (not of a field) is worded with its arguments: the page printed the
	 * arguments as one "[Ljava.lang.Object;@…" until a tariff page showed the same fault on 2026-12-06.
	 */
	@Test
	void anApplicationRefusedAsAWholeSaysWhyWithItsParticulars() throws Exception {
		Cookie trader = logIn("trader.chip");
		String chip = EnterpriseFixtures.demo("CHIP").value();
		String html = "";
		for (int i = 0; i < 2; i++) {
			html = mvc.perform(post("/permits/apply").cookie(trader).with(csrf()).header("Accept-Language", "en")
				.param("catalogueCode", "AIL").param("applicant", chip).param("scope", "Import of computers")
				.param("goods", "8471300000").param("requestedQuantity", "5")
				.param("documents", "CONTRACT-" + i, "LIST-" + i))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(html).contains("form-problem", chip + " already has an application for AIL waiting for the agency.")
			.doesNotContain("[Ljava");
	}

	@Test
	void officersSeeTheirQueueAndVerificationListAndAdministratorsTheCatalogue() throws Exception {
		Cookie ciq = logIn("officer.ciq");
		// The demo coffee importer's quarantine application is overdue.
		assertThat(page(ciq, "/permits/queue", 200)).contains("queue-table", "Overdue");
		assertThat(page(ciq, "/permits/verification", 200)).contains("permit-verification");
		Cookie samr = logIn("officer.samr");
		assertThat(page(samr, "/permits/queue", 200)).contains("Pharmaceutical import permit");

		Cookie admin = logIn("admin");
		assertThat(page(admin, "/admin/permit-catalogue", 200)).contains("edit-AIL");
		assertThat(page(admin, "/admin/permit-catalogue/AIL", 200)).contains("847130");
		assertThat(page(admin, "/admin/permit-catalogue/new", 200)).contains("entry-form");
		mvc.perform(post("/admin/permit-catalogue").cookie(admin).with(csrf()).header("Accept-Language", "en")
			.param("creating", "true").param("code", "x y").param("mode", "FILING"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("is not a catalogue code")));
		String code = PermitFixtures.aCatalogueCode("T_WEB");
		mvc.perform(post("/admin/permit-catalogue").cookie(admin).with(csrf())
			.param("creating", "true").param("code", code).param("nameZh", "网页测试").param("nameEn", "Web test")
			.param("issuingAgency", "TAX").param("mode", "FILING").param("documentsZh", "表").param("documentsEn", "Form")
			.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/permit-catalogue?saved=*"));
		page(logIn("trader.coffee"), "/admin/permit-catalogue", 403);
	}
}
