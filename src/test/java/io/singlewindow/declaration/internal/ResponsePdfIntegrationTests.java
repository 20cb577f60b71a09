package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.PrintedDocuments;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import jakarta.servlet.http.Cookie;

/**
 * The consolidated response as a PDF the trader keeps, read back and its QR code scanned; the public page it opens
 * shows number, status and date only, and tells when the printed copy is out of date or superseded by an amendment.
 */
@SingleWindowIntegrationTest
class ResponsePdfIntegrationTests {

	static final String CHIP = SingleWindowFlowIntegrationTests.CHIP;

	@Autowired
	MockMvc mvc;

	@Autowired
	PermitLedger permits;

	@Autowired
	Enterprises enterprises;

	@Test
	void theTraderKeepsTheResponseAsPdfAndAnyoneChecksWhetherItIsCurrent() throws Exception {
		HeldPermit licence = permits.heldBy(Uscc.parse(CHIP)).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		String created = api("trader.chip", post("/api/v1/declarations"),
				SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "2"));
		String id = JsonPath.read(created, "$.id");
		String number = JsonPath.read(created, "$.number");
		Cookie trader = logIn("trader.chip");

		byte[] pdf = mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(trader))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		PrintedDocuments.keep(pdf, "declaration-response.pdf");
		String text = PrintedDocuments.text(pdf);
		assertThat(text).contains(number, "报关单审核结果", enterprises.get(Uscc.parse(CHIP)).nameZh(), CHIP,
				"8471300000", "8542319000", licence.number(), "已核销", "海关", "税费合计");
		assertThat(PrintedDocuments.embeddedFonts(pdf)).isNotEmpty().allMatch(name -> name.contains("WenQuanYi"));

		URI link = URI.create(PrintedDocuments.scanQrCode(pdf));
		assertThat(link.toString()).startsWith("http://localhost/verify/declarations/" + number + "?v=")
			.endsWith("&a=0");
		String printed = link.getPath() + "?" + link.getQuery();
		mvc.perform(get(printed).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("The printed response you checked is current.")))
			.andExpect(content().string(not(containsString(CHIP))))
			.andExpect(content().string(not(containsString("processors"))))
			.andExpect(content().string(not(containsString(licence.number()))));

		String ciqTask = JsonPath.<List<String>>read(created, "$.tasks[?(@.agency == 'CIQ')].id").getFirst();
		api("officer.ciq", post("/api/v1/tasks/{id}/decision", ciqTask), """
				{"decision":"QUERY","reason":"Battery test report?"}""");
		mvc.perform(get(printed).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Out of date: agencies decided, the status changed")))
			.andExpect(content().string(containsString("Queried")));

		api("trader.chip", put("/api/v1/declarations/{id}", id),
				SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "3"));
		mvc.perform(get(printed).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Superseded: the declaration was amended")));
		byte[] amended = mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(trader))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(PrintedDocuments.scanQrCode(amended)).endsWith("&a=1");

		mvc.perform(get("/verify/declarations/{number}", number).param("v", "999").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("it was not printed by this platform")));
		mvc.perform(get("/verify/declarations/{number}", "XM-NO-SUCH-NUMBER").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No declaration has the number XM-NO-SUCH-NUMBER.")));
		mvc.perform(get("/verify/declarations").param("number", number)).andExpect(status().isOk());
	}

	@Test
	void theResponseSaysWhetherTheDutiesArePaidAndACopyPrintedBeforeThePaymentIsOutOfDate() throws Exception {
		String created = api("trader.chip", post("/api/v1/declarations"),
				SingleWindowFlowIntegrationTests.processors("200", "4000"));
		String id = JsonPath.read(created, "$.id");
		for (String agency : JsonPath.<List<String>>read(created, "$.tasks[?(@.status == 'PENDING')].agency")) {
			String task = JsonPath.<List<String>>read(created, "$.tasks[?(@.agency == '" + agency + "')].id").getFirst();
			api("officer." + agency.toLowerCase(java.util.Locale.ROOT), post("/api/v1/tasks/{id}/decision", task),
					"{\"decision\":\"APPROVE\"}");
		}
		Cookie trader = logIn("trader.chip");
		byte[] owing = mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(trader)).andReturn().getResponse()
			.getContentAsByteArray();
		String due = JsonPath.read(api("trader.chip", get("/api/v1/declarations/{id}", id), ""), "$.duties.amountDue")
			.toString();
		assertThat(PrintedDocuments.text(owing)).contains("税款缴纳 Payment", "未缴纳 unpaid", "缴款期限 pay by");

		api("officer.customs", post("/api/v1/declarations/{id}/duty-payment", id),
				"{\"amount\":" + due + ",\"reference\":\"ICBC-PDF-7\"}");

		URI printedBefore = URI.create(PrintedDocuments.scanQrCode(owing));
		mvc.perform(get(printedBefore.getPath() + "?" + printedBefore.getQuery()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("its duties were paid after the response you checked")));
		byte[] paid = mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(trader)).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(PrintedDocuments.text(paid)).contains("已缴纳 paid", "ICBC-PDF-7").doesNotContain("未缴纳");
		assertThat(mvc.perform(get("/declarations/{id}/response", id).cookie(trader)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"response-duties\"", "ICBC-PDF-7");
	}

	@Test
	void onlyWhoMaySeeTheDeclarationGetsItsPdf() throws Exception {
		String created = api("trader.chip", post("/api/v1/declarations"),
				SingleWindowFlowIntegrationTests.chipDeclaration(null, null));
		String id = JsonPath.read(created, "$.id");
		mvc.perform(get("/declarations/{id}/response.pdf", id)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(logIn("trader.coffee")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(logIn("officer.customs")))
			.andExpect(status().isOk());
	}

	private String api(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return api(mvc, user, request, json);
	}

	/** The body of an API call as {@code user} that must succeed. */
	static String api(MockMvc mvc, String user,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
			throws Exception {
		ResultActions result = mvc.perform(request.header("Authorization", "Bearer sw-demo-" + user)
			.contentType(MediaType.APPLICATION_JSON).content(json));
		assertThat(result.andReturn().getResponse().getStatus()).isLessThan(300);
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private Cookie logIn(String username) throws Exception {
		return logIn(mvc, username);
	}

	/** A page session of {@code username}. */
	static Cookie logIn(MockMvc mvc, String username) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
	}
}
