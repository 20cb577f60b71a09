package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static io.singlewindow.declaration.internal.CustomsDesk.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/**
 * A consignment whose import VAT comes to 50 CNY or less is not charged it (docs/tariff.md, the small-amount rule):
 * the declaration owes nothing, is released without a payment, and says what was not collected; a correction that
 * takes it above the limit charges all of it.
 */
class SmallTaxWaiverIntegrationTests extends CustomsDeskTestCase {

	/** Two processors at the zone's usual 20 USD, CIF: about 284 CNY, no duty, import VAT 13 % about 37 CNY. */
	static final String TWO_PROCESSORS = """
			{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"US",
			 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":1,
			 "grossWeight":0.2,"netWeight":0.1,
			 "items":[{"hsCode":"8542319000","description":"processors","quantity":2,"unit":"C62","value":40,"origin":"US"}]}""";

	@Test
	void aConsignmentsImportVatOfFiftyYuanOrLessIsNotChargedAndItsGoodsGoWithoutAPayment() throws Exception {
		String cleared = desk.submitted(TWO_PROCESSORS);
		String id = JsonPath.read(cleared, "$.id");
		BigDecimal value = amount(cleared, "$.totalCustomsValue");
		BigDecimal vat = value.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP);
		assertThat(vat).isPositive().isLessThanOrEqualTo(new BigDecimal("50"));

		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		assertThat(amount(cleared, "$.totalVat")).isZero();
		assertThat(amount(cleared, "$.totalTaxes")).isZero();
		assertThat(amount(cleared, "$.items[0].vat")).isZero();
		assertThat(amount(cleared, "$.taxesWaived.vat")).isEqualByComparingTo(vat);
		assertThat(amount(cleared, "$.taxesWaived.duty")).isZero();
		assertThat(JsonPath.<Object>read(cleared, "$.duties")).isNull();
		assertThat(JsonPath.<java.util.List<String>>read(cleared, "$.items[0].steps"))
			.contains("VAT not collected: the consignment's VAT " + vat.toPlainString() + " is 50 CNY or less");
		// the declarant reads it on its page
		assertThat(desk.page("trader.chip", "/declarations/" + id)).contains("id=\"assessment-waived\"")
			.contains("Not collected, 50 CNY or less of the consignment (import VAT " + vat.toPlainString() + ")");

		// and on the response it prints and keeps, on the page and in the PDF
		assertThat(desk.page("trader.chip", "/declarations/" + id + "/response")).contains("id=\"response-waived\"")
			.contains("Not collected, 50 CNY or less of the consignment (import VAT " + vat.toPlainString() + ")");
		byte[] pdf = desk.download("trader.chip", "/declarations/" + id + "/response.pdf");
		assertThat(io.singlewindow.PrintedDocuments.text(pdf)).contains("免征 Waived (≤ 50)")
			.contains(vat.toPlainString());

