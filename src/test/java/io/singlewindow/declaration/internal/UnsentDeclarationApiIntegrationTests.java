package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * 暂存 through the API: a broker's software keeps a declaration of its principal's in the single window, unsent and
 * unchecked; the principal's trader finds it on the declarations page, finishes it there; the software reads it back,
 * saves it again over the version it read, and never over a colleague's save unseen. What a form cannot keep is
 * refused, naming the field, and nothing is stored.
 */
class UnsentDeclarationApiIntegrationTests extends CustomsDeskTestCase {

	static final String CHIP = DeclarationCorrectionIntegrationTests.CHIP;

	@Test
	void aBrokersSoftwareSavesADeclarationForLaterThatThePrincipalsTraderFinishesOnThePage() throws Exception {
		ResultActions created = api("broker", post("/api/v1/unsent-declarations"), """
				{"declarant":"%s","flow":"IMPORT","port":"CNXMN","packages":3,
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":150,"value":"not yet known"}]}"""
			.formatted(CHIP))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.declarant").value(CHIP))
			.andExpect(jsonPath("$.savedBy").value("broker"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.firstLine").value("8542319000 processors"))
			.andExpect(jsonPath("$.declaration.packages").value("3"))
			.andExpect(jsonPath("$.declaration.items[0].quantity").value("150"))
			.andExpect(jsonPath("$.declaration.items[0].value").value("not yet known"));
		String saved = CustomsDesk.body(created);
		String id = JsonPath.read(saved, "$.id");
		created.andExpect(header().string("Location", "/api/v1/unsent-declarations/" + id));
		assertThat((String) JsonPath.read(saved, "$.page")).isEqualTo("/declarations/new?unsent=" + id);
		assertThat(Duration.between(Instant.parse(JsonPath.read(saved, "$.savedAt")),
				Instant.parse(JsonPath.read(saved, "$.keptUntil")))).isEqualTo(Duration.ofDays(90));
		try {
			api("trader.chip", get("/api/v1/unsent-declarations"), null).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == '" + id + "')].savedBy").value("broker"));
			assertThat(desk.page("trader.chip", "/declarations")).contains("id=\"unsent-" + id + "\"");
			assertThat(desk.page("trader.chip", "/declarations/new?unsent=" + id)).contains("value=\"CNXMN\"",
					"value=\"150\"", "value=\"not yet known\"");
			api("trader.coffee", get("/api/v1/unsent-declarations/{id}", id), null).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("UNSENT_DECLARATION_NOT_FOUND"));
			assertThat(CustomsDesk.body(api("trader.coffee", get("/api/v1/unsent-declarations"), null)))
				.doesNotContain(id);
			api("officer.customs", get("/api/v1/unsent-declarations"), null).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));

			// Saved again over the version read; a second save from the same reading is not taken.
			String again = """
					{"declarant":"%s","flow":"IMPORT","port":"CNXMN","tradeMode":"0110",
					 "items":[{"hsCode":"8542319000","description":"processors","quantity":"150","value":3000}]%s}""";
			api("broker", put("/api/v1/unsent-declarations/{id}", id), again.formatted(CHIP, ""))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("version"));
			api("broker", put("/api/v1/unsent-declarations/{id}", id), again.formatted(CHIP, ",\"version\":1"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
				.andExpect(jsonPath("$.declaration.tradeMode").value("0110"))
				.andExpect(jsonPath("$.declaration.items[0].value").value("3000"));
			api("trader.chip", put("/api/v1/unsent-declarations/{id}", id), again.formatted(CHIP, ",\"version\":1"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("UNSENT_DECLARATION_CHANGED"));

			// The trader finishes it on the page; the software reads the page's save.
			assertThat(desk.pagePost("trader.chip", "/declarations/new", Map.of("unsent", id, "unsentVersion", "2",
					"port", "CNXMN", "currency", "USD", "items[0].hsCode", "8542319000", "saveUnsent", "1"))
				.getRedirectedUrl()).contains("&saved");
			api("broker", get("/api/v1/unsent-declarations/{id}", id), null).andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(3)).andExpect(jsonPath("$.savedBy").value("trader.chip"))
				.andExpect(jsonPath("$.declaration.currency").value("USD"));

			api("trader.coffee", delete("/api/v1/unsent-declarations/{id}", id), null)
				.andExpect(status().isNotFound());
			api("broker", delete("/api/v1/unsent-declarations/{id}", id), null).andExpect(status().isNoContent());
			api("trader.chip", get("/api/v1/unsent-declarations/{id}", id), null).andExpect(status().isNotFound());
		}
		finally {
			jdbc.sql("DELETE FROM declaration_unsent WHERE id = ?::uuid").param(id).update();
		}
	}

	@Test
	void whatAFormCannotKeepIsRefusedAtItsFieldAndNothingIsStored() throws Exception {
		long before = rowsOfTheChipMaker();
		String line = "{\"hsCode\":\"8542319000\",\"description\":\"processors\"}";
		refused("trader.chip", """
				{"items":[{"hsCode":"8542319000","statisticalQuantity":"2","statisticalUnit":"TNE"}]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].statisticalUnit"))
			.andExpect(jsonPath("$.errors[0].code").value("UNSENT_STATISTICAL_UNIT_NOT_KEPT"));
		refused("trader.chip", "{\"items\":[" + String.join(",", java.util.Collections.nCopies(51, line)) + "]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].code").value("TOO_MANY_ITEMS"));
		refused("trader.chip", "{\"items\":[null]}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0]"));
		refused("trader.chip", "{\"items\":[{\"description\":\"" + "x".repeat(600) + "\"}]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].description"));
		refused("trader.chip", "{\"consignee\":\"Egret\\u001b[2J\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		refused("trader.chip", "{\"declarant\":\"NOT-A-USCC\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("declarant"));
		refused("trader.coffee", "{\"declarant\":\"" + CHIP + "\",\"port\":\"CNXMN\"}")
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
		assertThat(rowsOfTheChipMaker()).as("nothing stored").isEqualTo(before);
	}

	private ResultActions refused(String user, String json) throws Exception {
		return api(user, post("/api/v1/unsent-declarations"), json);
	}

	private ResultActions api(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", "Bearer sw-demo-" + user).header("Accept-Language", "en");
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	private long rowsOfTheChipMaker() {
		return jdbc.sql("SELECT count(*) FROM declaration_unsent WHERE declarant = ?").param(CHIP).query(Long.class)
			.single();
	}
}
