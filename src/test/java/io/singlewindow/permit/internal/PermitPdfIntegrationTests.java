package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.PrintedDocuments;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.enterprise.Enterprises;
import jakarta.servlet.http.Cookie;

/**
 * 许可证打印: the holder prints its permit; whoever is shown the paper scans its QR code and reads on a public page
 * whether the permit is in force today — what the issuing agency publishes of it, never its quota or what remains.
 */
@SingleWindowIntegrationTest
class PermitPdfIntegrationTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Test
	void theHolderPrintsItsPermitAndAnyoneChecksItWithoutLoggingIn() throws Exception {
		String number = jdbc.sql("""
				SELECT number FROM permit WHERE holder_uscc = ? AND catalogue_code = 'AIL' AND status = 'IN_FORCE'
				  AND quota_quantity IS NOT NULL ORDER BY number LIMIT 1""").param(CHIP.value())
			.query(String.class).single();
		String remaining = jdbc.sql("SELECT remaining_quantity::text FROM permit WHERE number = ?").param(number)
			.query(String.class).single();
		Cookie trader = logIn("trader.chip");
		assertThat(mvc.perform(get("/permits/{n}", number).cookie(trader)).andReturn().getResponse()
			.getContentAsString()).contains("href=\"/permits/" + number + "/permit.pdf\"");

		byte[] pdf = mvc.perform(get("/permits/{n}/permit.pdf", number).cookie(trader))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		PrintedDocuments.keep(pdf, "permit.pdf");
		String text = PrintedDocuments.text(pdf);
		String nameZh = enterprises.get(CHIP).nameZh();
		assertThat(text).contains(number, "自动进口许可证", "Automatic import licence", nameZh, CHIP.value(), "发证机关",
				"许可数量 Quantity granted", "有效期").doesNotContain("本许可证现不可使用");
		assertThat(PrintedDocuments.embeddedFonts(pdf)).isNotEmpty().allMatch(name -> name.contains("WenQuanYi"));

		URI link = URI.create(PrintedDocuments.scanQrCode(pdf));
		assertThat(link.toString()).isEqualTo("http://localhost/verify/permits/" + number);
		mvc.perform(get(link.getPath()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("In force today: the permit may be used.")))
			.andExpect(content().string(containsString(CHIP.value())))
			.andExpect(content().string(containsString("Automatic import licence")))
			.andExpect(content().string(not(containsString(remaining))));
		mvc.perform(get("/api/v1/permit-checks/{n}", number)).andExpect(status().isOk())
			.andExpect(jsonPath("$.usable").value(true))
			.andExpect(content().string(not(containsString(remaining))))
			.andExpect(content().string(not(containsString("quota"))));
		mvc.perform(get("/verify/permits").param("number", number).header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("今日有效")))
			.andExpect(content().string(containsString(nameZh)));
	}

	@Test
	void aSuspendedOrRevokedPermitSaysSoOnThePublicPageAndOnAnyCopyPrintedSince() throws Exception {
		String code = PermitFixtures.aCatalogueCode("T_PDF");
		call("admin", post("/api/v1/permit-catalogue"), """
				{"code":"%s","nameZh":"测试备案","nameEn":"Test filing","issuingAgency":"CUSTOMS","mode":"FILING",
				 "reviewDays":5,"verificationDays":30,"documentsZh":["申请表"],"documentsEn":["Application form"],
				 "validityMonths":12}""".formatted(code)).andExpect(status().isCreated());
		String number = JsonPath.read(call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"%s","scope":"报关 customs brokerage","documents":["R-1"]}"""
			.formatted(code, CHIP)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.permitNumber");
		Cookie trader = logIn("trader.chip");
		assertThat(PrintedDocuments.text(pdf(number, trader))).contains("测试备案", "报关 customs brokerage");

		mvc.perform(get("/api/v1/permit-checks/{n}", number)).andExpect(status().isOk())
			.andExpect(jsonPath("$.usable").value(true))
			.andExpect(jsonPath("$.status").value("IN_FORCE"))
			.andExpect(jsonPath("$.nameEn").value("Test filing"))
			.andExpect(jsonPath("$.holder").value(CHIP.value()));
		call("officer.customs", post("/api/v1/permits/{n}/suspension", number), """
				{"reason":"整改 rectification"}""").andExpect(jsonPath("$.status").value("SUSPENDED"));
		mvc.perform(get("/verify/permits/{n}", number).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Not in force today: Suspended.")));
		mvc.perform(get("/api/v1/permit-checks/{n}", number)).andExpect(jsonPath("$.usable").value(false))
			.andExpect(jsonPath("$.status").value("SUSPENDED"));
		assertThat(PrintedDocuments.text(pdf(number, trader))).contains("本许可证现不可使用", "This permit is not in force");

		call("officer.customs", post("/api/v1/permits/{n}/reinstatement", number), "{}")
			.andExpect(jsonPath("$.status").value("IN_FORCE"));
		mvc.perform(get("/verify/permits/{n}", number).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("In force today")));
		call("officer.customs", post("/api/v1/permits/{n}/revocation", number), """
				{"reason":"违规 violation"}""").andExpect(jsonPath("$.status").value("REVOKED"));
		mvc.perform(get("/verify/permits/{n}", number).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Not in force today: Revoked.")));
	}

	@Test
	void onlyWhoMaySeeThePermitPrintsItAndAnUnknownNumberIsNotFound() throws Exception {
		String number = jdbc.sql("SELECT number FROM permit WHERE holder_uscc = ? ORDER BY number LIMIT 1")
			.param(CHIP.value()).query(String.class).single();
		mvc.perform(get("/permits/{n}/permit.pdf", number)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/permits/{n}/permit.pdf", number).cookie(logIn("trader.coffee")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/permits/{n}/permit.pdf", number).cookie(logIn("officer.customs")))
			.andExpect(status().isOk());
		// The holder's own software, with its API key.
		assertThat(PrintedDocuments.text(mvc.perform(get("/api/v1/permits/{n}/permit.pdf", number)
			.header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray())).contains(number);
		mvc.perform(get("/api/v1/permits/{n}/permit.pdf", number).header("Authorization", "Bearer sw-demo-trader.coffee"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		mvc.perform(get("/verify/permits/{n}", "NO-SUCH-PERMIT").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No permit has the number NO-SUCH-PERMIT.")));
		mvc.perform(get("/verify/permits").param("number", "X".repeat(5000)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/permit-checks/{n}", "NO-SUCH-PERMIT")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("PERMIT_NOT_FOUND"));
		mvc.perform(get("/api/v1/permit-checks/{n}", "X".repeat(5000))).andExpect(status().isNotFound());
		mvc.perform(get("/verify/permits")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("verify-permit-result"))));
	}

	/** 证照分离 seen together: whoever checks a licence sees the permits its holder holds, and not another's. */
	@Test
	void theLicencesPublicPageListsThePermitsItsHolderHolds() throws Exception {
		String number = theChipMakersLatestImportLicence();
		String chipsPage = mvc.perform(get("/verify/{uscc}", CHIP.value()).header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(chipsPage).contains("Permits held", "id=\"verify-permit-" + number + "\"",
				"href=\"/verify/permits/" + number + "\"", "Automatic import licence");
		String coffee = EnterpriseFixtures.demo("COFFEE").value();
		assertThat(mvc.perform(get("/verify/{uscc}", coffee).header("Accept-Language", "en")).andReturn().getResponse()
			.getContentAsString()).contains("Permits held").doesNotContain("id=\"verify-permit-" + number + "\"");
	}

	/** The licence's public check by software says what its page says: the permits its holder holds, never a quota. */
	@Test
	void theLicencesPublicCheckListsThePermitsItsHolderHoldsInTheReadersLanguage() throws Exception {
		String number = theChipMakersLatestImportLicence();
		String english = mvc.perform(get("/api/v1/licences/{uscc}", CHIP.value()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.uscc").value(CHIP.value()))
			.andExpect(jsonPath("$.permits[?(@.number == '" + number + "')].name").value("Automatic import licence"))
			.andExpect(jsonPath("$.permits[?(@.number == '" + number + "')].issuingAgency").value("COMMERCE"))
			.andExpect(jsonPath("$.permits[?(@.number == '" + number + "')].status").value("IN_FORCE"))
			.andExpect(jsonPath("$.morePermits").value(false))
			.andReturn().getResponse().getContentAsString();
		assertThat(english).doesNotContainIgnoringCase("quota").doesNotContainIgnoringCase("remaining");
		mvc.perform(get("/api/v1/licences/{uscc}", CHIP.value()).header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.permits[?(@.number == '" + number + "')].name").value("自动进口许可证"));
		String coffee = EnterpriseFixtures.demo("COFFEE").value();
		assertThat(mvc.perform(get("/api/v1/licences/{uscc}", coffee)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("\"permits\"").doesNotContain(number);
	}

	private String theChipMakersLatestImportLicence() {
		return jdbc.sql("""
				SELECT number FROM permit WHERE holder_uscc = ? AND catalogue_code = 'AIL' ORDER BY issued_at DESC LIMIT 1""")
			.param(CHIP.value()).query(String.class).single();
	}

	private byte[] pdf(String number, Cookie who) throws Exception {
		return mvc.perform(get("/permits/{n}/permit.pdf", number).cookie(who)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	private ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer sw-demo-" + user).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private Cookie logIn(String username) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
	}
}