		desk.release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
	}

	@Test
	void aCorrectionThatTakesTheVatAboveFiftyYuanChargesAllOfItOnANoticeOfItsOwnThatTheReleaseWaitsFor()
			throws Exception {
		String cleared = desk.submitted(TWO_PROCESSORS);
		String id = JsonPath.read(cleared, "$.id");

		// the seller's invoice was 400 USD, not 40: the VAT is now about 370 CNY, all of it owed
		String corrected = body(desk.correct(id, 1, "400").andExpect(status().isOk()));
		BigDecimal vat = amount(corrected, "$.totalCustomsValue").multiply(new BigDecimal("0.13"))
			.setScale(2, RoundingMode.HALF_UP);

		assertThat(amount(corrected, "$.totalVat")).isEqualByComparingTo(vat);
		assertThat(amount(corrected, "$.totalTaxes")).isEqualByComparingTo(vat);
		assertThat(amount(corrected, "$.taxesWaived.vat")).isZero();
		assertThat(amount(corrected, "$.corrections[0].taxesBefore")).isZero();
		assertThat(amount(corrected, "$.corrections[0].taxesAfter")).isEqualByComparingTo(vat);
		// nothing was owed at the clearance, so the correction asks on a notice of its own, paid by its own day
		assertThat(JsonPath.<String>read(corrected, "$.corrections[0].difference.kind")).isEqualTo("COLLECT");
		assertThat(amount(corrected, "$.corrections[0].difference.amount")).isEqualByComparingTo(vat);
		assertThat(amount(corrected, "$.duties.taxes")).isZero();
		assertThat(amount(corrected, "$.duties.differencesUnpaid")).isEqualByComparingTo(vat);
		assertThat(JsonPath.<Object>read(corrected, "$.duties.payBy")).isNull();

		// the release waits for it, and the page says so rather than offering the release or a first notice's payment
		desk.release(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DIFFERENCE_UNPAID"));
		String page = desk.page("officer.customs", "/declarations/" + id);
		assertThat(page).contains("id=\"release-waits\"").doesNotContain("id=\"release\"")
			.doesNotContain("id=\"record-payment\"").doesNotContain("id=\"accept-guarantee\"")
			.doesNotContain("id=\"duties-pay-by\"")
			.contains("the consignment owed no duties or taxes at its clearance");
		assertThat(desk.listedDuties(JsonPath.read(corrected, "$.number"))).isEqualTo("A correction's taxes due");

		String correction = JsonPath.read(corrected, "$.corrections[0].id");
		desk.money("officer.customs", "corrections/" + correction + "/settlement", id, vat.toPlainString(), null,
				"BANK-2026-0415").andExpect(status().isOk());
		desk.release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
	}

	@Test
	void aGuaranteeForTaxesACorrectionTakesToFiftyYuanOrLessIsReturnedAndNeverCalledOn() throws Exception {
		// three processors at 20 USD: about 426 CNY, import VAT about 55 CNY, owed
		String cleared = desk.submitted(TWO_PROCESSORS.replace("\"quantity\":2", "\"quantity\":3")
			.replace("\"value\":40", "\"value\":60"));
		String id = JsonPath.read(cleared, "$.id");
		String number = JsonPath.read(cleared, "$.number");
		BigDecimal vat = amount(cleared, "$.totalVat");
		assertThat(vat).isGreaterThan(new BigDecimal("50"));
		desk.guarantee("officer.customs", id, "DEPOSIT", vat.toPlainString(), null, "DEP-2026-0099")
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.state").value("HELD"));

		// the seller's credit note: two of the three were free samples, 40 USD in all; the VAT is not collected
		String corrected = body(desk.correct(id, 1, "40").andExpect(status().isOk()));

		assertThat(amount(corrected, "$.totalTaxes")).isZero();
		assertThat(amount(corrected, "$.taxesWaived.vat")).isPositive();
		assertThat(amount(corrected, "$.duties.taxes")).isZero();
		assertThat(JsonPath.<String>read(corrected, "$.duties.guarantee.state")).isEqualTo("RETURNED");
		assertThat(JsonPath.<Boolean>read(corrected, "$.duties.guarantee.discharged")).isTrue();
		assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("id=\"duties-guarantee\"")
			.contains("Returned").doesNotContain("id=\"record-payment\"").doesNotContain("id=\"duties-pay-by\"");
		assertThat(desk.listedDuties(number)).isEqualTo("None owed");
		assertThat(desk.page("trader.chip", "/declarations/" + id + "/response"))
			.containsPattern("id=\"response-duties\"[^>]*>None owed<");
		assertThat(io.singlewindow.PrintedDocuments.text(desk.download("trader.chip",
				"/declarations/" + id + "/response.pdf")).replaceAll("\\s+", " "))
			.contains("首次缴款书无应缴税款 nothing owed on the first notice · 担保已退还 guarantee returned DEP-2026-0099");
		// long after the last day it would have had, customs is not sent to call on it
		clock.pin(time.now().plus(java.time.Duration.ofDays(70)));
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + number)).contains("id=\"guarantee-queue\"")
			.doesNotContain("id=\"guarantee-" + number + "\"");
		assertThat(JsonPath.<String>read(desk.view("officer.customs", id), "$.duties.guarantee.state"))
			.isEqualTo("RETURNED");
		desk.release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
	}
}
