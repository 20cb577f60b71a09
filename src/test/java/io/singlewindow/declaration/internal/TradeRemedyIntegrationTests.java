package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static io.singlewindow.declaration.internal.CustomsDesk.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.AtOneInstant;


/**
 * Trade remedies (贸易救济) as the zone's administrator records them and the chip maker's imports pay them, through the
 * API: an anti-dumping notice on processors from Malaysia, a rate for one named producer and one for all others; a
 * declaration pays the rate of the producer its line names, else the other; what it paid is kept with the declaration
 * and a correction after clearance is assessed again at it, even once the measure has ended. Worked by hand: 3,000 USD
 * CIF at the demo rate 7.1 is 21,300.00 CNY; processors pay no duty (MFN 0 %) and VAT 13 %.
 */
class TradeRemedyIntegrationTests extends CustomsDeskTestCase {

	static final String NOTICE = "TEST 商务部公告2026年第7号";

	@AfterEach
	void theTestsNoticeIsGone() {
		// No other test's import pays it: processors from Malaysia are this test's alone, and the rows go after it.
		jdbc.sql("DELETE FROM trade_remedy WHERE notice LIKE 'TEST %'").update();
	}

	/** 150 processors from Malaysia at 3,000 USD CIF, the line naming {@code producer} or none. */
	static String processors(String producer) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"MY",
				 "destinationCountry":"CN","tradingCountry":"MY","currency":"USD","incoterm":"CIF","packages":3,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":150,"unit":"C62","value":3000,
				           "origin":"MY","producer":%s}]}"""
			.formatted(producer == null ? "null" : "\"" + producer + "\"");
	}

	ResultActions record(String producer, String rate) throws Exception {
		return record(producer, rate, "2000-01-01", null);
	}

	ResultActions record(String producer, String rate, String firstDay, String lastDay) throws Exception {
		return mvc.perform(post("/api/v1/tariff/trade-remedies").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind":"ANTI_DUMPING","notice":"%s","hsCode":"8542319000","origin":"MY","producer":%s,
					 "rate":%s,"firstDay":"%s","lastDay":%s}""".formatted(NOTICE, producer == null ? "null"
					: "\"" + producer + "\"", rate, firstDay, lastDay == null ? "null" : "\"" + lastDay + "\"")));
	}

	ResultActions end(long id, String lastDay) throws Exception {
		return mvc.perform(post("/api/v1/tariff/trade-remedies/{id}/end", id)
			.header("Authorization", "Bearer sw-demo-admin").contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastDay\":\"" + lastDay + "\"}"));
	}

	@Test
	void anImportPaysTheRateForAllOthersUnlessItsLineNamesAProducerTheNoticeSetsARateFor() throws Exception {
		String recorded = body(record(null, "0.2").andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/tariff/trade-remedies/"))));
		record("Kedah Silicon Sdn Bhd", "0.05").andExpect(status().isCreated());
		assertThat(JsonPath.<String>read(recorded, "$.hsCode")).isEqualTo("8542319000");
		assertThat(JsonPath.<List<String>>read(body(mvc.perform(get("/api/v1/tariff/trade-remedies")
			.header("Authorization", "Bearer sw-demo-trader.chip"))), "$[*].notice")).contains(NOTICE);

		String others = desk.submitted(processors(null));
		String named = desk.submitted(processors("  kedah silicon SDN BHD "));

		// anti-dumping 21,300.00 × 20 % = 4,260.00; VAT (21,300.00 + 0.00 + 4,260.00) × 13 % = 3,322.80
		assertThat(amount(others, "$.items[0].remedy")).isEqualByComparingTo("4260.00");
		assertThat(amount(others, "$.items[0].remedyRate")).isEqualByComparingTo("0.2");
		assertThat(amount(others, "$.items[0].vat")).isEqualByComparingTo("3322.80");
		assertThat(amount(others, "$.totalRemedy")).isEqualByComparingTo("4260.00");
		assertThat(amount(others, "$.totalTaxes")).isEqualByComparingTo("7582.80");
		assertThat(JsonPath.<List<String>>read(others, "$.items[0].steps")).contains(
				"anti-dumping duty 20% (notice " + NOTICE + "; origin MY; all other producers)",
				"trade remedy duty = 21,300.00 × 20% = 4,260.00");
		// the producer's own rate: 21,300.00 × 5 % = 1,065.00; VAT 22,365.00 × 13 % = 2,907.45
		assertThat(JsonPath.<String>read(named, "$.items[0].producer")).isEqualTo("kedah silicon SDN BHD");
		assertThat(amount(named, "$.items[0].remedy")).isEqualByComparingTo("1065.00");
		assertThat(amount(named, "$.items[0].vat")).isEqualByComparingTo("2907.45");
		// the declaration's page shows the column, and the declarant's list export the total
		String page = desk.page("trader.chip", "/declarations/" + JsonPath.read(others, "$.id"));
		assertThat(page).contains("id=\"assessment-total-remedy\"").contains("4,260.00");		// the pre-computation page takes the producer too: 3,000.00 CNY × 5 % = 150.00
		String calculated = desk.pagePost("trader.chip", "/tariff/assess", java.util.Map.ofEntries(
				java.util.Map.entry("flow", "IMPORT"), java.util.Map.entry("incoterm", "CIF"),
				java.util.Map.entry("currency", "CNY"), java.util.Map.entry("date", time.today().toString()),
				java.util.Map.entry("hsCode", "8542319000"), java.util.Map.entry("value", "3000"),
				java.util.Map.entry("origin", "MY"), java.util.Map.entry("producer", "Kedah Silicon Sdn Bhd")))
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(calculated).contains("producer Kedah Silicon Sdn Bhd)").contains(">150.00<")
			.contains("id=\"producer-0\"");
	}

	@Test
	void aCorrectionAfterClearanceIsAssessedAgainAtTheRateFirstPaidEvenOnceTheMeasureHasEnded() throws Exception {
		long id = JsonPath.<Number>read(body(record(null, "0.2").andExpect(status().isCreated())), "$.id").longValue();
		String cleared = desk.submitted(processors(null));
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		String declaration = JsonPath.read(cleared, "$.id");
		mvc.perform(post("/api/v1/tariff/trade-remedies/{id}/end", id).header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("{\"lastDay\":\"" + time.today().minusDays(1) + "\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.lastDay").value(time.today().minusDays(1).toString()));

		// ended yesterday: today's import pays none
		String afterTheEnd = desk.submitted(processors(null));
		assertThat(JsonPath.<Object>read(afterTheEnd, "$.totalRemedy")).isNull();
		assertThat(JsonPath.<Object>read(afterTheEnd, "$.items[0].remedyRate")).isNull();
		desk.correct(declaration, 1, "2000").andExpect(status().isOk());

		// 14,200.00 × 20 % = 2,840.00; VAT (14,200.00 + 2,840.00) × 13 % = 2,215.20; taxes 7,582.80 → 5,055.20
		String corrected = desk.view("officer.customs", declaration);
		assertThat(amount(corrected, "$.items[0].remedy")).isEqualByComparingTo("2840.00");
		assertThat(amount(corrected, "$.items[0].vat")).isEqualByComparingTo("2215.20");
		assertThat(amount(corrected, "$.totalRemedy")).isEqualByComparingTo("2840.00");
		assertThat(amount(corrected, "$.totalTaxes")).isEqualByComparingTo("5055.20");
		assertThat(amount(corrected, "$.corrections[0].lines[0].taxesBefore")).isEqualByComparingTo("7582.80");
		assertThat(amount(corrected, "$.corrections[0].lines[0].taxesAfter")).isEqualByComparingTo("5055.20");
	}

	@Test
	void aRateTheAdministratorGetsWrongIsRefusedAtItsFieldAndNothingIsRecorded() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM trade_remedy").query(Long.class).single();

		mvc.perform(post("/api/v1/tariff/trade-remedies").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind":"DUMPING","notice":"TEST 1","hsCode":"8542319001","origin":null,"rate":12,
					 "firstDay":"2026-02-30","lastDay":"2020-01-01"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("kind", "hsCode",
					"rate", "firstDay")))
			.andExpect(jsonPath("$.errors[?(@.field == 'kind')].code").value("TRADE_REMEDY_KIND_UNKNOWN"))
			.andExpect(jsonPath("$.errors[?(@.field == 'rate')].code").value("TRADE_REMEDY_RATE_INVALID"));
		mvc.perform(post("/api/v1/tariff/trade-remedies").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind":"COUNTERVAILING","notice":"TEST 2","hsCode":"8542319000","producer":"Kedah Silicon",
					 "rate":0.1,"firstDay":"2026-01-01","lastDay":"2025-12-31"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'origin')].code").value("TRADE_REMEDY_ORIGIN_REQUIRED"))
			.andExpect(jsonPath("$.errors[?(@.field == 'lastDay')].code").value("TRADE_REMEDY_DAYS_INVALID"));
		assertThat(jdbc.sql("SELECT count(*) FROM trade_remedy").query(Long.class).single()).isEqualTo(before);

		// 0 is a named producer's alone (an accepted price undertaking): for all others it would be no measure
		record(null, "0").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'rate')].code").value("TRADE_REMEDY_RATE_INVALID"));
		record("Kedah Silicon Sdn Bhd", "0").andExpect(status().isCreated());
		record(null, "0.2").andExpect(status().isCreated());
		// the same notice's rate for the same goods again: an import would not know which to pay
		record(null, "0.3").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("TRADE_REMEDY_DUPLICATE"));
		mvc.perform(post("/api/v1/tariff/trade-remedies").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM trade_remedy").query(Long.class).single()).isEqualTo(before + 2);
	}

	@Test
	void theAdministratorsPageTakesTheRateInPercentAndNamesEveryWrongFieldAtOnce() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM trade_remedy").query(Long.class).single();

		var refused = desk.pagePost("admin", "/admin/trade-remedies", java.util.Map.of("kind", "SAFEGUARD", "notice",
				"TEST 3", "hsCode", "8542319001", "origin", "", "producer", "Kedah Silicon", "ratePercent", "twenty",
				"firstDay", "2026-01-01", "lastDay", ""));

		String page = refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(page).contains("id=\"error-hsCode\"", "id=\"error-origin\"")
			.contains("not twenty.");
		assertThat(jdbc.sql("SELECT count(*) FROM trade_remedy").query(Long.class).single()).isEqualTo(before);

		var taken = desk.pagePost("admin", "/admin/trade-remedies", java.util.Map.of("kind", "ANTI_DUMPING", "notice",
				NOTICE, "hsCode", "8542.31.9000", "origin", "my", "producer", "", "ratePercent", "12.5", "firstDay",
				"2000-01-01", "lastDay", "2000-12-31"));

		assertThat(taken.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT rate FROM trade_remedy WHERE notice = ?").param(NOTICE)
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0.125");
	}

	@Test
	void aRateRecordedByTwoAdministratorsAtOneInstantIsRecordedOnce() throws Exception {
		// Each year's rate sent eight times at once: without the queue per notice and goods, two of them now and then
		// find the days free together (the check reads committed rows).
		for (int year = 2001; year <= 2010; year++) {
			String first = year + "-01-01";
			String last = year + "-12-31";
			List<Integer> statuses = AtOneInstant.statuses(8, () -> record(null, "0.2", first, last));

			assertThat(statuses).as("year %d", year).filteredOn(code -> code == 201).hasSize(1);
			assertThat(statuses).as("year %d", year).filteredOn(code -> code != 201).containsOnly(409);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM trade_remedy WHERE notice = ?").param(NOTICE)
			.query(Long.class).single()).isEqualTo(10);
	}

	@Test
	void aLastDayMovedIntoTheNoticesNextRateIsRefusedAndTheRateKeepsItsDays() throws Exception {
		long earlier = JsonPath.<Number>read(body(record(null, "0.2", "2001-01-01", "2001-12-31")), "$.id")
			.longValue();
		record(null, "0.15", "2002-01-01", null).andExpect(status().isCreated());
		// a named producer's own rate is other goods' rate: ending all others' later does not touch it
		record("Kedah Silicon Sdn Bhd", "0.05", "2000-01-01", null).andExpect(status().isCreated());

		end(earlier, "2001-12-31").andExpect(status().isOk());
		end(earlier, "2002-01-01").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("TRADE_REMEDY_DUPLICATE"));
		var page = desk.pagePost("admin", "/admin/trade-remedies/" + earlier + "/end", Map.of("lastDay",
				"2002-06-30"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"end-summary\"")
			.contains("href=\"#end-" + earlier + "\"");
		assertThat(jdbc.sql("SELECT last_day FROM trade_remedy WHERE id = ?").param(earlier)
			.query(java.time.LocalDate.class).single()).isEqualTo("2001-12-31");
	}
}
