package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;

/**
 * Wheat under a tariff-rate quota (关税配额), through the API as the importer and the agencies use it: the coffee importer
 * holds a tariff-quota certificate for 50,000 kg of wheat from commerce; a line presenting it pays the in-quota rate
 * and its kilograms are written off; a line without it pays the out-of-quota rate and needs nothing more; a certificate
 * that cannot take the line refuses the submission at the line, nothing stored; a certificate is no answer for another
 * permit, nor another permit for a certificate. The demo line 1001990000: MFN (out of quota) 65 %, in quota 1 %.
 */
@SingleWindowIntegrationTest
class TariffQuotaIntegrationTests {

	static final String WHEAT = "1001990000";
	static final Uscc COFFEE = EnterpriseFixtures.demo("COFFEE");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PermitLedger permits;

	@Autowired
	SubmissionGroups groups;

	/** 20,000 kg of Canadian wheat at 10,000 USD CIF (71,000.00 CNY at the demo rate 7.1). */
	static String wheat(String kilograms, String certificate, String permit) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"CA",
				 "tradingCountry":"CA","currency":"USD","incoterm":"CIF","packages":1,"grossWeight":%s,"netWeight":%s,
				 "items":[{"hsCode":"1001990000","description":"milling wheat","quantity":%s,"unit":"KGM",
				 "value":10000,"origin":"CA","tariffQuotaCertificate":%s,"permitNumber":%s}]}"""
			.formatted(kilograms, kilograms, kilograms, quoted(certificate), quoted(permit));
	}

	static String quoted(String text) {
		return text == null ? "null" : "\"" + text + "\"";
	}

	@Test
	void wheatUnderItsCertificatePaysTheInQuotaRateAndIsWrittenOffTheCertificate() throws Exception {
		String certificate = certificateFor("50000");

		String submitted = body(submit(wheat("20000", certificate, null)).andExpect(status().isCreated()));

		assertThat(JsonPath.<String>read(submitted, "$.items[0].tariffQuotaCertificate")).isEqualTo(certificate);
		assertThat(JsonPath.<String>read(submitted, "$.items[0].rateBasis")).isEqualTo("IN_QUOTA");
		// 71,000.00 × 1 % = 710.00 instead of × 65 % = 46,150.00
		assertThat(CustomsDesk.amount(submitted, "$.items[0].duty")).isEqualByComparingTo("710.00");
		assertThat(JsonPath.<List<String>>read(submitted, "$.items[0].steps"))
			.contains("tariff-quota certificate presented → in-quota rate 1% instead of out-of-quota MFN 65%");
		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("30000");
		// a quota is allotted for a calendar year: the certificate lapses with the year it was issued in
		assertThat(held(certificate).validUntil()).isEqualTo(java.time.LocalDate.of(held(certificate).validFrom()
			.getYear(), 12, 31));
		// no agency is routed for the certificate: commerce does not decide the declaration
		assertThat(JsonPath.<List<String>>read(submitted, "$.tasks[*].agency")).doesNotContain("COMMERCE");
	}

	@Test
	void wheatWithoutACertificatePaysTheOutOfQuotaRateAndNeedsNone() throws Exception {
		String submitted = body(submit(wheat("20000", null, null)).andExpect(status().isCreated()));

		assertThat(JsonPath.<String>read(submitted, "$.items[0].rateBasis")).isEqualTo("MFN");
		assertThat(CustomsDesk.amount(submitted, "$.items[0].duty")).isEqualByComparingTo("46150.00");
		assertThat(permits.requirementsFor(HsCode.of(WHEAT), TradeFlow.IMPORT))
			.extracting(io.singlewindow.permit.PermitRequirement::catalogueCode).doesNotContain("TARIFF_QUOTA");
	}

	@Test
	void aCertificateThatCannotTakeTheLineRefusesTheSubmissionAtTheLineAndNothingIsStored() throws Exception {
		String certificate = certificateFor("15000");
		long before = declarations();

		submit(wheat("20000", certificate, null)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].tariffQuotaCertificate"))
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_CERTIFICATE_REFUSED"))
			.andExpect(jsonPath("$.errors[0].message").value("Tariff-quota certificate " + certificate
					+ " holds less than the quantity of this line. Name another, or none to pay the out-of-quota rate."));

		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.coffee")
				.header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
				.content(wheat("20000", certificate, null)))
			.andExpect(jsonPath("$.errors[0].message").value("关税配额证 " + certificate
					+ " 剩余数量不足本项数量。请填写其他配额证，或不填写而按配额外税率征税。"));
		assertThat(declarations()).isEqualTo(before);
		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("15000");
		// another enterprise's certificate, and a number naming none, are refused the same way
		call("trader.chip", post("/api/v1/declarations"), wheat("1000", certificate, null).replace("\"flow\"",
				"\"declarant\":\"" + EnterpriseFixtures.demo("CHIP").value() + "\",\"flow\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_CERTIFICATE_REFUSED"))
			.andExpect(jsonPath("$.errors[0].message").value(
					org.hamcrest.Matchers.containsString("is held by another enterprise")));
		submit(wheat("1000", "TQ-NONE-1", null)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].tariffQuotaCertificate"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("does not exist")));
		assertThat(declarations()).isEqualTo(before);
	}

	@Test
	void aCertificateIsNoAnswerForAnotherPermitNorAnotherPermitForACertificate() throws Exception {
		String certificate = certificateFor("50000");
		HeldPermit quarantine = permits.heldBy(COFFEE).stream()
			.filter(p -> p.catalogueCode().equals("QUARANTINE_ENTRY") && p.status().equals("IN_FORCE"))
			.findFirst().orElseThrow();

		// The wheat line needs a quarantine entry permit (its scope covers 1001); the certificate, whose scope covers
		// wheat too, named in its place does not answer for it: CIQ's officer decides, nothing is written off it.
		String submitted = body(submit(wheat("1000", null, certificate)).andExpect(status().isCreated()));
		String id = JsonPath.read(submitted, "$.id");
		String seenByCiq = body(call("officer.ciq", get("/api/v1/declarations/{id}", id), null));
		assertThat(JsonPath.<List<String>>read(seenByCiq, "$.tasks[?(@.agency == 'CIQ')].status"))
			.containsExactly("PENDING");
		assertThat(JsonPath.<List<String>>read(seenByCiq, "$.tasks[?(@.agency == 'CIQ')].note").get(0))
			.contains("PERMIT_CATALOGUE_MISMATCH " + certificate);
		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("50000");

		// The quarantine permit named as the certificate is refused at the field.
		submit(wheat("1000", quarantine.number(), null)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_CERTIFICATE_REFUSED"))
			.andExpect(jsonPath("$.errors[0].message").value(
					org.hamcrest.Matchers.containsString("is no tariff-quota certificate for these goods")));
	}

	@Test
	void aWithdrawnDeclarationGivesItsKilogramsBackToTheCertificate() throws Exception {
		String certificate = certificateFor("50000");
		String submitted = body(submit(wheat("20000", certificate, null)).andExpect(status().isCreated()));
		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("30000");
		assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("UNDER_REVIEW");

		call("trader.coffee", post("/api/v1/declarations/{id}/withdrawal", JsonPath.<String>read(submitted, "$.id")),
				"{\"reason\":\"the ship was diverted\"}")
			.andExpect(status().isOk());

		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("50000");
	}

	@Test
	void aCertificateIsForImportsOfLinesUnderAQuotaOnly() throws Exception {
		String certificate = certificateFor("50000");
		String coffee = wheat("1000", certificate, null).replace(WHEAT, "0901210000");
		String export = wheat("1000", certificate, null).replace("\"IMPORT\"", "\"EXPORT\"")
			.replace("\"originCountry\":\"CA\"", "\"originCountry\":\"CN\",\"destinationCountry\":\"CA\"")
			.replace("\"origin\":\"CA\"", "\"origin\":\"CN\"").replace("CIF", "FOB");

		submit(coffee).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].tariffQuotaCertificate"))
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_NOT_APPLICABLE"));
		submit(export).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'items[0].tariffQuotaCertificate')].code")
				.value(org.hamcrest.Matchers.contains("TARIFF_QUOTA_IMPORT_ONLY")));
	}

	@Test
	void theDutiesBeforeSubmissionAreAtTheInQuotaRateAndWriteNothingOff() throws Exception {
		String certificate = certificateFor("50000");

		String assessed = body(call("trader.coffee", post("/api/v1/declarations/assessments"),
				wheat("20000", certificate, null)).andExpect(status().isOk()));

		assertThat(JsonPath.<String>read(assessed, "$.lines[0].rateBasis")).isEqualTo("IN_QUOTA");
		assertThat(CustomsDesk.amount(assessed, "$.lines[0].duty")).isEqualByComparingTo("710.00");
		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("50000");
		call("trader.coffee", post("/api/v1/declarations/assessments"), wheat("60000", certificate, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_CERTIFICATE_REFUSED"));
	}

	/**
	 * Submissions under one certificate at once take no more than it holds: eight of 10,000 kg against 50,000 kg,
	 * through the group commit as the API submits them — five in quota, three refused (at the line when their check saw
	 * the certificate spent, or as changed during the submission when another took it between their check and their
	 * write-off), and the certificate's books balance.
	 */
	@Test
	void concurrentSubmissionsUnderOneCertificateNeverOverdrawIt() throws Exception {
		String certificate = certificateFor("50000");
		io.singlewindow.identity.Actor trader = new io.singlewindow.identity.Actor(java.util.UUID.randomUUID(),
				"trader.coffee", "Coffee trader", io.singlewindow.identity.Role.TRADER, COFFEE, null, java.util.Set.of());
		DeclarationRequest request = tools.jackson.databind.json.JsonMapper.builder().build()
			.readValue(wheat("10000", certificate, null), DeclarationRequest.class);
		List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();

		try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 8; i++) {
				callers.submit(() -> {
					try {
						groups.submit(trader, new DeclarationDraft(request, List.of()),
								"quota-race-" + java.util.UUID.randomUUID());
						outcomes.add("IN_QUOTA");
					} catch (io.singlewindow.core.Problem refused) {
						outcomes.add(refused.fieldProblems().isEmpty() ? refused.code()
								: refused.fieldProblems().get(0).code());
					}
				});
			}
		}

		assertThat(outcomes).hasSize(8);
		assertThat(outcomes.stream().filter("IN_QUOTA"::equals)).hasSize(5);
		assertThat(outcomes.stream().filter(o -> !o.equals("IN_QUOTA")))
			.allMatch(o -> o.equals("TARIFF_QUOTA_CERTIFICATE_REFUSED") || o.equals("PERMIT_CHANGED_DURING_SUBMISSION"));
		assertThat(held(certificate).remainingQuantity()).isEqualByComparingTo("0");
		assertThat(jdbc.sql("""
				SELECT coalesce(sum(quantity), 0) FROM permit_write_off
				WHERE permit_number = ? AND restored_at IS NULL""").param(certificate).query(BigDecimal.class).single())
			.isEqualByComparingTo("50000");
	}

	/** A tariff-quota certificate for the coffee importer's wheat, applied for and approved by commerce. */
	String certificateFor(String kilograms) throws Exception {
		String applied = body(call("trader.coffee", post("/api/v1/permit-applications"), """
				{"catalogueCode":"TARIFF_QUOTA","applicant":"%s","scope":"milling wheat","goods":["%s"],
				 "requestedQuantity":%s,"documents":["TQ-FORM-1","CONTRACT-1"]}""".formatted(COFFEE.value(), WHEAT,
				kilograms)).andExpect(status().isCreated()));
		String approved = body(call("officer.commerce",
				post("/api/v1/permit-applications/{id}/decision", JsonPath.<String>read(applied, "$.id")),
				"{\"decision\":\"APPROVE\"}").andExpect(status().isOk()));
		return JsonPath.read(approved, "$.permitNumber");
	}

	HeldPermit held(String number) {
		return permits.heldBy(COFFEE).stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow();
	}

	ResultActions submit(String json) throws Exception {
		return call("trader.coffee", post("/api/v1/declarations"), json);
	}

	ResultActions call(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", "Bearer sw-demo-" + user);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long declarations() {
		return jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();
	}
}
