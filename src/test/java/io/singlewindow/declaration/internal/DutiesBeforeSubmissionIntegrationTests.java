package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.enterprise.EnterpriseFixtures;

/**
 * The declarant checks on the form what its declaration would be assessed before it submits it (as ASYCUDA's "assess"
 * before registering), on the form or through the API: the same checks as a submission, the duties and taxes line by
 * line, and nothing stored.
 */
class DutiesBeforeSubmissionIntegrationTests extends CustomsDeskTestCase {

	/** 400 processors at the zone's usual 20 USD, CIF Xiamen, as the form sends them. */
	static Map<String, String> form(String firstHsCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("declarant", EnterpriseFixtures.demo("CHIP").value());
		form.put("flow", "IMPORT");
		form.put("tradeMode", "0110");
		form.put("transportMode", "2");
		form.put("port", "CNXMN");
		form.put("originCountry", "US");
		form.put("destinationCountry", "CN");
		form.put("tradingCountry", "US");
		form.put("currency", "USD");
		form.put("incoterm", "CIF");
		form.put("packages", "2");
		form.put("grossWeight", "30");
		form.put("netWeight", "25");
		form.put("items[0].hsCode", firstHsCode);
		form.put("items[0].description", "processors");
		form.put("items[0].quantity", "400");
		form.put("items[0].unit", "C62");
		form.put("items[0].value", "8000");
		form.put("items[0].origin", "US");
		return form;
	}

	@Test
	void theDeclarantSeesTheDutiesAndTaxesOfItsDeclarationBeforeSubmittingItAndNothingIsStored() throws Exception {
		long before = declarations();
		Map<String, String> asked = form("8542319000");
		asked.put("assess", "1");

		String html = checked(asked);

		assertThat(html).contains("id=\"estimate\"", "id=\"assessment-line-1\"", "id=\"assessment-total-taxes\"",
				"Duties and taxes if submitted today");
		// what was typed stays on the form, to be submitted as it is
		assertThat(html).contains("value=\"8000\"").contains("id=\"submit-declaration\"");
		assertThat(declarations()).isEqualTo(before);

		// submitted as it is, it is assessed as the form said
		MockHttpServletResponse submitted = desk.pagePost("trader.chip", "/declarations/new", form("8542319000"));
		assertThat(submitted.getStatus()).isEqualTo(302);
		assertThat(declarations()).isEqualTo(before + 1);
		java.util.regex.Matcher estimated = java.util.regex.Pattern
			.compile("id=\"assessment-total-taxes\"[^>]*>([0-9,.]+)<").matcher(html);
		assertThat(estimated.find()).isTrue();
		String id = submitted.getRedirectedUrl().substring("/declarations/".length());
		assertThat(CustomsDesk.amount(desk.view("trader.chip", id), "$.totalTaxes"))
			.isPositive().isEqualByComparingTo(estimated.group(1).replace(",", ""));
	}

	@Test
	void aDeclarationASubmissionWouldRefuseIsRefusedTheSameWayAndNothingIsStored() throws Exception {
		long before = declarations();
		Map<String, String> asked = form("0101210000");
		asked.put("assess", "1");

		String html = checked(asked);

		assertThat(html).contains("id=\"form-errors\"", "href=\"#item0-hsCode\"").doesNotContain("id=\"estimate\"");
		assertThat(declarations()).isEqualTo(before);
	}

	@Test
	void aDeclarantsSystemAsksTheSameThroughTheApi() throws Exception {
		long before = declarations();
		String body = SmallTaxWaiverIntegrationTests.TWO_PROCESSORS;

		String assessed = CustomsDesk.body(mvc.perform(post("/api/v1/declarations/assessments")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk()));
		assertThat(CustomsDesk.amount(assessed, "$.totalTaxes")).isZero();
		assertThat(CustomsDesk.amount(assessed, "$.waived.vat")).isPositive();
		assertThat(JsonPath.<java.util.List<String>>read(assessed, "$.lines[0].steps"))
			.anyMatch(step -> step.startsWith("VAT not collected"));
		// refused as a submission would be, at the same field
		mvc.perform(post("/api/v1/declarations/assessments").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("8542319000", "0101210000")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].hsCode"));
		assertThat(declarations()).isEqualTo(before);
	}

	/** The form as the page answers its "Check duties and taxes" (200, the form again). */
	private String checked(Map<String, String> form) throws Exception {
		MockHttpServletResponse page = desk.pagePost("trader.chip", "/declarations/new", form);
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString(StandardCharsets.UTF_8);
	}

	private long declarations() {
		return jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();
	}
}
