package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.ExchangeRates;

/**
 * Customs corrects the declared values of a cleared declaration (报关单修改): the lines are assessed again at the rates
 * the clearance applied, the difference in duties and taxes is on record to collect or refund, the statistics follow,
 * and everyone who followed the declaration hears of it.
 */
@SingleWindowIntegrationTest
class DeclarationCorrectionIntegrationTests {

	static final String CHIP = EnterpriseFixtures.demo("CHIP").value();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExchangeRates rates;

	@Autowired
	BusinessTime time;

	@Autowired
	io.singlewindow.permit.PermitLedger permits;

	@BeforeEach
	void theChipMakerIsLongEstablishedAndDeclaresAtTheZonesUsualPrices() {
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(Uscc.parse(CHIP))
			.usualUnitPrice("8542319000", "C62", "20").usualUnitPrice("8471300000", "C62", "800");
	}

	/** Two lines of processors bought FOB, with freight and insurance to allocate over them by value. */
	static String processorsFob(String first, String second) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"FOB","freight":100,
				 "insurance":10,"packages":3,"grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":150,"unit":"C62","value":%s,"origin":"US"},
				          {"hsCode":"8542319000","description":"processors","quantity":50,"unit":"C62","value":%s,"origin":"US"}]}"""
			.formatted(first, second);
	}

	@Test
	void customsCorrectsAClearedDeclarationsValueAndTheDifferenceInTaxesIsOnRecordToRefund() throws Exception {
		String cleared = body(submit(processorsFob("3000", "1000")).andExpect(status().isCreated()));
		String id = JsonPath.read(cleared, "$.id");
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		int version = JsonPath.read(cleared, "$.version");
		BigDecimal taxesBefore = amount(cleared, "$.totalTaxes");
		BigDecimal secondBefore = amount(cleared, "$.items[1].customsValueCny");
		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated())), "$.id");
		try {
			// The seller's credit note: line 1 was 2,500 USD, not 3,000.
			correct("officer.customs", id, """
					{"reason":"Seller's credit note CN-2026-17: line 1 is 2,500 USD","version":%d,
					 "lines":[{"lineNo":1,"value":2500}]}""".formatted(version))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLEARED"))
				.andExpect(jsonPath("$.version").value(version + 1));

			String seen = view("trader.chip", id);
			assertThat(amount(seen, "$.items[0].value")).isEqualByComparingTo("2500");
			assertThat(amount(seen, "$.items[1].value")).as("not corrected").isEqualByComparingTo("1000");
			// Freight and insurance (110 USD) fall afresh by value: 2,500 and 1,000 bear 78.57 and 31.43 (were 82.50 and
			// 27.50), so line 2's customs value grows though its value did not change.
			BigDecimal rate = amount(seen, "$.exchangeRate");
			assertThat(rate).isEqualByComparingTo(amount(cleared, "$.exchangeRate"));
			assertThat(amount(seen, "$.items[0].customsValueCny"))
				.isEqualByComparingTo(new BigDecimal("2578.57").multiply(rate).setScale(2, RoundingMode.HALF_UP));
			assertThat(amount(seen, "$.items[1].customsValueCny"))
				.isEqualByComparingTo(new BigDecimal("1031.43").multiply(rate).setScale(2, RoundingMode.HALF_UP))
				.isGreaterThan(secondBefore);
			for (int line = 0; line < 2; line++) {
				BigDecimal value = amount(seen, "$.items[" + line + "].customsValueCny");
				assertThat(JsonPath.<String>read(seen, "$.items[" + line + "].rateBasis")).isEqualTo("MFN");
				assertThat(amount(seen, "$.items[" + line + "].vat")).as("VAT at the 13 % first applied")
					.isEqualByComparingTo(value.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP));
				assertThat(JsonPath.<List<String>>read(seen, "$.items[" + line + "].steps"))
					.contains("rates as first assessed: MFN duty 0%, VAT 13%");
			}
			BigDecimal taxesAfter = amount(seen, "$.items[0].vat").add(amount(seen, "$.items[1].vat"));
			assertThat(amount(seen, "$.totalTaxes")).isEqualByComparingTo(taxesAfter).isLessThan(taxesBefore);
			assertThat(amount(seen, "$.totalCustomsValue")).isEqualByComparingTo(
					amount(seen, "$.items[0].customsValueCny").add(amount(seen, "$.items[1].customsValueCny")));

			// The correction is on record with what it changed and what is owed back, for the declarant too.
			assertThat(JsonPath.<List<Object>>read(seen, "$.corrections")).hasSize(1);
			assertThat(JsonPath.<String>read(seen, "$.corrections[0].correctedBy")).isEqualTo("officer.customs");
			assertThat(JsonPath.<String>read(seen, "$.corrections[0].reason"))
				.isEqualTo("Seller's credit note CN-2026-17: line 1 is 2,500 USD");
			assertThat(amount(seen, "$.corrections[0].taxesBefore")).isEqualByComparingTo(taxesBefore);
			assertThat(amount(seen, "$.corrections[0].taxesAfter")).isEqualByComparingTo(taxesAfter);
			assertThat(amount(seen, "$.corrections[0].taxDifference"))
				.isEqualByComparingTo(taxesAfter.subtract(taxesBefore)).isNegative();
			assertThat(JsonPath.<List<Integer>>read(seen, "$.corrections[0].lines[*].lineNo")).containsExactly(1, 2);
			assertThat(amount(seen, "$.corrections[0].lines[0].valueBefore")).isEqualByComparingTo("3000");
			assertThat(amount(seen, "$.corrections[0].lines[0].valueAfter")).isEqualByComparingTo("2500");
			assertThat(amount(seen, "$.corrections[0].lines[1].customsValueBefore")).isEqualByComparingTo(secondBefore);
			assertThat(JsonPath.<List<String>>read(seen, "$.timeline[?(@.event == 'CORRECTED')].actor"))
				.containsExactly("officer.customs");

			// The statistics count the corrected customs values, as a recomputation would.
			assertThat(jdbc.sql("SELECT value_cny FROM statistics_fact WHERE declaration_id = ?::uuid ORDER BY line_no")
				.param(id).query(BigDecimal.class).list()).usingElementComparator(BigDecimal::compareTo)
				.containsExactly(amount(seen, "$.items[0].customsValueCny"), amount(seen, "$.items[1].customsValueCny"));
			assertThat(jdbc.sql("""
					SELECT action || ' by ' || actor_name FROM audit_entry
					WHERE subject_type = 'DECLARATION' AND subject_id = ? ORDER BY id""").param(id).query(String.class)
				.list()).containsExactly("DECLARATION_CORRECTED by officer.customs");
			List<String> heard = jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid""")
				.params(webhook, id).query(String.class).list();
			assertThat(heard).singleElement().satisfies(p -> {
				assertThat(JsonPath.<String>read(p, "$.type")).isEqualTo("declaration.corrected");
				assertThat(JsonPath.<String>read(p, "$.by")).isEqualTo("officer.customs");
				assertThat(amount(p, "$.taxDifference")).isEqualByComparingTo(taxesAfter.subtract(taxesBefore));
			});

			// Sent again (no answer came back): nothing would change, so nothing is recorded twice.
			correct("officer.customs", id, "{\"reason\":\"again\",\"lines\":[{\"lineNo\":1,\"value\":2500.00}]}")
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("lines"))
				.andExpect(jsonPath("$.errors[0].code").value("NOTHING_CORRECTED"));
			assertThat(JsonPath.<List<Object>>read(view("officer.customs", id), "$.corrections")).hasSize(1);
		} finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
	}

	@Test
	void onlyCustomsCorrectsOnlyAClearedDeclarationAndAnythingRefusedLeavesItAsItWas() throws Exception {
		// Processors at three times the zone's usual unit price: YELLOW, under review.
		String underReview = body(submit(processorsFob("9000", "3000")).andExpect(status().isCreated()));
		assertThat(JsonPath.<String>read(underReview, "$.status")).isEqualTo("UNDER_REVIEW");
		correct("officer.customs", JsonPath.read(underReview, "$.id"),
			"{\"reason\":\"wrong value\",\"lines\":[{\"lineNo\":1,\"value\":100}]}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_CORRECTABLE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Under review")));

		String cleared = body(submit(processorsFob("3000", "1000")).andExpect(status().isCreated()));
		String id = JsonPath.read(cleared, "$.id");
		int version = JsonPath.read(cleared, "$.version");
		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "officer.commerce", "admin")) {
			correct(stranger, id, "{\"reason\":\"not mine\",\"lines\":[{\"lineNo\":1,\"value\":100}]}")
				.andExpect(status().isForbidden());
		}
		Map<String, String> refused = Map.of(
				"{\"reason\":\" \",\"lines\":[{\"lineNo\":1,\"value\":100}]}", "reason:REASON_REQUIRED",
				"{\"reason\":\"why\"}", "lines:REQUIRED",
				"{\"reason\":\"why\",\"lines\":[]}", "lines:REQUIRED",
				"{\"reason\":\"why\",\"lines\":[{\"lineNo\":3,\"value\":100}]}", "lines[0].lineNo:LINE_UNKNOWN",
				"{\"reason\":\"why\",\"lines\":[{\"lineNo\":1,\"value\":100},{\"lineNo\":1,\"value\":200}]}",
				"lines[1].lineNo:LINE_REPEATED",
				"{\"reason\":\"why\",\"lines\":[{\"lineNo\":1,\"value\":0}]}", "lines[0].value:VALUE_NOT_POSITIVE",
				"{\"reason\":\"why\",\"lines\":[{\"lineNo\":1,\"value\":1e20}]}", "lines[0].value:TOO_LARGE",
				"{\"reason\":\"why\",\"lines\":[{\"lineNo\":1}]}", "lines[0].value:REQUIRED",
				"{\"reason\":\"why\",\"lines\":[{\"lineNo\":1,\"value\":3000},{\"lineNo\":2,\"value\":1000.00}]}",
				"lines:NOTHING_CORRECTED");
		for (var body : refused.entrySet()) {
			String answer = body(correct("officer.customs", id, body.getKey()).andExpect(status().isUnprocessableContent()));
			assertThat(JsonPath.<String>read(answer, "$.errors[0].field") + ":"
					+ JsonPath.<String>read(answer, "$.errors[0].code")).as(body.getKey()).isEqualTo(body.getValue());
		}
		correct("officer.customs", id, "{\"reason\":\"why\",\"version\":" + (version - 1)
				+ ",\"lines\":[{\"lineNo\":1,\"value\":100}]}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_CHANGED"));

		String unchanged = view("officer.customs", id);
		assertThat(JsonPath.<Integer>read(unchanged, "$.version")).isEqualTo(version);
		assertThat(amount(unchanged, "$.totalTaxes")).isEqualByComparingTo(amount(cleared, "$.totalTaxes"));
		assertThat(JsonPath.<List<Object>>read(unchanged, "$.corrections")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM declaration_correction WHERE declaration_id = ?::uuid").param(id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void customsCorrectsFromTheDeclarationsPageAndTheDeclarantReadsWhatItOwes() throws Exception {
		String cleared = body(submit(processorsFob("3000", "1000")).andExpect(status().isCreated()));
		String id = JsonPath.read(cleared, "$.id");
		assertThat(page("officer.customs", "/declarations/" + id)).contains("id=\"correct-open\"", "name=\"value-1\"",
				"value=\"3000.00\"");
		assertThat(page("trader.chip", "/declarations/" + id)).doesNotContain("id=\"correct-open\"", "id=\"corrections\"");

		// A value a person cannot mean is shown again with why, at the form.
		MockHttpServletResponse unreadable = pagePost("officer.customs", "/declarations/" + id + "/correction",
				Map.of("reason", "Price adjustment", "value-1", "3,000", "value-2", "1.000,5x",
						"version", String.valueOf(JsonPath.<Integer>read(cleared, "$.version"))));
		assertThat(unreadable.getStatus()).isEqualTo(422);
		assertThat(unreadable.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"correct-error\"",
				"value=\"1.000,5x\"", "Price adjustment");

		MockHttpServletResponse corrected = pagePost("officer.customs", "/declarations/" + id + "/correction",
				Map.of("reason", "Price adjustment after the buyer's claim", "value-1", "3,000", "value-2", "1,400.00",
						"version", String.valueOf(JsonPath.<Integer>read(cleared, "$.version"))));
		assertThat(corrected.getStatus()).isEqualTo(302);
		assertThat(corrected.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=CORRECTED");
		String seen = view("trader.chip", id);
		assertThat(amount(seen, "$.items[1].value")).isEqualByComparingTo("1400");
		BigDecimal collect = amount(seen, "$.corrections[0].taxDifference");
		assertThat(collect).isPositive();
		String owed = String.format(java.util.Locale.ROOT, "%,.2f", collect);
		assertThat(page("trader.chip", "/declarations/" + id)).contains("id=\"corrections\"",
				"Duties and taxes to collect (补税): " + owed);
		// The response the declarant prints and keeps shows the corrected duties and what the correction left owed.
		assertThat(page("trader.chip", "/declarations/" + id + "/response")).contains("id=\"response-corrections\"",
				"Price adjustment after the buyer&#39;s claim", "Duties and taxes to collect (补税): " + owed);
		byte[] pdf = mvc.perform(get("/declarations/{id}/response.pdf", id).cookie(session("trader.chip")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(io.singlewindow.PrintedDocuments.text(pdf)).contains("Corrections after clearance")
			.contains("补税 collect " + collect.setScale(2, RoundingMode.HALF_UP).toPlainString());
	}

	@Test
	void aLineWrittenOffAPermitsValueQuotaKeepsItsValueAndTheOtherLinesAreCorrected() throws Exception {
		String permit = permits.heldBy(Uscc.parse(CHIP)).stream()
			.filter(p -> p.catalogueCode().equals("AIL") && p.status().equals("IN_FORCE")).findFirst().orElseThrow()
			.number();
		// For this test the licence counts value too (the demo's counts quantities only); as it was again after.
		jdbc.sql("UPDATE permit SET quota_value = 1000000000, remaining_value = 1000000000 WHERE number = ?")
			.param(permit).update();
		try {
			String created = body(submit(SingleWindowFlowIntegrationTests.chipDeclaration(permit, "3"))
				.andExpect(status().isCreated()));
			String id = JsonPath.read(created, "$.id");
			String ciqTask = JsonPath.<List<String>>read(created, "$.tasks[?(@.agency == 'CIQ')].id").getFirst();
			mvc.perform(post("/api/v1/tasks/{id}/decision", ciqTask).header("Authorization", "Bearer sw-demo-officer.ciq")
				.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLEARED"));
			int version = JsonPath.read(view("officer.customs", id), "$.version");

			// Line 1, the computers, took 2,400 USD's customs value from the licence's value quota.
			correct("officer.customs", id, "{\"reason\":\"credit note\",\"lines\":[{\"lineNo\":1,\"value\":2000}]}")
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CORRECTION_MOVES_PERMIT_VALUE"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(permit)));
			assertThat(JsonPath.<Integer>read(view("officer.customs", id), "$.version")).isEqualTo(version);
			// Line 2, the processors, drew on no permit: CIF, so no other line's customs value moves with it.
			correct("officer.customs", id, "{\"reason\":\"credit note\",\"lines\":[{\"lineNo\":2,\"value\":3800}]}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.corrections[0].lines[*].lineNo").value(
						org.hamcrest.Matchers.contains(2)));
		} finally {
			jdbc.sql("UPDATE permit SET quota_value = NULL, remaining_value = NULL WHERE number = ?").param(permit)
				.update();
		}
	}

	/**
	 * A correction and a cancellation of one declaration at once: one waits for the other's lock. Either the correction
	 * comes first and the cancellation takes out the corrected lines, or the cancellation comes first and the correction
	 * is refused; either way the statistics count nothing of it and equal their facts.
	 */
	@Test
	void aCorrectionRacingACancellationIsMadeFirstOrRefusedAndTheStatisticsCountNothingOfTheDeclaration()
			throws Exception {
		for (int round = 0; round < 4; round++) {
			String id = JsonPath.read(body(submit(processorsFob("3000", "1000")).andExpect(status().isCreated())),
					"$.id");
			var start = new java.util.concurrent.CountDownLatch(1);
			int corrected;
			int cancelled;
			try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
				var correction = pool.submit(() -> {
					start.await();
					return correct("officer.customs", id,
							"{\"reason\":\"credit note\",\"lines\":[{\"lineNo\":1,\"value\":2500}]}").andReturn()
						.getResponse().getStatus();
				});
				var cancellation = pool.submit(() -> {
					start.await();
					return mvc.perform(post("/api/v1/declarations/{id}/cancellation", id)
						.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"declared twice\"}")).andReturn().getResponse().getStatus();
				});
				start.countDown();
				corrected = correction.get();
				cancelled = cancellation.get();
			}
			assertThat(cancelled).as("round " + round).isEqualTo(200);
			assertThat(corrected).as("round " + round).isIn(200, 409);
			String seen = view("officer.customs", id);
			assertThat(JsonPath.<String>read(seen, "$.status")).isEqualTo("CANCELLED");
			assertThat(JsonPath.<List<Object>>read(seen, "$.corrections")).hasSize(corrected == 200 ? 1 : 0);
			assertThat(JsonPath.<List<String>>read(seen, "$.timeline[*].event")).as("never corrected once cancelled")
				.endsWith("CANCELLED");
			assertThat(jdbc.sql("SELECT count(*) FROM statistics_fact WHERE declaration_id = ?::uuid").param(id)
				.query(Long.class).single()).as("round " + round).isZero();
		}
		// Once folded, this month's totals equal their facts.
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
		while (jdbc.sql("SELECT count(*) FROM statistics_pending").query(Long.class).single() > 0) {
			assertThat(System.nanoTime()).as("folded within 15 s").isLessThan(deadline);
			Thread.sleep(50);
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT flow, sum(value_cny) AS v FROM statistics_fact WHERE month = :month GROUP BY flow) f
				FULL JOIN (SELECT flow, value_cny AS v FROM statistics_monthly WHERE dimension = 'TOTAL' AND month = :month) m
				USING (flow) WHERE f.v IS DISTINCT FROM m.v""")
			.param("month", java.sql.Date.valueOf(time.today().withDayOfMonth(1))).query(Long.class).single())
			.as("months whose total differs from its facts").isZero();
	}

	@Test
	void theDeclarantAppliesForACorrectionCustomsRefusesItAndCorrectsOnASecondApplication() throws Exception {
		String cleared = body(submit(processorsFob("3000", "1000")).andExpect(status().isCreated()));
		String id = JsonPath.read(cleared, "$.id");
		String number = JsonPath.read(cleared, "$.number");
		int version = JsonPath.read(cleared, "$.version");
		for (String stranger : List.of("trader.tungsten", "officer.customs", "admin")) {
			apply(stranger, id, "{\"reason\":\"not mine\",\"lines\":[{\"lineNo\":1,\"value\":2500}]}")
				.andExpect(status().isForbidden());
		}
		apply("trader.chip", id, "{\"reason\":\"credit note\",\"lines\":[{\"lineNo\":1,\"value\":3000}]}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].code").value("NOTHING_CORRECTED"));
		refuse("officer.customs", id, "{\"reason\":\"nothing to refuse\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CORRECTION_NOT_APPLIED"));
		assertThat(page("trader.chip", "/declarations/" + id)).contains("id=\"apply-correction-open\"");
		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated())), "$.id");
		try {
			// The trader applies from the declaration's page: the declaration stays as it is until customs decides.
			MockHttpServletResponse applied = pagePost("trader.chip", "/declarations/" + id + "/correction-application",
					Map.of("reason", "Credit note CN-9: line 1 is 2,500 USD", "value-1", "2,500", "value-2", "1000",
							"version", String.valueOf(version)));
			assertThat(applied.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=CORRECTION_APPLIED");
			String waiting = view("officer.customs", id);
			assertThat(JsonPath.<String>read(waiting, "$.correctionApplication.appliedBy")).isEqualTo("trader.chip");
			assertThat(JsonPath.<List<Integer>>read(waiting, "$.correctionApplication.lines[*].lineNo")).containsExactly(1);
			assertThat(amount(waiting, "$.correctionApplication.lines[0].value")).isEqualByComparingTo("2500");
			assertThat(JsonPath.<Integer>read(waiting, "$.version")).as("a request, not a change").isEqualTo(version);
			assertThat(amount(waiting, "$.totalTaxes")).isEqualByComparingTo(amount(cleared, "$.totalTaxes"));
			apply("broker", id, "{\"reason\":\"again\",\"lines\":[{\"lineNo\":1,\"value\":2400}]}")
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CORRECTION_ALREADY_APPLIED"));
			// Customs finds it in its work list and on the page, the form filled with the values asked for.
			assertThat(page("officer.customs", "/agency/queue")).contains("id=\"correction-" + number + "\"");
			assertThat(page("officer.customs", "/declarations/" + id)).contains("id=\"correction-applied\"",
					"id=\"refuse-correction\"", "value=\"2500.00\"");
			assertThat(page("trader.chip", "/declarations/" + id)).contains("id=\"correction-applied\"")
				.doesNotContain("id=\"apply-correction-open\"");

			refuse("officer.customs", id, "{\"reason\":\"no\",\"appliedAt\":\"2001-01-01T00:00:00Z\"}")
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CORRECTION_APPLICATION_CHANGED"));
			MockHttpServletResponse refused = pagePost("officer.customs", "/declarations/" + id
					+ "/correction-application/refusal", Map.of("reason", "The credit note is not signed",
							"appliedAt", JsonPath.<String>read(waiting, "$.correctionApplication.appliedAt")));
			assertThat(refused.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=CORRECTION_REFUSED");
			assertThat(JsonPath.<Object>read(view("trader.chip", id), "$.correctionApplication")).isNull();

			// The broker applies again for its principal; customs corrects with the values asked for.
			apply("broker", id, "{\"reason\":\"Signed credit note CN-9\",\"lines\":[{\"lineNo\":1,\"value\":2500}]}")
				.andExpect(status().isOk());
			correct("officer.customs", id, "{\"reason\":\"Signed credit note CN-9\",\"lines\":[{\"lineNo\":1,\"value\":2500}]}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.correctionApplication").doesNotExist());
			String done = view("trader.chip", id);
			assertThat(JsonPath.<List<Object>>read(done, "$.corrections")).hasSize(1);
			assertThat(JsonPath.<List<String>>read(done, "$.timeline[*].event")).containsSubsequence(
					"CORRECTION_APPLIED", "CORRECTION_REFUSED", "CORRECTION_APPLIED", "CORRECTED");
			assertThat(jdbc.sql("""
					SELECT action || ' by ' || actor_name FROM audit_entry
					WHERE subject_type = 'DECLARATION' AND subject_id = ? ORDER BY id""").param(id).query(String.class)
				.list()).containsExactly("DECLARATION_CORRECTION_APPLIED by trader.chip",
						"DECLARATION_CORRECTION_REFUSED by officer.customs", "DECLARATION_CORRECTION_APPLIED by broker",
						"DECLARATION_CORRECTED by officer.customs");
			List<String> heard = jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid
					ORDER BY created_at""").params(webhook, id).query(String.class).list();
			assertThat(heard.stream().map(p -> JsonPath.<String>read(p, "$.type")).toList()).containsExactlyInAnyOrder(
					"declaration.correction.applied", "declaration.correction.refused", "declaration.correction.applied",
					"declaration.corrected");
			assertThat(heard).filteredOn(p -> p.contains("declaration.correction.refused")).singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.reason")).isEqualTo("The credit note is not signed"));
		} finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
	}

	/**
	 * Frozen chicken wings pay their duty by the kilogram (从量税): the declaration is assessed on its quantity in the
	 * tariff line's legal unit, keeps what it levied per unit and on which quantity, and a correction of its value
	 * leaves that duty as first assessed while the VAT on the new value moves.
	 */
	@Test
	void aDutyLeviedByTheKilogramIsAssessedOnTheDeclaredWeightAndKeptWhenTheValueIsCorrected() throws Exception {
		String wings = "020714" + String.format("%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10000));
		jdbc.sql("""
				INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, vat_rate, demo, legal_unit,
				  mfn_per_unit) VALUES (?, '冻鸡翼', 'Frozen chicken wings', 0, 0.09, FALSE, 'KGM', 1.3)""")
			.param(wings).update();
		// 10 tonnes declared in tonnes: 10,000 KGM in the legal unit; duty 10,000 × 1.3 = 13,000.00 whatever the value;
		// VAT 9 % of (20,000.00 + 13,000.00) = 2,970.00
		String cleared = body(submit("""
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"BR",
				 "destinationCountry":"CN","tradingCountry":"BR","currency":"CNY","incoterm":"CIF",
				 "packages":400,"grossWeight":10400,"netWeight":10000,
				 "items":[{"hsCode":"%s","description":"frozen chicken wings","quantity":10,"unit":"TNE","value":20000,"origin":"BR"}]}"""
			.formatted(wings)).andExpect(status().isCreated()));
		String id = JsonPath.read(cleared, "$.id");
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		assertThat(amount(cleared, "$.items[0].duty")).isEqualByComparingTo("13000.00");
		assertThat(amount(cleared, "$.items[0].vat")).isEqualByComparingTo("2970.00");
		assertThat(amount(cleared, "$.items[0].perUnit.duty")).isEqualByComparingTo("1.3");
		assertThat(amount(cleared, "$.items[0].perUnit.quantity")).isEqualByComparingTo("10000");
		assertThat(JsonPath.<String>read(cleared, "$.items[0].perUnit.unit")).isEqualTo("KGM");
		assertThat(page("trader.chip", "/declarations/" + id)).contains("1.3 CNY/KGM");

		correct("officer.customs", id, """
				{"reason":"Invoice INV-88 corrected: 30,000 CNY","version":%d,"lines":[{"lineNo":1,"value":30000}]}"""
			.formatted(JsonPath.<Integer>read(cleared, "$.version"))).andExpect(status().isOk());

		// duty still 13,000.00; VAT 9 % of (30,000.00 + 13,000.00) = 3,870.00: 900.00 more to collect
		String seen = view("trader.chip", id);
		assertThat(amount(seen, "$.items[0].duty")).isEqualByComparingTo("13000.00");
		assertThat(amount(seen, "$.items[0].vat")).isEqualByComparingTo("3870.00");
		assertThat(amount(seen, "$.items[0].perUnit.quantity")).isEqualByComparingTo("10000");
		assertThat(amount(seen, "$.corrections[0].taxDifference")).isEqualByComparingTo("900.00");
		assertThat(JsonPath.<List<String>>read(seen, "$.items[0].steps"))
			.contains("rates as first assessed: MFN duty 0% + 1.3 CNY/KGM, VAT 9%, on 10000 KGM");
	}

	private ResultActions apply(String user, String id, String json) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/correction-application", id)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions refuse(String user, String id, String json) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/correction-application/refusal", id)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions submit(String json) throws Exception {
		return mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions correct(String user, String id, String json) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/correction", id)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private String view(String user, String id) throws Exception {
		return body(mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-" + user))
			.andExpect(status().isOk()));
	}

	private String page(String user, String address) throws Exception {
		return mvc.perform(get(address).cookie(session(user)).header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse pagePost(String user, String address, Map<String, String> form) throws Exception {
		var request = post(address).cookie(session(user)).header("Accept-Language", "en")
			.with(SecurityMockMvcRequestPostProcessors.csrf());
		form.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	private jakarta.servlet.http.Cookie session(String user) throws Exception {
		return mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo12345"))
			.andReturn().getResponse().getCookie("SESSION");
	}

	private static BigDecimal amount(String json, String path) {
		return new BigDecimal(JsonPath.parse(json).read(path, Object.class).toString());
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
