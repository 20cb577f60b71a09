package io.singlewindow.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.UnitCode;

/** Tariff CSV import (all or nothing, per-row errors), the tariff and HS APIs, through MockMvc. */
@SingleWindowIntegrationTest
class TariffImportIntegrationTests {

	static final String ADMIN = "Bearer sw-demo-admin";
	static final String TRADER = "Bearer sw-demo-trader.coffee";
	static final String HEADER = "code,description_zh,description_en,mfn_rate,vat_rate,excise_rate,export_rate,"
			+ "preferential_rates,supervision_conditions,inspection_categories\n";

	@Autowired
	MockMvc mvc;
	@Autowired
	TariffSchedule schedule;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	static String freshCode(String subheading) {
		return subheading + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
	}

	String importAndWait(String csv) throws Exception {
		String location = mvc.perform(post("/api/v1/admin/tariff/imports").header("Authorization", ADMIN)
				.contentType("text/csv").content(csv)).andExpect(status().isAccepted())
				.andReturn().getResponse().getHeader("Location");
		for (int i = 0; i < 200; i++) {
			String body = mvc.perform(get(location).header("Authorization", ADMIN)).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
			String state = JsonPath.read(body, "$.status");
			if (state.equals("COMPLETED") || state.equals("FAILED")) {
				return body;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("import did not finish");
	}

	@Test
	void aValidFileReplacesAndAddsLines() throws Exception {
		String tea = freshCode("090210");
		String wine = freshCode("220421");
		String body = importAndWait(HEADER
				+ tea + ",绿茶（演示导入）,\"Green tea, in packings <= 3 kg\",15,9,,,RCEP:7.5;ACFTA:0,AB,PR\n"
				+ wine + ",葡萄酒,Wine,14%,13,10,,RCEP:5,AB,RS\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(body, "$.importedRows")).isEqualTo(2);
		TariffLine line = schedule.line(HsCode.of(tea)).orElseThrow();
		assertThat(line.demo()).isFalse();
		assertThat(line.mfnRate()).isEqualByComparingTo("0.15");
		assertThat(line.preferentialRates().get("RCEP")).isEqualByComparingTo("0.075");
		assertThat(line.descriptionEn()).isEqualTo("Green tea, in packings <= 3 kg");
		assertThat(line.supervisionConditions()).containsExactlyInAnyOrder("A", "B");
		assertThat(schedule.line(HsCode.of(wine)).orElseThrow().exciseRate()).isEqualByComparingTo("0.10");

		// importing the same code again replaces its rates and preferences
		importAndWait(HEADER + tea + ",绿茶,Green tea,12,9,,,,,\n");
		TariffLine replaced = schedule.line(HsCode.of(tea)).orElseThrow();
		assertThat(replaced.mfnRate()).isEqualByComparingTo("0.12");
		assertThat(replaced.preferentialRates()).isEmpty();
	}

	@Test
	void aFileWithBadRowsIsRejectedRowByRowAndChangesNothing() throws Exception {
		String good = freshCode("090230");
		String body = importAndWait(HEADER
				+ good + ",红茶,Black tea,15,9,,,,,\n"                 // row 2: fine
				+ "0901110000,咖啡,Coffee,50,9,,,,AB,PQ\n"            // row 3: fine on its own (would change a demo line)
				+ "9999990000,x,X,5,13,,,,,\n"                      // row 4: not an HS subheading
				+ "09011100,x,X,abc,12,,,FOO:3,A-,\n"               // row 5: code format, rate, VAT, agreement, conditions
				+ good + ",红茶,Black tea,15,9,,,,,\n"                 // row 6: duplicate
				+ "0901210000,x,X\n");                              // row 7: column count
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("FAILED");
		assertThat((Integer) JsonPath.read(body, "$.totalRows")).isEqualTo(6);
		java.util.List<String> errors = JsonPath.read(body, "$.errors[*]");
		assertThat(errors).isNotEmpty();
		java.util.List<Object> rows = JsonPath.read(body, "$.errors[*]");
		java.util.List<String> described = new java.util.ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			described.add(JsonPath.read(body, "$.errors[" + i + "].row") + ":" + JsonPath.read(body, "$.errors[" + i
					+ "].column") + ":" + JsonPath.read(body, "$.errors[" + i + "].code"));
		}
		assertThat(described).containsExactlyInAnyOrder("4:code:HS_SUBHEADING_UNKNOWN", "5:code:TARIFF_CODE_FORMAT",
				"5:mfn_rate:RATE_INVALID", "5:vat_rate:VAT_RATE_INVALID", "5:preferential_rates:AGREEMENT_UNKNOWN",
				"5:supervision_conditions:CONDITION_CODES_INVALID", "6:code:DUPLICATE_CODE", "7::COLUMN_COUNT");
		assertThat(schedule.line(HsCode.of(good))).isEmpty();
		assertThat(schedule.line(HsCode.of("0901110000")).orElseThrow().mfnRate()).isEqualByComparingTo("0.08");
	}

	@Test
	void aLinesLegalUnitsOfQuantityAreImportedAndAnUnknownUnitRefusesTheFile() throws Exception {
		String wine = freshCode("220421");
		String coffee = freshCode("090111");
		String withUnits = HEADER.strip() + ",legal_unit,second_legal_unit\n";
		String body = importAndWait(withUnits
				+ wine + ",葡萄酒,Wine,14,13,10,,,AB,RS,LTR,KGM\n"
				+ coffee + ",生咖啡豆,Green coffee,8,9,,,,AB,PQ,kgm,\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
		TariffLine wineLine = schedule.line(HsCode.of(wine)).orElseThrow();
		assertThat(wineLine.legalUnit()).isEqualTo(new UnitCode("LTR"));
		assertThat(wineLine.secondLegalUnit()).isEqualTo(new UnitCode("KGM"));
		assertThat(schedule.line(HsCode.of(coffee)).orElseThrow().legalUnits()).containsExactly(new UnitCode("KGM"));
		mvc.perform(get("/api/v1/tariff/lines/" + wine).header("Authorization", TRADER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.legalUnit").value("LTR")).andExpect(jsonPath("$.secondLegalUnit").value("KGM"));

		String refused = importAndWait(withUnits
				+ wine + ",葡萄酒,Wine,14,13,10,,,AB,RS,LITRE,\n"
				+ coffee + ",生咖啡豆,Green coffee,8,9,,,,AB,PQ,,KGM\n"
				+ coffee.substring(0, 6) + "9999,咖啡,Coffee,8,9,,,,AB,PQ\n");
		assertThat((String) JsonPath.read(refused, "$.status")).isEqualTo("FAILED");
		java.util.List<String> described = new java.util.ArrayList<>();
		int count = JsonPath.<java.util.List<Object>>read(refused, "$.errors[*]").size();
		for (int i = 0; i < count; i++) {
			described.add(JsonPath.read(refused, "$.errors[" + i + "].row") + ":"
					+ JsonPath.read(refused, "$.errors[" + i + "].column") + ":"
					+ JsonPath.read(refused, "$.errors[" + i + "].code"));
		}
		assertThat(described).containsExactlyInAnyOrder("2:legal_unit:UNIT_UNKNOWN", "3:legal_unit:REQUIRED",
				"4::COLUMN_COUNT");
		assertThat(schedule.line(HsCode.of(wine)).orElseThrow().legalUnit()).isEqualTo(new UnitCode("LTR"));
	}

	/**
	 * A national tariff levies some lines per unit of quantity (从量税, 复合税, and a specific excise): the file's two
	 * last columns, in CNY per legal unit. A line levied per unit without a legal unit, or a negative or over-long
	 * amount, refuses the file; the lines read back, the trader's pre-computation multiplies the quantity it gives.
	 */
	@Test
	void linesLeviedPerUnitOfQuantityAreImportedAndAssessedOnTheQuantity() throws Exception {
		String wings = freshCode("020714");
		String beer = freshCode("220300");
		String full = HEADER.strip() + ",legal_unit,second_legal_unit,mfn_per_unit,excise_per_unit\n";
		String refused = importAndWait(full
				+ wings + ",冻鸡翼,Frozen chicken wings,0,9,,,,AB,PRQS,,,1.3,\n"
				+ beer + ",啤酒,Beer,0,13,,,,AB,RS,LTR,KGM,,-0.25\n"
				+ freshCode("020714") + ",冻鸡爪,Frozen chicken feet,0,9,,,,AB,PRQS,KGM,,1.23456,\n");
		assertRefusedAt(refused, "legal_unit:REQUIRED", "excise_per_unit:AMOUNT_PER_UNIT_INVALID",
				"mfn_per_unit:AMOUNT_PER_UNIT_INVALID");
		assertThat(schedule.line(HsCode.of(wings))).isEmpty();

		String body = importAndWait(full
				+ wings + ",冻鸡翼,Frozen chicken wings,0,9,,,,AB,PRQS,KGM,,1.3,\n"
				+ beer + ",啤酒,Beer,0,13,,,,AB,RS,LTR,KGM,,0.253\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
		assertThat(schedule.line(HsCode.of(wings)).orElseThrow().mfnPerUnit()).isEqualByComparingTo("1.3");
		assertThat(schedule.line(HsCode.of(beer)).orElseThrow().excisePerUnit()).isEqualByComparingTo("0.253");
		mvc.perform(get("/api/v1/tariff/lines/" + wings).header("Authorization", TRADER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.mfnPerUnit").value(1.3)).andExpect(jsonPath("$.excisePerUnit").doesNotExist());
		assertThat(page("/tariff/lines?q=" + beer.substring(0, 6), "zh-CN")).contains("0.253 元/LTR");
		assertThat(page("/tariff/lines/" + wings, "en")).contains("1.3 CNY/KGM");

		// 10,000 KGM × 1.3 = 13,000.00 whatever the value; VAT 9 % of 33,000.00 = 2,970.00
		mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"flow":"IMPORT","incoterm":"CIF","currency":"CNY","items":[
						 {"hsCode":"%s","value":20000,"origin":"BR","quantity":10000}]}""".formatted(wings)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalDuty").value(13000.00))
				.andExpect(jsonPath("$.totalVat").value(2970.00))
				.andExpect(jsonPath("$.lines[0].perUnit.duty").value(1.3))
				.andExpect(jsonPath("$.lines[0].perUnit.unit").value("KGM"));
		mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"flow":"IMPORT","incoterm":"CIF","currency":"CNY","items":[
						 {"hsCode":"%s","value":20000,"origin":"BR"}]}""".formatted(wings)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("QUANTITY_REQUIRED"))
				.andExpect(jsonPath("$.field").value("items[0].quantity"));
		// The pre-computation page words the refusal with its arguments (it printed "Tariff line [Ljava.lang.Object;@…
		// levies duty or excise per {1}", as it did every refusal with arguments, until tried by hand on 2026-12-06).
		jakarta.servlet.http.Cookie session = session();
		String refusedPage = mvc.perform(post("/tariff/assess").cookie(session).header("Accept-Language", "en")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("flow", "IMPORT").param("incoterm", "CIF").param("currency", "CNY").param("date", "2026-12-06")
			.param("hsCode", wings, "0101210000").param("value", "20000", "10").param("quantity", "", "")
			.param("origin", "BR", "FR").param("agreement", "", "")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refusedPage).contains("Tariff line " + wings + " levies duty or excise per KGM: give the item&#39;s "
				+ "quantity in KGM.").contains("0101210000 is not a line of the national tariff schedule.").doesNotContain("[Ljava");
	}

	/**
	 * Provisional rates (暂定税率) come with the schedule for the days they are in force: the file's last three columns,
	 * all three or none, the first day not after the last. An import at MFN pays the provisional rate on those days
	 * only.
	 */
	@Test
	void provisionalRatesAreImportedWithTheirDaysAndApplyOnlyOnThem() throws Exception {
		String coffee = freshCode("090121");
		String full = HEADER.strip() + ",legal_unit,second_legal_unit,mfn_per_unit,excise_per_unit,provisional_rate,"
				+ "export_provisional_rate,provisional_from,provisional_until\n";
		String refused = importAndWait(full
				+ coffee + ",焙炒咖啡,Roasted coffee,15,13,,,,AB,RS,KGM,,,,5,,2027-01-01,\n"
				+ freshCode("090121") + ",焙炒咖啡,Roasted coffee,15,13,,,,AB,RS,KGM,,,,5,,2027-01-01,2026-12-31\n"
				+ freshCode("090121") + ",焙炒咖啡,Roasted coffee,15,13,,,,AB,RS,KGM,,,,5,,2027/01/01,2027-12-31\n"
				+ freshCode("090121") + ",焙炒咖啡,Roasted coffee,15,13,,,,AB,RS,KGM,,,,,,2027-01-01,2027-12-31\n");
		assertRefusedAt(refused, "provisional_until:REQUIRED", "provisional_until:PROVISIONAL_PERIOD_INVALID",
				"provisional_from:DATE_FORMAT", "provisional_rate:REQUIRED");

		String tungsten = freshCode("810194");
		String body = importAndWait(full + coffee + ",焙炒咖啡,Roasted coffee,15,13,,,,AB,RS,KGM,,,,5,,2027-01-01,2027-12-31\n"
				+ tungsten + ",未锻轧钨,Unwrought tungsten,0,13,,20,,4B,N,KGM,,,,,5,2027-01-01,2027-12-31\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
		mvc.perform(get("/api/v1/tariff/lines/" + coffee).header("Authorization", TRADER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.provisional.rate").value(0.05))
			.andExpect(jsonPath("$.provisional.from").value("2027-01-01"))
			.andExpect(jsonPath("$.provisional.until").value("2027-12-31"));
		// 10,000.00 at 5 % in 2027, at MFN 15 % on the last day of 2026
		for (String[] day : new String[][] { { "2027-01-01", "500.0", "PROVISIONAL" },
				{ "2026-12-31", "1500.0", "MFN" } }) {
			mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
					.contentType(MediaType.APPLICATION_JSON).content("""
							{"flow":"IMPORT","incoterm":"CIF","currency":"CNY","date":"%s","items":[
							 {"hsCode":"%s","value":10000,"origin":"BR"}]}""".formatted(day[0], coffee)))
					.andExpect(status().isOk()).andExpect(jsonPath("$.totalDuty").value(Double.parseDouble(day[1])))
					.andExpect(jsonPath("$.lines[0].rateBasis").value(day[2]));
		}
		// the line's page and the schedule's list say it, with its days
		for (String address : new String[] { "/tariff/lines/" + coffee, "/tariff/lines?q=" + coffee }) {
			assertThat(page(address, "en")).contains("Provisional rate").contains("5% from 2027-01-01 to 2027-12-31");
		}
		assertThat(page("/tariff/lines/" + tungsten, "zh-CN")).contains("出口 5%（2027-01-01 至 2027-12-31）");
		// exported in 2027: 10,000.00 × 5 % = 500.00 instead of 20 %
		mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"flow":"EXPORT","incoterm":"FOB","currency":"CNY","date":"2027-03-01","items":[
						 {"hsCode":"%s","value":10000,"origin":"CN"}]}""".formatted(tungsten)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalDuty").value(500.0))
				.andExpect(jsonPath("$.lines[0].rateBasis").value("EXPORT_PROVISIONAL"));
	}

	/**
	 * The in-quota rate (配额内税率) of a line under a tariff-rate quota is the file's last column: an import within the
	 * quota (a certificate presented, here as the pre-computation's {@code inQuota}) pays it, any other the MFN rate.
	 */
	@Test
	void inQuotaRatesAreImportedAndPaidWithinTheQuotaOnly() throws Exception {
		String wheat = freshCode("100199");
		String full = HEADER.strip() + ",legal_unit,second_legal_unit,mfn_per_unit,excise_per_unit,provisional_rate,"
				+ "export_provisional_rate,provisional_from,provisional_until,in_quota_rate\n";
		String refused = importAndWait(full + wheat + ",小麦,Wheat,65,9,,,,AB,MPQ,KGM,,,,,,,,1 %\n");
		assertRefusedAt(refused, "in_quota_rate:RATE_INVALID");

		String body = importAndWait(full + wheat + ",小麦,Wheat,65,9,,,,AB,MPQ,KGM,,,,,,,,1\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
		mvc.perform(get("/api/v1/tariff/lines/" + wheat).header("Authorization", TRADER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.inQuotaRate").value(0.01));
		// 10,000.00 at 1 % within the quota, at 65 % without
		for (String[] quota : new String[][] { { "true", "100.0", "IN_QUOTA" }, { "false", "6500.0", "MFN" } }) {
			mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
					.contentType(MediaType.APPLICATION_JSON).content("""
							{"flow":"IMPORT","incoterm":"CIF","currency":"CNY","date":"2026-06-01","items":[
							 {"hsCode":"%s","value":10000,"origin":"CA","inQuota":%s}]}""".formatted(wheat, quota[0])))
					.andExpect(status().isOk()).andExpect(jsonPath("$.totalDuty").value(Double.parseDouble(quota[1])))
					.andExpect(jsonPath("$.lines[0].rateBasis").value(quota[2]));
		}
		assertThat(page("/tariff/lines/" + wheat, "en")).contains("id=\"in-quota-rate\"").contains("In-quota rate")
			.contains("1%");
		assertThat(page("/tariff/lines/" + wheat, "zh-CN")).contains("配额内税率");
		// the pre-computation page asks whether each line presents a certificate: 10,000.00 in quota and out of it
		String calculated = mvc.perform(post("/tariff/assess").cookie(session()).header("Accept-Language", "en")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("flow", "IMPORT").param("incoterm", "CIF").param("currency", "CNY").param("date", "2026-06-01")
			.param("hsCode", wheat, wheat).param("value", "10000", "10000").param("quantity", "", "")
			.param("origin", "CA", "CA").param("agreement", "", "").param("quota", "IN_QUOTA", ""))
			.andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(calculated).contains("tariff-quota certificate presented → in-quota rate 1% instead of out-of-quota "
				+ "MFN 65%").contains(">100.00<").contains(">6,500.00<");
		// a file of the format before in-quota rates leaves the line without one
		importAndWait(full.substring(0, full.lastIndexOf(",in_quota_rate")) + "\n" + wheat
				+ ",小麦,Wheat,65,9,,,,AB,MPQ,KGM,,,,,,,\n");
		mvc.perform(get("/api/v1/tariff/lines/" + wheat).header("Authorization", TRADER))
			.andExpect(jsonPath("$.inQuotaRate").doesNotExist());
	}

	/**
	 * The general rate (普通税率) and its amount per unit are the file's last two columns: a per-unit amount needs its
	 * rate (0 when levied per unit alone) and a legal unit; the line's page and the API show them; the 19-column format
	 * before them leaves the line without one.
	 */
	@Test
	void generalRatesAreImportedWithTheirAmountPerUnit() throws Exception {
		String sausages = freshCode("160100");
		String full = HEADER.strip() + ",legal_unit,second_legal_unit,mfn_per_unit,excise_per_unit,provisional_rate,"
				+ "export_provisional_rate,provisional_from,provisional_until,in_quota_rate,general_rate,general_per_unit\n";
		String refused = importAndWait(full + sausages + ",香肠,Sausages,15,9,,,,AB,PQ,KGM,,,,,,,,,,3\n"
				+ freshCode("160100") + ",香肠,Sausages,15,9,,,,AB,PQ,,,,,,,,,,0,3\n"
				+ freshCode("160100") + ",香肠,Sausages,15,9,,,,AB,PQ,KGM,,,,,,,,,x,\n");
		assertRefusedAt(refused, "general_rate:REQUIRED", "legal_unit:REQUIRED", "general_rate:RATE_INVALID");

		String body = importAndWait(full + sausages + ",香肠,Sausages,15,9,,,,AB,PQ,KGM,,,,,,,,,90,3\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
		mvc.perform(get("/api/v1/tariff/lines/" + sausages).header("Authorization", TRADER)).andExpect(status().isOk())
			.andExpect(jsonPath("$.generalRate").value(0.9)).andExpect(jsonPath("$.generalPerUnit").value(3));
		assertThat(page("/tariff/lines/" + sausages, "en")).contains("id=\"general-rate\"").contains("90% + 3 CNY/KGM");
		assertThat(page("/tariff/lines/" + sausages, "zh-CN")).contains("普通税率");
		importAndWait(full.substring(0, full.lastIndexOf(",general_rate")) + "\n" + sausages
				+ ",香肠,Sausages,15,9,,,,AB,PQ,KGM,,,,,,,,\n");
		mvc.perform(get("/api/v1/tariff/lines/" + sausages).header("Authorization", TRADER))
			.andExpect(jsonPath("$.generalRate").doesNotExist());
	}

	/** The exchange-rate page words a refusal with what was typed (it showed "'{0}' is not an ISO 4217 currency code"). */
	@Test
	void anAdministratorsRefusedExchangeRateIsWordedWithWhatWasTyped() throws Exception {
		jakarta.servlet.http.Cookie admin = mvc.perform(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestBuilders.formLogin("/login").user("admin").password("demo12345")).andReturn()
			.getResponse().getCookie("SESSION");
		String html = mvc.perform(post("/admin/exchange-rates").cookie(admin).header("Accept-Language", "en")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("currency", "Z1").param("month", "2026-11").param("rate", "7")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("&#39;Z1&#39; is not an ISO 4217 currency code.").doesNotContain("{0}");
	}

	/** The import failed with these problems, {@code column:code} in the order of its rows. */
	static void assertRefusedAt(String status, String... columnCodes) {
		assertThat((String) JsonPath.read(status, "$.status")).isEqualTo("FAILED");
		java.util.List<String> columns = JsonPath.read(status, "$.errors[*].column");
		java.util.List<String> codes = JsonPath.read(status, "$.errors[*].code");
		assertThat(java.util.stream.IntStream.range(0, codes.size()).mapToObj(i -> columns.get(i) + ":" + codes.get(i)))
			.containsExactly(columnCodes);
	}

	/** A page as the coffee trader reads it in {@code language}. */
	String page(String address, String language) throws Exception {
		return mvc.perform(get(address).cookie(session()).header("Accept-Language", language)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The coffee trader logged in. */
	jakarta.servlet.http.Cookie session() throws Exception {
		return mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
			.formLogin("/login").user("trader.coffee").password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
	}

	/**
	 * Excel on a Chinese system saves "CSV" in GBK: read as UTF-8 its Chinese became replacement characters, imported
	 * into the schedule without a word. It is refused, unless the request names its encoding.
	 */
	@Test
	void aFileInAnotherEncodingIsRefusedUnlessItsEncodingIsNamed() throws Exception {
		String tea = freshCode("090230");
		byte[] gbk = (HEADER + tea + ",乌龙茶,Oolong tea,15,9,,,,,\n").getBytes(java.nio.charset.Charset.forName("GBK"));
		long imports = jdbc.sql("SELECT count(*) FROM tariff_import").query(Long.class).single();

		mvc.perform(post("/api/v1/admin/tariff/imports").header("Authorization", ADMIN).contentType("text/csv")
			.content(gbk))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].code").value("FILE_ENCODING"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("UTF-8")));
		assertThat(jdbc.sql("SELECT count(*) FROM tariff_import").query(Long.class).single()).isEqualTo(imports);
		assertThat(schedule.line(HsCode.of(tea))).isEmpty();

		String location = mvc.perform(post("/api/v1/admin/tariff/imports").header("Authorization", ADMIN)
			.contentType("text/csv;charset=GBK").content(gbk)).andExpect(status().isAccepted())
			.andReturn().getResponse().getHeader("Location");
		for (int i = 0; i < 200 && schedule.line(HsCode.of(tea)).isEmpty(); i++) {
			Thread.sleep(50);
		}
		assertThat(schedule.line(HsCode.of(tea)).orElseThrow().descriptionZh()).isEqualTo("乌龙茶");
		assertThat(location).startsWith("/api/v1/admin/tariff/imports/");

		// A byte order mark is no character of the file's.
		String green = freshCode("090210");
		String withMark = "\uFEFF" + HEADER + green + ",绿茶,Green tea,15,9,,,,,\n";
		assertThat((String) JsonPath.read(importAndWait(withMark), "$.status")).isEqualTo("COMPLETED");
	}

	/**
	 * A quote left open (a description cut short by hand) made the rest of the file one field: the import failed on
	 * the row's column count, the rows after it never read. It is now named as what it is, at its line.
	 */
	@Test
	void aFileWithAQuoteLeftOpenIsRefusedAtItsLine() throws Exception {
		String tea = freshCode("090230");
		String body = importAndWait(HEADER
				+ tea + ",红茶,Black tea,15,9,,,,,\n"
				+ freshCode("090240") + ",红茶,\"Black tea, broken,15,9,,,,,\n"
				+ freshCode("090210") + ",绿茶,Green tea,15,9,,,,,\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("FAILED");
		assertThat((Integer) JsonPath.read(body, "$.errors[0].row")).isEqualTo(3);
		assertThat((String) JsonPath.read(body, "$.errors[0].code")).isEqualTo("CSV_MALFORMED");
		assertThat(schedule.line(HsCode.of(tea))).isEmpty();
	}

	@Test
	void aFileWithoutTheHeaderIsRejected() throws Exception {
		String body = importAndWait("0901110000,咖啡,Coffee,50,9,,,,AB,PQ\n");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("FAILED");
		assertThat((String) JsonPath.read(body, "$.errors[0].code")).isEqualTo("HEADER_INVALID");
	}

	@Test
	void onlyAdministratorsImportOrSetRates() throws Exception {
		mvc.perform(post("/api/v1/admin/tariff/imports").header("Authorization", TRADER).contentType("text/csv")
				.content(HEADER)).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		mvc.perform(put("/api/v1/exchange-rates/USD/2020-01").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("{\"rate\":7}")).andExpect(status().isForbidden());
	}

	@Test
	void administratorsMaintainExchangeRates() throws Exception {
		mvc.perform(put("/api/v1/exchange-rates/NZD/2019-02").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON).content("{\"rate\":4.25}")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/exchange-rates?month=2019-02").header("Authorization", TRADER))
				.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.currency=='NZD')].rate").value(4.25));
		mvc.perform(put("/api/v1/exchange-rates/NZD/2019-02").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON).content("{\"rate\":-1}"))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("INVALID_INPUT"))
				.andExpect(jsonPath("$.errors[0].code").value("EXCHANGE_RATE_INVALID"));
	}

	@Test
	void tradersPrecomputeAnAssessmentLineByLine() throws Exception {
		// 10,000.00 CNY wine: duty 1,400.00, excise 1,266.67, VAT 1,646.67 (see DutyAssessmentUnitTests)
		mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"flow":"IMPORT","incoterm":"CIF","currency":"CNY","items":[
						 {"hsCode":"2204210000","value":10000,"origin":"FR"}]}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalDuty").value(1400.00))
				.andExpect(jsonPath("$.totalExcise").value(1266.67)).andExpect(jsonPath("$.totalVat").value(1646.67))
				.andExpect(jsonPath("$.lines[0].steps[2]").value("duty = 10,000.00 × 14% = 1,400.00"));
		mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"flow":"IMPORT","incoterm":"CIF","currency":"USD","items":[
						 {"hsCode":"0101210000","value":10,"origin":"FR"}]}"""))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("INVALID_INPUT"))
				.andExpect(jsonPath("$.errors[0].code").value("TARIFF_LINE_UNKNOWN"))
				.andExpect(jsonPath("$.field").value("items[0].hsCode"));
	}

	/** Found by HostileInputFuzzTests (variant #3583 of its seed): a null line was a 500. */
	@Test
	void anAssessmentWithALineLeftOutNamesTheLineInsteadOfFailing() throws Exception {
		mvc.perform(post("/api/v1/tariff/assessments").header("Authorization", TRADER)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"flow":"IMPORT","incoterm":"CIF","currency":"CNY","items":[null]}"""))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("INVALID_INPUT"))
				.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"))
				.andExpect(jsonPath("$.field").value("items[0]"));
	}

	@Test
	void theHsAndTariffLinesAreSearchable() throws Exception {
		mvc.perform(get("/api/v1/hs").param("q", "咖啡").header("Authorization", TRADER)).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.code=='0901')]").isNotEmpty());
		mvc.perform(get("/api/v1/hs/0901").header("Authorization", TRADER)).andExpect(status().isOk())
				.andExpect(jsonPath("$.children[0].code").value("090111"));
		mvc.perform(get("/api/v1/hs/9999").header("Authorization", TRADER)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tariff/lines/0901110000").header("Authorization", TRADER))
				.andExpect(status().isOk()).andExpect(jsonPath("$.preferentialRates.RCEP").value(0))
				.andExpect(jsonPath("$.demo").value(true));
	}
}
