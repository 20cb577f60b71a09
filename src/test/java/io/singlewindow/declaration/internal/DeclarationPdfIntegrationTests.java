package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.PrintedDocuments;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import jakarta.servlet.http.Cookie;

/**
 * 报关单打印: the declarant prints the declaration as declared — header and lines, each code named in Chinese and
 * English — for the carrier, the warehouse or the bank; whoever holds the paper scans its QR code and learns whether
 * it still shows what is declared: a decision does not change that, an amendment does.
 */
@SingleWindowIntegrationTest
class DeclarationPdfIntegrationTests {

	static final String CHIP = SingleWindowFlowIntegrationTests.CHIP;

	@Autowired
	MockMvc mvc;

	@Autowired
	PermitLedger permits;

	@Autowired
	Enterprises enterprises;

	@Test
	void theDeclarantPrintsTheDeclarationAsDeclaredAndAnyoneChecksWhetherItStillStands() throws Exception {
		HeldPermit licence = permits.heldBy(Uscc.parse(CHIP)).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		String created = api("trader.chip", post("/api/v1/declarations"),
				SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "2"));
		String id = JsonPath.read(created, "$.id");
		String number = JsonPath.read(created, "$.number");
		Cookie trader = logIn("trader.chip");
		assertThat(mvc.perform(get("/declarations/{id}", id).cookie(trader)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/declarations/" + id + "/declaration.pdf\"");

		byte[] pdf = mvc.perform(get("/declarations/{id}/declaration.pdf", id).cookie(trader))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		PrintedDocuments.keep(pdf, "declaration-as-declared.pdf");
		String text = PrintedDocuments.text(pdf);
		assertThat(text).contains("进口货物报关单", number, enterprises.get(Uscc.parse(CHIP)).nameZh(), CHIP,
				"0110 一般贸易 General trade", "US 美国 United States", "USD 美元", "CIF", "CNXMN",
				"8471300000", "portable computers", "2 个 unit (C62)", "800.0000 / 1600.00",
				"8542319000", "processors", "200 个 unit (C62)", "20.0000 / 4000.00", licence.number(), "120 / 100")
			.as("sent without a reference of its own: none printed, not the one the platform made up")
			.doesNotContain(Declarations.MADE_UP_REFERENCE);
		assertThat(PrintedDocuments.embeddedFonts(pdf)).isNotEmpty().allMatch(name -> name.contains("WenQuanYi"));

		URI link = URI.create(PrintedDocuments.scanQrCode(pdf));
		assertThat(link.toString()).isEqualTo("http://localhost/verify/declarations/" + number + "?d=0");
		String printed = link.getPath() + "?" + link.getQuery();
		mvc.perform(get(printed).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The printed declaration you checked shows what is declared now.")))
			.andExpect(content().string(not(containsString(CHIP))))
			.andExpect(content().string(not(containsString("processors"))));

		// An agency's question changes the status, not what was declared: the copy still stands.
		String ciqTask = JsonPath.<List<String>>read(created, "$.tasks[?(@.agency == 'CIQ')].id").getFirst();
		api("officer.ciq", post("/api/v1/tasks/{id}/decision", ciqTask), """
				{"decision":"QUERY","reason":"Battery test report?"}""");
		mvc.perform(get(printed).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("shows what is declared now")));

		// The declarant answers by amending it: the paper no longer shows what is declared.
		api("trader.chip", put("/api/v1/declarations/{id}", id),
				SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "3"));
		mvc.perform(get(printed).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Changed since: the declarant amended the declaration")));
		byte[] amended = mvc.perform(get("/declarations/{id}/declaration.pdf", id).cookie(trader))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(PrintedDocuments.scanQrCode(amended)).endsWith("?d=1");
		assertThat(PrintedDocuments.text(amended)).contains("3 个 unit (C62)", "800.0000 / 2400.00");

		for (String forged : List.of("2", "-1", "x", "99999999999999999999")) {
			mvc.perform(get("/verify/declarations/{number}", number).param("d", forged).header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("it was not printed by this platform")));
		}
	}

	@Test
	void onlyWhoMaySeeTheDeclarationPrintsIt() throws Exception {
		String created = api("trader.chip", post("/api/v1/declarations"),
				SingleWindowFlowIntegrationTests.chipDeclaration(null, null));
		String id = JsonPath.read(created, "$.id");
		mvc.perform(get("/declarations/{id}/declaration.pdf", id)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/declarations/{id}/declaration.pdf", id).cookie(logIn("trader.coffee")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/declarations/{id}/declaration.pdf", id).cookie(logIn("officer.customs")))
			.andExpect(status().isOk());

		// The declarant's own software fetches both documents with its API key.
		for (String printed : java.util.List.of("declaration.pdf", "response.pdf")) {
			byte[] pdf = mvc.perform(get("/api/v1/declarations/{id}/" + printed, id)
				.header("Authorization", "Bearer sw-demo-broker"))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andExpect(header().string("Cache-Control", containsString("no-store")))
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(PrintedDocuments.text(pdf)).contains((String) JsonPath.read(created, "$.number"));
			mvc.perform(get("/api/v1/declarations/{id}/" + printed, id).header("Authorization", "Bearer sw-demo-trader.coffee"))
				.andExpect(status().isForbidden())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		}
	}

	private String api(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return ResponsePdfIntegrationTests.api(mvc, user, request, json);
	}

	private Cookie logIn(String username) throws Exception {
		return ResponsePdfIntegrationTests.logIn(mvc, username);
	}
}
