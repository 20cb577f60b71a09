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
 * The general rate (普通税率) as the zone's administrator lists an origin without MFN treatment and the chip maker's
 * imports from it pay the line's general rate, through the API: what was paid is kept with the declaration and a
 * correction after clearance is assessed again at it, even once the origin has MFN treatment; a line the schedule gives
 * no general rate for is refused at the item's origin, nothing stored. Bhutan (BT) stands for a listed origin here
 * (hypothetical: the list is the Tariff Commission's). Worked by hand: 3,000 USD CIF at the demo rate 7.1 is 21,300.00
 * CNY; processors pay MFN 0 %, the demo schedule's general rate 24 %, VAT 13 %.
 */
class GeneralRateIntegrationTests extends CustomsDeskTestCase {

	static final String NOTICE = "TEST 税委会公告2026年第1号";
	/** A line of this test alone, stored without a general rate as a line imported before the column existed. */
	static final String WITHOUT_GENERAL_RATE = "8542399000";

	@AfterEach
	void theTestsListingsAreGone() {
		// No other test's import is of Bhutan's goods, and the rows go after each test.
		jdbc.sql("DELETE FROM origin_without_mfn WHERE notice LIKE 'TEST %'").update();
		jdbc.sql("DELETE FROM tariff_line WHERE code = ?").param(WITHOUT_GENERAL_RATE).update();
	}

	/** 150 processors (or {@code hsCode}) from Bhutan at 3,000 USD CIF. */
	static String fromBhutan(String hsCode) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"BT",
				 "destinationCountry":"CN","tradingCountry":"BT","currency":"USD","incoterm":"CIF","packages":3,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"%s","description":"processors","quantity":150,"unit":"C62","value":3000,
				           "origin":"BT"}]}""".formatted(hsCode);
	}

	ResultActions list(String origin, String firstDay) throws Exception {
		return list(origin, firstDay, null);
	}

	ResultActions list(String origin, String firstDay, String lastDay) throws Exception {
		return mvc.perform(post("/api/v1/tariff/origins-without-mfn").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"origin":"%s","notice":"%s","firstDay":"%s","lastDay":%s}""".formatted(origin, NOTICE, firstDay,
					lastDay == null ? "null" : "\"" + lastDay + "\"")));
	}

	ResultActions end(long id, String lastDay) throws Exception {
		return mvc.perform(post("/api/v1/tariff/origins-without-mfn/{id}/end", id)
			.header("Authorization", "Bearer sw-demo-admin").contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastDay\":\"" + lastDay + "\"}"));
	}

	@Test
	void anImportFromAnOriginWithoutMfnPaysTheGeneralRateAndACorrectionPaysItAgainOnceTheOriginHasMfn()
			throws Exception {
		String listed = body(list("bt", "2000-01-01").andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/tariff/origins-without-mfn/"))));
		assertThat(JsonPath.<String>read(listed, "$.origin")).isEqualTo("BT");
		assertThat(JsonPath.<List<String>>read(body(mvc.perform(get("/api/v1/tariff/origins-without-mfn")
			.header("Authorization", "Bearer sw-demo-trader.chip"))), "$[*].notice")).contains(NOTICE);

		String cleared = desk.submitted(fromBhutan("8542319000"));

		// 21,300.00 × 24 % = 5,112.00; VAT (21,300.00 + 5,112.00) × 13 % = 3,433.56; taxes 8,545.56
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		assertThat(JsonPath.<String>read(cleared, "$.items[0].rateBasis")).isEqualTo("GENERAL");
		assertThat(amount(cleared, "$.items[0].duty")).isEqualByComparingTo("5112.00");
		assertThat(amount(cleared, "$.items[0].vat")).isEqualByComparingTo("3433.56");
		assertThat(amount(cleared, "$.totalTaxes")).isEqualByComparingTo("8545.56");
		assertThat(JsonPath.<List<String>>read(cleared, "$.items[0].steps"))
			.contains("origin BT has no MFN treatment (notice " + NOTICE + ") → general rate 24% instead of MFN 0%");
		String declaration = JsonPath.read(cleared, "$.id");
		String page = desk.page("trader.chip", "/declarations/" + declaration + "?lang=zh_CN");
		assertThat(page).contains("原产地 BT 不适用最惠国待遇");

		long id = JsonPath.<Number>read(listed, "$.id").longValue();
		mvc.perform(post("/api/v1/tariff/origins-without-mfn/{id}/end", id)
			.header("Authorization", "Bearer sw-demo-admin").contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastDay\":\"" + time.today().minusDays(1) + "\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.lastDay").value(time.today().minusDays(1).toString()));
		// MFN treatment from today: today's import pays MFN, nothing
		String afterTheEnd = desk.submitted(fromBhutan("8542319000"));
		assertThat(JsonPath.<String>read(afterTheEnd, "$.items[0].rateBasis")).isEqualTo("MFN");
		assertThat(amount(afterTheEnd, "$.items[0].duty")).isEqualByComparingTo("0.00");
		desk.correct(declaration, 1, "2000").andExpect(status().isOk());

		// 14,200.00 × 24 % = 3,408.00; VAT (14,200.00 + 3,408.00) × 13 % = 2,289.04; taxes 5,697.04
		String corrected = desk.view("officer.customs", declaration);
		assertThat(amount(corrected, "$.items[0].duty")).isEqualByComparingTo("3408.00");
		assertThat(amount(corrected, "$.items[0].vat")).isEqualByComparingTo("2289.04");
		assertThat(amount(corrected, "$.totalTaxes")).isEqualByComparingTo("5697.04");
		assertThat(JsonPath.<String>read(corrected, "$.items[0].rateBasis")).isEqualTo("GENERAL");
	}

	@Test
	void anImportOnALineWithoutAGeneralRateIsRefusedAtItsOriginAndNothingIsStored() throws Exception {
		jdbc.sql("""
				INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, vat_rate, supervision_conditions,
				                         inspection_categories, demo, legal_unit, second_legal_unit)
				VALUES (?, '其他集成电路', 'Other integrated circuits', 0, 0.13, '', '', FALSE, 'C62', 'KGM')""")
			.param(WITHOUT_GENERAL_RATE).update();
		list("BT", "2000-01-01").andExpect(status().isCreated());
		long before = jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();

		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(fromBhutan(WITHOUT_GENERAL_RATE)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].origin"))
			.andExpect(jsonPath("$.errors[0].code").value("GENERAL_RATE_MISSING"));

		assertThat(jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aListingTheAdministratorGetsWrongIsRefusedAtItsFieldAndNothingIsRecorded() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM origin_without_mfn").query(Long.class).single();

		mvc.perform(post("/api/v1/tariff/origins-without-mfn").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"origin":"ZZ","notice":" ","firstDay":"2026-02-30"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("origin", "notice",
					"firstDay")))
			.andExpect(jsonPath("$.errors[?(@.field == 'origin')].code").value("COUNTRY_UNKNOWN"))
			.andExpect(jsonPath("$.errors[?(@.field == 'firstDay')].code").value("DATE_FORMAT"));
		mvc.perform(post("/api/v1/tariff/origins-without-mfn").header("Authorization", "Bearer sw-demo-admin")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"origin":"CN","notice":"TEST 2","firstDay":"2026-01-01","lastDay":"2025-12-31"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'origin')].code").value("ORIGIN_WITHOUT_MFN_CHINA"))
			.andExpect(jsonPath("$.errors[?(@.field == 'lastDay')].code").value("ORIGIN_WITHOUT_MFN_DAYS_INVALID"));
		assertThat(jdbc.sql("SELECT count(*) FROM origin_without_mfn").query(Long.class).single()).isEqualTo(before);

		list("BT", "2000-01-01").andExpect(status().isCreated());
		// listed again on days it already is: one listing a day
		list("BT", "2026-01-01").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ORIGIN_WITHOUT_MFN_DUPLICATE"));
		mvc.perform(post("/api/v1/tariff/origins-without-mfn").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/tariff/origins-without-mfn/{id}/end", 987654321L)
			.header("Authorization", "Bearer sw-demo-admin").contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastDay\":\"2026-01-01\"}"))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ORIGIN_WITHOUT_MFN_NOT_FOUND"));
		assertThat(jdbc.sql("SELECT count(*) FROM origin_without_mfn").query(Long.class).single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'ORIGIN_WITHOUT_MFN_ADDED'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void theAdministratorsPageListsAnOriginAndNamesEveryWrongFieldAtOnce() throws Exception {
		var refused = desk.pagePost("admin", "/admin/origins-without-mfn", Map.of("origin", "cn", "notice", "",
				"firstDay", "2026-01-01", "lastDay", "2025-01-01"));

		String page = refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(page).contains("id=\"error-origin\"", "id=\"error-notice\"", "id=\"error-lastDay\"");

		var taken = desk.pagePost("admin", "/admin/origins-without-mfn", Map.of("origin", "bt", "notice", NOTICE,
				"firstDay", "2000-01-01", "lastDay", ""));

		assertThat(taken.getStatus()).isEqualTo(302);
		assertThat(desk.page("admin", "/admin/origins-without-mfn")).contains(NOTICE).contains(">BT<");
		long id = jdbc.sql("SELECT id FROM origin_without_mfn WHERE notice = ?").param(NOTICE).query(Long.class).single();

		// a last day before the first is refused at its row, which the summary links to
		var early = desk.pagePost("admin", "/admin/origins-without-mfn/" + id + "/end", Map.of("lastDay", "1999-12-31"));

		assertThat(early.getStatus()).isEqualTo(200);
		assertThat(early.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"end-summary\"")
			.contains("href=\"#end-" + id + "\"").contains("id=\"end-day-" + id + "\" required value=\"\" aria-invalid=\"true\"");
		assertThat(desk.pagePost("admin", "/admin/origins-without-mfn/" + id + "/end", Map.of("lastDay", "2000-12-31"))
			.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT last_day FROM origin_without_mfn WHERE id = ?").param(id)
			.query(java.time.LocalDate.class).single()).isEqualTo("2000-12-31");
	}

	@Test
	void anOriginListedByTwoAdministratorsAtOneInstantIsListedOnce() throws Exception {
		// Each year's listing sent eight times at once: the days are checked free from committed rows, so without
		// the queue per origin two or three of them found them free together in the first rounds already.
		for (int year = 2001; year <= 2010; year++) {
			String first = year + "-01-01";
			String last = year + "-12-31";
			List<Integer> statuses = AtOneInstant.statuses(8, () -> list("BT", first, last));

			assertThat(statuses).as("year %d", year).filteredOn(code -> code == 201).hasSize(1);
			assertThat(statuses).as("year %d", year).filteredOn(code -> code != 201).containsOnly(409);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM origin_without_mfn WHERE notice = ?").param(NOTICE)
			.query(Long.class).single()).isEqualTo(10);
	}

	@Test
	void aLastDayMovedIntoTheOriginsNextListingIsRefusedAndTheListingKeepsItsDays() throws Exception {
		long earlier = JsonPath.<Number>read(body(list("BT", "2001-01-01", "2001-12-31")), "$.id").longValue();
		list("BT", "2002-01-01", "2002-12-31").andExpect(status().isCreated());

		// ended earlier, or on its own last day again: taken
		end(earlier, "2001-06-30").andExpect(status().isOk());
		end(earlier, "2001-12-31").andExpect(status().isOk());
		// one day later it would be listed twice on 2002-01-01
		end(earlier, "2002-01-01").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ORIGIN_WITHOUT_MFN_DUPLICATE"));
		var page = desk.pagePost("admin", "/admin/origins-without-mfn/" + earlier + "/end", Map.of("lastDay",
				"2002-06-30"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"end-summary\"")
			.contains("href=\"#end-" + earlier + "\"");
		assertThat(jdbc.sql("SELECT last_day FROM origin_without_mfn WHERE id = ?").param(earlier)
			.query(java.time.LocalDate.class).single()).isEqualTo("2001-12-31");
	}

	@Test
	void anImportOfGoodsOfUnknownOriginPaysTheGeneralRateWithoutAnyListingAndOnlyALinesOriginMayBeUnknown()
			throws Exception {
		// 原产地不明 declared as ZZ: 21,300.00 × 24 % = 5,112.00; VAT (21,300.00 + 5,112.00) × 13 % = 3,433.56
		String cleared = desk.submitted(fromBhutan("8542319000").replace("\"origin\":\"BT\"", "\"origin\":\"zz\""));

		assertThat(JsonPath.<String>read(cleared, "$.items[0].origin")).isEqualTo("ZZ");
		assertThat(JsonPath.<String>read(cleared, "$.items[0].rateBasis")).isEqualTo("GENERAL");
		assertThat(amount(cleared, "$.items[0].duty")).isEqualByComparingTo("5112.00");
		assertThat(amount(cleared, "$.items[0].vat")).isEqualByComparingTo("3433.56");
		assertThat(JsonPath.<List<String>>read(cleared, "$.items[0].steps"))
			.contains("origin unknown → general rate 24% instead of MFN 0%");
		String page = desk.page("trader.chip", "/declarations/" + JsonPath.read(cleared, "$.id") + "?lang=zh_CN");
		assertThat(page).contains("原产地不明 → 适用普通税率 24%");

		long before = jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();
		// a declaration's countries are countries, and an export's goods are of a known origin
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(fromBhutan("8542319000")
				.replace("\"originCountry\":\"BT\"", "\"originCountry\":\"ZZ\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("originCountry"))
			.andExpect(jsonPath("$.errors[0].code").value("COUNTRY_UNKNOWN"));
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(SingleWindowFlowIntegrationTests.tungstenExport()
				.replace("\"origin\":\"CN\"", "\"origin\":\"ZZ\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].origin"))
			.andExpect(jsonPath("$.errors[0].code").value("COUNTRY_UNKNOWN"));
		assertThat(jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single()).isEqualTo(before);
		// the form offers it by name, in the list a line's origin picks from
		String form = desk.page("trader.chip", "/declarations/new?lang=zh_CN");
		assertThat(form.substring(form.indexOf("<datalist id=\"origins\">")))
			.contains("<option value=\"ZZ\">原产地不明（按普通税率征税）</option>");
		assertThat(form).containsPattern("name=\"items\\[0\\]\\.origin\"[^>]*list=\"origins\"");
	}
}
