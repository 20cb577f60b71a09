package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.AtOneInstant;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;

/**
 * Each of the four modes of the reform walked through the REST API as the applicant, the officer and the
 * administrator do it, with the wrong states, bad input and foreign callers they meet on the way. Every test makes its
 * own catalogue entry, so none depends on another's data.
 */
@SingleWindowIntegrationTest
class PermitModesIntegrationTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");
	static final Uscc COFFEE = EnterpriseFixtures.demo("COFFEE");

	@Autowired
	MockMvc mvc;

	@Autowired
	BusinessTime time;

	@Autowired
	io.singlewindow.calendar.ZoneCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		request.header("Authorization", "Bearer sw-demo-" + user).header("Accept-Language", "en");
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	/** An administrator adds a catalogue entry without HS scope (an activity permit) in the given mode. */
	String anActivityEntry(String mode, String agency) throws Exception {
		String code = PermitFixtures.aCatalogueCode("T_" + mode.substring(0, 4));
		call("admin", post("/api/v1/permit-catalogue"), """
				{"code":"%s","nameZh":"测试事项","nameEn":"Test activity","issuingAgency":"%s","mode":"%s",
				 "reviewDays":5,"verificationDays":30,"documentsZh":["申请表"],"documentsEn":["Application form"],
				 "validityMonths":12}""".formatted(code, agency, mode))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mode").value(mode));
		return code;
	}

	String apply(String user, String json) throws Exception {
		String body = call(user, post("/api/v1/permit-applications"), json).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return body;
	}

	int applicationsOf(Uscc applicant) {
		return jdbc.sql("SELECT count(*) FROM permit_application WHERE applicant_uscc = ?").param(applicant.value())
			.query(Integer.class).single();
	}

	@Test
	void approvalCancelledRecordsTheActivityAsFreeAndSaysSo() throws Exception {
		String code = anActivityEntry("APPROVAL_CANCELLED", "COMMERCE");

		String body = apply("trader.chip", """
				{"catalogueCode":"%s","applicant":"%s"}""".formatted(code, CHIP));

		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("NOT_REQUIRED");
		assertThat((String) JsonPath.read(body, "$.message")).contains("No permit is needed", "Test activity");
		assertThat((Object) JsonPath.read(body, "$.permitNumber")).isNull();
		call("trader.chip", get("/api/v1/permits"), null)
			.andExpect(jsonPath("$[*].catalogueCode", not(hasItem(code))));
		call("trader.chip", get("/api/v1/permit-applications"), null)
			.andExpect(jsonPath("$[0].catalogueCode").value(code))
			.andExpect(jsonPath("$[0].status").value("NOT_REQUIRED"));
	}

	@Test
	void aFilingIsRecordedAtOnceAndReviewedByTheAgencyAfterwards() throws Exception {
		String code = anActivityEntry("FILING", "CIQ");
		String json = """
				{"catalogueCode":"%s","applicant":"%s","scope":"进口食品 imported food","documents":["FORM-2026-1"]}"""
			.formatted(code, COFFEE);

		String body = apply("trader.coffee", json);
		String number = JsonPath.read(body, "$.permitNumber");

		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("FILED");
		call("trader.coffee", get("/api/v1/permits/{n}", number), null)
			.andExpect(jsonPath("$.status").value("IN_FORCE"))
			.andExpect(jsonPath("$.awaitsVerification").value(true));
		call("officer.ciq", get("/api/v1/permits/verification-queue"), null)
			.andExpect(jsonPath("$[*].number", hasItem(number)));
		call("officer.commerce", get("/api/v1/permits/verification-queue"), null)
			.andExpect(jsonPath("$[*].number", not(hasItem(number))));
		// Filed once, held once.
		call("trader.coffee", post("/api/v1/permit-applications"), json)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_ALREADY_HELD"));
		call("officer.ciq", post("/api/v1/permits/{n}/verification", number), """
				{"outcome":"CONFIRMED"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.awaitsVerification").value(false));
		call("officer.ciq", get("/api/v1/permits/verification-queue"), null)
			.andExpect(jsonPath("$[*].number", not(hasItem(number))));
	}

	@Test
	void aCommitmentIssuesAtOnceAndAFalseOneIsRevokedOnTheEnterprisesRecord() throws Exception {
		String code = anActivityEntry("NOTIFICATION_COMMITMENT", "SAMR");
		int before = applicationsOf(CHIP);
		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"%s","scope":"危化品贸易","documents":["CMT-1"],"commitmentSigned":false}"""
			.formatted(code, CHIP))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("commitmentSigned"))
			.andExpect(jsonPath("$.errors[0].code").value("PERMIT_COMMITMENT_NOT_SIGNED"));
		assertThat(applicationsOf(CHIP)).isEqualTo(before);

		String body = apply("trader.chip", """
				{"catalogueCode":"%s","applicant":"%s","scope":"危化品贸易","documents":["CMT-1"],"commitmentSigned":true}"""
			.formatted(code, CHIP));
		String number = JsonPath.read(body, "$.permitNumber");
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("ISSUED");
		assertThat((String) JsonPath.read(body, "$.commitmentSignedBy")).isEqualTo("trader.chip");
		call("trader.chip", get("/api/v1/permits/{n}", number), null)
			.andExpect(jsonPath("$.status").value("IN_FORCE"))
			.andExpect(jsonPath("$.verificationDue").value(time.today().plusDays(30).toString()));

		call("officer.commerce", post("/api/v1/permits/{n}/verification", number), """
				{"outcome":"FALSE","reason":"no premises"}""")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_AGENCY"));
		call("officer.samr", post("/api/v1/permits/{n}/verification", number), """
				{"outcome":"FALSE"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		call("officer.samr", post("/api/v1/permits/{n}/verification", number), """
				{"outcome":"FALSE","reason":"现场核查无经营场所 no premises found on site"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"));
		call("officer.samr", post("/api/v1/permits/{n}/verification", number), """
				{"outcome":"CONFIRMED"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_NOT_AWAITING_VERIFICATION"));

		call("trader.chip", get("/api/v1/permit-records/{uscc}", CHIP), null)
			.andExpect(jsonPath("$.history[?(@.permitNumber == '%s')].action".formatted(number),
					org.hamcrest.Matchers.hasItems("ISSUED", "FOUND_FALSE", "REVOKED")))
			.andExpect(jsonPath("$.permits[?(@.number == '%s')].status".formatted(number), hasItem("REVOKED")));
		call("trader.coffee", get("/api/v1/permit-records/{uscc}", CHIP), null).andExpect(status().isForbidden());
	}

	/**
	 * A tariff-quota certificate (关税配额证) is a catalogue entry of imported goods counted in a quantity, which the
	 * goods of its scope do not need: without one they pay the out-of-quota rate.
	 */
	@Test
	void anAdministratorMakesAnEntryATariffQuotaCertificateWhichGoodsDoNotNeed() throws Exception {
		String code = PermitFixtures.aCatalogueCode("T_QUOTA");
		String entry = """
				{"code":"%s","nameZh":"测试配额证","nameEn":"Test tariff quota","issuingAgency":"COMMERCE",
				 "mode":"OPTIMISED_APPROVAL","reviewDays":10,"validityMonths":12,"quotaKind":"%s","quotaUnit":%s,
				 "importScope":["9705"],"exportScope":%s,"tariffQuota":true}""";
		call("admin", post("/api/v1/permit-catalogue"), entry.formatted(code, "VALUE", "null", "[]"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tariffQuota"))
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_ENTRY_INVALID"));
		call("admin", post("/api/v1/permit-catalogue"), entry.formatted(code, "QUANTITY", "\"KGM\"", "[\"9705\"]"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TARIFF_QUOTA_ENTRY_INVALID"));

		String created = call("admin", post("/api/v1/permit-catalogue"),
				entry.formatted(code, "QUANTITY", "\"KGM\"", "[]"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.tariffQuota").value(true))
			.andReturn().getResponse().getContentAsString();
		try {
			call("trader.chip", get("/api/v1/permit-catalogue/requirements").param("hs", "9705100000")
					.param("flow", "IMPORT"), null)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].catalogueCode", not(hasItem(code))));
			// an update that leaves the flag out keeps it
			call("admin", put("/api/v1/permit-catalogue/{code}", code), """
					{"nameZh":"测试配额证","nameEn":"Test tariff quota (renamed)","issuingAgency":"COMMERCE",
					 "mode":"OPTIMISED_APPROVAL","reviewDays":10,"validityMonths":12,"quotaKind":"QUANTITY",
					 "quotaUnit":"KGM","importScope":["9705"],"version":%d}"""
				.formatted(JsonPath.<Integer>read(created, "$.version")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.tariffQuota").value(true));
		} finally {
			jdbc.sql("UPDATE permit_catalogue SET active = FALSE WHERE code = ?").param(code).update();
		}
	}

	@Test
	void anOptimisedApprovalGoesThroughTheAgencysQueue() throws Exception {
		String code = PermitFixtures.aCatalogueCode("T_GOODS");
		// Antiques (9706) are used by no other demo or test, so the temporary entry routes nobody's goods.
		String goodsEntry = """
				{"code":"%s","nameZh":"测试货物许可","nameEn":"Test goods licence","issuingAgency":"COMMERCE",
				 "mode":"OPTIMISED_APPROVAL","reviewDays":10,"documentsZh":["合同","申请表"],
				 "documentsEn":["Contract","Application form"],"validityMonths":6,"quotaKind":"QUANTITY",
				 "quotaUnit":"KGM","importScope":["9706"],"active":%s,"version":%s}""";
		String entry = call("admin", post("/api/v1/permit-catalogue"), goodsEntry.formatted(code, true, null))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		try {
			String json = """
					{"catalogueCode":"%s","applicant":"%s","scope":"antiques","goods":["9706000000"],
					 "requestedQuantity":500,"documents":["HT-1","FORM-1"]}""".formatted(code, CHIP);
			String body = apply("trader.chip", json);
			String id = JsonPath.read(body, "$.id");
			assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("UNDER_REVIEW");
			assertThat((String) JsonPath.read(body, "$.dueDate"))
				.isEqualTo(calendar.after(time.today(), 10).toString());

			call("trader.chip", post("/api/v1/permit-applications"), json)
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("PERMIT_APPLICATION_PENDING"));
			call("officer.commerce", get("/api/v1/permit-applications/queue"), null)
				.andExpect(jsonPath("$[*].id", hasItem(id)));
			call("officer.ciq", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"APPROVE"}""")
				.andExpect(status().isForbidden());
			call("officer.commerce", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"REQUEST_DOCUMENTS"}""")
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
			call("officer.commerce", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"REQUEST_DOCUMENTS","reason":"请补充原产地证明 certificate of origin"}""")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("DOCUMENTS_REQUESTED"));
			call("officer.commerce", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"APPROVE"}""")
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("PERMIT_APPLICATION_AWAITING_DOCUMENTS"));
			call("trader.coffee", post("/api/v1/permit-applications/{id}/supplement", id), """
					{"documents":["HT-1","FORM-1"]}""")
				.andExpect(status().isForbidden());
			// The broker acts for the chip maker.
			call("broker", post("/api/v1/permit-applications/{id}/supplement", id), """
					{"documents":["HT-1","FORM-1","CO-77"],"note":"certificate of origin CO-77"}""")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
			call("officer.commerce", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"APPROVE","grantedQuantity":600}""")
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("PERMIT_GRANT_EXCEEDS_REQUEST"));
			String approved = call("officer.commerce", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"APPROVE","grantedQuantity":400}""")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("APPROVED"))
				.andExpect(jsonPath("$.decidedBy").value("officer.commerce"))
				.andExpect(jsonPath("$.steps[*].action",
						org.hamcrest.Matchers.contains("SUBMITTED", "REQUEST_DOCUMENTS", "SUPPLEMENTED", "APPROVE")))
				.andReturn().getResponse().getContentAsString();
			String number = JsonPath.read(approved, "$.permitNumber");
			call("trader.chip", get("/api/v1/permits/{n}", number), null)
				.andExpect(jsonPath("$.status").value("IN_FORCE"))
				.andExpect(jsonPath("$.remainingQuantity").value(400))
				.andExpect(jsonPath("$.quotaUnit").value("KGM"))
				.andExpect(jsonPath("$.goods[0]").value("9706000000"));

			call("officer.commerce", post("/api/v1/permit-applications/{id}/decision", id), """
					{"decision":"REJECT","reason":"too late"}""")
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("PERMIT_APPLICATION_ALREADY_DECIDED"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(Approved)")));
			call("officer.commerce", get("/api/v1/permits/{n}", number), null)
				.andExpect(jsonPath("$.status").value("IN_FORCE"));
		} finally {
			int version = JsonPath.read(entry, "$.version");
			call("admin", put("/api/v1/permit-catalogue/{code}", code), goodsEntry.formatted(code, false, version))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(false));
		}
		call("trader.chip", get("/api/v1/permit-catalogue/requirements?hs=9706000000&flow=IMPORT"), null)
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void aRejectionNeedsAReasonAndIssuesNothing() throws Exception {
		String code = anActivityEntry("OPTIMISED_APPROVAL", "MSA");
		String id = JsonPath.read(apply("trader.tungsten", """
				{"catalogueCode":"%s","applicant":"%s","scope":"船舶作业","documents":["F-1"]}"""
			.formatted(code, EnterpriseFixtures.demo("TUNGSTEN"))), "$.id");

		call("officer.msa", post("/api/v1/permit-applications/{id}/decision", id), """
				{"decision":"REJECT","reason":"  "}""")
			.andExpect(status().isUnprocessableContent());
		call("officer.msa", post("/api/v1/permit-applications/{id}/decision", id), """
				{"decision":"MAYBE"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("PERMIT_DECISION_UNKNOWN"));
		call("officer.msa", post("/api/v1/permit-applications/{id}/decision", id), """
				{"decision":"REJECT","reason":"资质不符 not qualified"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.reason").value("资质不符 not qualified"))
			.andExpect(jsonPath("$.permitNumber").doesNotExist());
		call("officer.msa", post("/api/v1/permit-applications/{id}/decision", id), """
				{"decision":"APPROVE"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_APPLICATION_ALREADY_DECIDED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(Rejected)")));
		call("trader.tungsten", post("/api/v1/permit-applications/{id}/supplement", id), """
				{"documents":["F-2"]}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_APPLICATION_NOT_AWAITING_DOCUMENTS"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(status Rejected)")));
		assertThat(jdbc.sql("SELECT count(*) FROM permit WHERE catalogue_code = ?").param(code).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
		String code = anActivityEntry("FILING", "SAMR");
		int before = applicationsOf(CHIP);

		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"NOT-A-USCC"}""".formatted(code))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("USCC_FORMAT"));
		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"NO_SUCH_ENTRY","applicant":"%s"}""".formatted(CHIP))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("PERMIT_CATALOGUE_ENTRY_NOT_FOUND"));
		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"%s","documents":[""]}""".formatted(code, CHIP))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("scope", "documents[0]")));
		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"AIL","applicant":"%s","scope":"x","goods":["0901110000","12"],"requestedQuantity":-1,
				 "documents":["a","b"]}""".formatted(CHIP))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].code", org.hamcrest.Matchers.hasItems("PERMIT_GOODS_OUTSIDE_SCOPE",
					"HS_CODE_FORMAT", "TOO_SMALL")))
			// The smallest quantity the catalogue entry's unit counts, not the -1 given.
			.andExpect(jsonPath("$.errors[?(@.field == 'requestedQuantity')].message",
					org.hamcrest.Matchers.contains(org.hamcrest.Matchers.matchesPattern(
							"(This value is too small: at least 0\\.0*1\\.|该值过小：最少为 0\\.0*1。)"))));
		// Acting for another enterprise.
		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"%s","scope":"x","documents":["a"]}""".formatted(code, COFFEE))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
		call("officer.samr", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"%s","scope":"x","documents":["a"]}""".formatted(code, CHIP))
			.andExpect(status().isForbidden());
		assertThat(applicationsOf(CHIP)).isEqualTo(before);
	}

	@Test
	void officersSuspendReinstateAndRevokeIssuedPermits() throws Exception {
		String code = anActivityEntry("FILING", "CUSTOMS");
		String number = JsonPath.read(apply("broker", """
				{"catalogueCode":"%s","applicant":"%s","scope":"报关","documents":["R-1"]}""".formatted(code, CHIP)),
				"$.permitNumber");

		call("trader.chip", post("/api/v1/permits/{n}/suspension", number), """
				{"reason":"x"}""").andExpect(status().isForbidden());
		call("officer.customs", post("/api/v1/permits/{n}/reinstatement", number), "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_NOT_SUSPENDED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(status In force)")));
		call("officer.customs", post("/api/v1/permits/{n}/suspension", number), """
				{"reason":"整改 rectification"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUSPENDED"));
		call("officer.customs", post("/api/v1/permits/{n}/suspension", number), """
				{"reason":"again"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_NOT_IN_FORCE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(status Suspended)")));
		call("officer.customs", post("/api/v1/permits/{n}/reinstatement", number), "{}")
			.andExpect(jsonPath("$.status").value("IN_FORCE"));
		call("officer.customs", post("/api/v1/permits/{n}/revocation", number), "{}")
			.andExpect(status().isUnprocessableContent());
		call("officer.customs", post("/api/v1/permits/{n}/revocation", number), """
				{"reason":"违规 violation"}""")
			.andExpect(jsonPath("$.status").value("REVOKED"));
		call("officer.customs", post("/api/v1/permits/{n}/revocation", number), """
				{"reason":"again"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_ALREADY_REVOKED"));
		call("trader.chip", get("/api/v1/permits/{n}", number), null)
			.andExpect(jsonPath("$.history[*].action",
					org.hamcrest.Matchers.contains("REVOKED", "REINSTATED", "SUSPENDED", "ISSUED")));
		// Revoked, so the activity permit may be applied for again.
		apply("trader.chip", """
				{"catalogueCode":"%s","applicant":"%s","scope":"报关","documents":["R-2"]}""".formatted(code, CHIP));
	}

	@Test
	void theEndpointsAreDocumentedInTheOpenApiDescription() throws Exception {
		String api = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(api).contains("/api/v1/permit-applications/{id}/decision", "/api/v1/permits/{number}/verification",
				"/api/v1/permit-catalogue", "/api/v1/permit-records/{uscc}", "grantedQuantity", "commitmentSigned");
	}

	/**
	 * A document reference and a catalogue entry's names are one line each, shown to the officer who decides and to
	 * every trader: characters that make them show in another order than typed are refused, as in any one-line text.
	 */
	@Test
	void aDocumentReferenceOrACatalogueNameThatShowsInAnotherOrderIsRefused() throws Exception {
		String code = anActivityEntry("FILING", "SAMR");
		int before = applicationsOf(CHIP);
		call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"%s","applicant":"%s","scope":"general trading","documents":["contract\u202Efdp.exe"]}"""
			.formatted(code, CHIP))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'documents[0]')].code").value("CONTROL_CHARACTER"));
		assertThat(applicationsOf(CHIP)).isEqualTo(before);
		call("admin", post("/api/v1/permit-catalogue"), """
				{"code":"T_BIDI","nameZh":"许可\u2067证","nameEn":"Licence\u202E","issuingAgency":"CIQ","mode":"FILING"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'nameZh')].code").value("CONTROL_CHARACTER"))
			.andExpect(jsonPath("$.errors[?(@.field == 'nameEn')].code").value("CONTROL_CHARACTER"));
	}

	@Test
	void anEntryCreatedByTwoAdministratorsAtOneInstantIsCreatedOnceAndTheOtherToldItExists() throws Exception {
		// Both pass the look-up of the code before either has committed: the second insert used to end in a 500.
		String code = PermitFixtures.aCatalogueCode("T_TWICE");
		List<Integer> statuses = AtOneInstant.statuses(8, () -> call("admin", post("/api/v1/permit-catalogue"), """
				{"code":"%s","nameZh":"测试事项","nameEn":"Test activity","issuingAgency":"CIQ","mode":"FILING",
				 "reviewDays":5,"verificationDays":30,"documentsZh":["申请表"],"documentsEn":["Application form"],
				 "validityMonths":12}""".formatted(code)));

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PERMIT_CATALOGUE_ENTRY_CREATED' "
				+ "AND subject_id = ?").param(code).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsEditTheCatalogueAndEveryProblemIsReported() throws Exception {
		call("trader.chip", post("/api/v1/permit-catalogue"), """
				{"code":"T_NOPE","nameZh":"x","nameEn":"x","issuingAgency":"CIQ","mode":"FILING"}""")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		call("admin", post("/api/v1/permit-catalogue"), """
				{"code":"bad code","nameZh":"","issuingAgency":"NOBODY","mode":"SOMETIMES","quotaKind":"QUANTITY",
				 "importScope":["123"],"documentsZh":["a"],"documentsEn":[]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("code", "nameZh", "nameEn",
					"issuingAgency", "mode", "quotaUnit", "importScope[0]", "documentsEn")));
		String code = anActivityEntry("FILING", "CIQ");
		call("admin", post("/api/v1/permit-catalogue"), """
				{"code":"%s","nameZh":"x","nameEn":"x","issuingAgency":"CIQ","mode":"FILING"}""".formatted(code))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_CATALOGUE_ENTRY_EXISTS"));
		String update = """
				{"nameZh":"改名","nameEn":"Renamed","issuingAgency":"CIQ","mode":"FILING","version":%d}""";
		call("admin", put("/api/v1/permit-catalogue/{c}", code), update.formatted(0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nameEn").value("Renamed"))
			.andExpect(jsonPath("$.version").value(1));
		call("admin", put("/api/v1/permit-catalogue/{c}", code), update.formatted(0))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PERMIT_CATALOGUE_ENTRY_CHANGED"));
		call("trader.chip", get("/api/v1/permit-catalogue"), null)
			.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.hasItems("AIL", "EXPORT_LICENCE", "QUARANTINE_ENTRY",
					"DRUG_IMPORT", "DUAL_USE_EXPORT", "FOOD_BUSINESS_LICENCE", "FOREIGN_TRADE_OPERATOR")));
		assertThat(List.of("APPROVAL_CANCELLED", "FILING", "NOTIFICATION_COMMITMENT", "OPTIMISED_APPROVAL"))
			.allSatisfy(mode -> assertThat(jdbc.sql("SELECT count(*) FROM permit_catalogue WHERE mode = ? AND code NOT LIKE 'T\\_%'")
				.param(mode).query(Integer.class).single()).as(mode).isGreaterThanOrEqualTo(2));
	}
}
