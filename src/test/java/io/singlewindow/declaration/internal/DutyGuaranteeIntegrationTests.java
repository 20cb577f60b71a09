package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static io.singlewindow.declaration.internal.CustomsDesk.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Customs releases goods before their duties are paid against a guarantee that covers them (担保放行: a bank's letter of
 * guarantee, 保函, valid at least to the last day to pay, or a cash deposit, 保证金): the duties stay owed by their last
 * day, and their payment discharges the guarantee.
 */
class DutyGuaranteeIntegrationTests extends CustomsDeskTestCase {

	@Test
	void customsReleasesTheGoodsAgainstABankGuaranteeAndTheDutiesAreStillPaidByTheirLastDay() throws Exception {
		String id = desk.cleared("3000", "1000");
		String owed = desk.view("trader.chip", id);
		BigDecimal due = amount(owed, "$.duties.amountDue");
		LocalDate payBy = LocalDate.parse(JsonPath.read(owed, "$.duties.payBy"));
		desk.release(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUTIES_UNPAID"));

		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
			guarantee(stranger, id, "BANK_GUARANTEE", due.toPlainString(), payBy.plusDays(30).toString(), "BOC-LG-1")
				.andExpect(status().isForbidden());
		}
		guarantee("officer.customs", id, "BANK_GUARANTEE", due.subtract(new BigDecimal("0.01")).toPlainString(),
				payBy.plusDays(30).toString(), "BOC-LG-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_TOO_SMALL"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(due.toPlainString())));
		guarantee("officer.customs", id, "DEPOSIT", "1e999999999", null, "BOC-LG-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("TOO_LARGE"));
		guarantee("officer.customs", id, "BANK_GUARANTEE", due.toPlainString(), payBy.minusDays(1).toString(), "BOC-LG-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("validUntil"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_EXPIRES_TOO_SOON"));
		guarantee("officer.customs", id, "BANK_GUARANTEE", due.toPlainString(), null, "BOC-LG-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("validUntil"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		guarantee("officer.customs", id, "CHEQUE", due.toPlainString(), null, "BOC-LG-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_KIND_UNKNOWN"));
		guarantee("officer.customs", id, "BANK_GUARANTEE", due.toPlainString(), payBy.plusDays(30).toString(), " ")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reference"));
		assertThat(JsonPath.<Object>read(desk.view("officer.customs", id), "$.duties.guarantee")).as("nothing refused is kept")
			.isNull();

		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated())), "$.id");
		String guaranteed;
		try {
			guaranteed = body(guarantee("officer.customs", id, "BANK_GUARANTEE", due.toPlainString(),
					payBy.plusDays(30).toString(), "BOC-LG-20261204-11").andExpect(status().isOk()));
			assertThat(jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid""")
				.params(webhook, id).query(String.class).list()).singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.type")).isEqualTo("declaration.duties.guaranteed"))
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.kind")).isEqualTo("BANK_GUARANTEE"))
				.satisfies(p -> assertThat(amount(p, "$.amount")).isEqualByComparingTo(due));
		}
		finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
		assertThat(JsonPath.<String>read(guaranteed, "$.duties.guarantee.kind")).isEqualTo("BANK_GUARANTEE");
		assertThat(JsonPath.<String>read(guaranteed, "$.duties.guarantee.reference")).isEqualTo("BOC-LG-20261204-11");
		assertThat(JsonPath.<String>read(guaranteed, "$.duties.guarantee.validUntil"))
			.isEqualTo(payBy.plusDays(30).toString());
		assertThat(JsonPath.<Boolean>read(guaranteed, "$.duties.guarantee.discharged")).isFalse();
		int version = JsonPath.read(guaranteed, "$.version");
		assertThat(version).isEqualTo(JsonPath.<Integer>read(owed, "$.version") + 1);
		guarantee("officer.customs", id, "BANK_GUARANTEE", due.toPlainString(), payBy.plusDays(30).toString(),
				"BOC-LG-20261204-11").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version));
		guarantee("officer.customs", id, "DEPOSIT", due.toPlainString(), null, "DEP-2")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUTIES_ALREADY_GUARANTEED"));

		desk.release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
		String released = desk.view("trader.chip", id);
		assertThat(amount(released, "$.duties.amountDue")).as("released, still owed").isEqualByComparingTo(due);
		assertThat(JsonPath.<String>read(released, "$.duties.payBy")).isEqualTo(payBy.toString());
		assertThat(JsonPath.<Boolean>read(released, "$.duties.paymentUnrecorded")).isFalse();
		assertThat(JsonPath.<Object>read(released, "$.duties.payment")).isNull();

		mvc.perform(post("/api/v1/declarations/{id}/duty-payment", id)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + due.toPlainString() + ",\"reference\":\"ICBC-20261204-0031\"}"))
			.andExpect(status().isOk());
		String paid = desk.view("trader.chip", id);
		assertThat(JsonPath.<Boolean>read(paid, "$.duties.guarantee.discharged")).as("the payment discharges it").isTrue();
		assertThat(amount(paid, "$.duties.amountDue")).isZero();
		assertThat(JsonPath.<List<String>>read(paid, "$.timeline[*].event")).containsSubsequence("DUTIES_GUARANTEED",
				"RELEASED", "DUTIES_PAID");
		assertThat(desk.audited(id)).containsExactly("DECLARATION_DUTIES_GUARANTEED by officer.customs",
				"DECLARATION_RELEASED by officer.customs", "DECLARATION_DUTIES_PAID by officer.customs");
	}

	@Test
	void aCashDepositNeedsNoExpiryAndOnlyDutiesOwedAndUnpaidAreGuaranteed() throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		guarantee("officer.customs", id, "DEPOSIT", due.add(new BigDecimal("100")).toPlainString(), null, "DEP-7")
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.kind").value("DEPOSIT"));
		desk.release(id).andExpect(status().isOk());
		guarantee("officer.customs", id, "DEPOSIT", due.toPlainString(), null, "DEP-8").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_CLEARED"));

		String paidFirst = desk.cleared("3000", "1000");
		BigDecimal owed = amount(desk.view("officer.customs", paidFirst), "$.duties.amountDue");
		mvc.perform(post("/api/v1/declarations/{id}/duty-payment", paidFirst)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + owed.toPlainString() + ",\"reference\":\"ICBC-9\"}")).andExpect(status().isOk());
		guarantee("officer.customs", paidFirst, "DEPOSIT", owed.toPlainString(), null, "DEP-9")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUTIES_ALREADY_PAID"));
	}

	@Test
	void aCorrectionThatRaisesTheDutiesAboveTheGuaranteeMakesTheReleaseWaitForThePaymentAgain() throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		guarantee("officer.customs", id, "DEPOSIT", due.toPlainString(), null, "DEP-11").andExpect(status().isOk());
		desk.correct(id, 1, "3600").andExpect(status().isOk());

		String corrected = desk.view("officer.customs", id);
		assertThat(amount(corrected, "$.duties.taxes")).as("unpaid: the first notice takes the correction in")
			.isGreaterThan(due);
		desk.release(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUTIES_UNPAID"));
		assertThat(desk.page("officer.customs", "/declarations/" + id)).doesNotContain("id=\"release\"")
			.contains("id=\"release-waits\"");
		mvc.perform(post("/api/v1/declarations/{id}/duty-payment", id)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + amount(corrected, "$.duties.amountDue") + ",\"reference\":\"ICBC-11\"}"))
			.andExpect(status().isOk());
		desk.release(id).andExpect(status().isOk());
	}

	@Test
	void customsAcceptsTheGuaranteeOnTheDeclarationsPageAndReleaseIsThenOffered() throws Exception {
		String id = desk.cleared("3000", "1000");
		String page = desk.page("officer.customs", "/declarations/" + id);
		assertThat(page).contains("action=\"/declarations/" + id + "/duty-guarantee\"").doesNotContain("id=\"release\"");
		assertThat(desk.page("trader.chip", "/declarations/" + id)).doesNotContain("/duty-guarantee\"");

		MockHttpServletResponse refused = desk.pagePost("officer.customs", "/declarations/" + id + "/duty-guarantee",
				Map.of("kind", "DEPOSIT", "amount", "1", "reference", "DEP-1"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"guarantee-error\"");
		MockHttpServletResponse accepted = desk.pagePost("officer.customs", "/declarations/" + id + "/duty-guarantee",
				Map.of("kind", "DEPOSIT", "amount", amount(desk.view("officer.customs", id), "$.duties.amountDue")
					.toPlainString(), "reference", "DEP-1"));
		assertThat(accepted.getStatus()).isEqualTo(302);
		assertThat(accepted.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=DUTIES_GUARANTEED");
		assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("id=\"release\"")
			.contains("id=\"duties-guarantee\"");
	}

	/**
	 * A letter's last day beyond any calendar — the number 2147483647, which a JSON reader took for that many days
	 * after 1970 (year 5,881,580), or such a year written out — is refused at its field, in the API and on the page;
	 * it was stored until PostgreSQL refused the date, a 500 (hostile pass, seed 20261314).
	 */
	@Test
	void aLetterValidBeyondAnyCalendarIsRefusedAtItsFieldNotAnswered500() throws Exception {
		String id = desk.cleared("3000", "1000");
		String amount = amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString();
		for (String validUntil : List.of("2147483647", "\"+5881580-07-11\"", "\"0000-01-01\"", "[2027, 1, 31]")) {
			mvc.perform(post("/api/v1/declarations/{id}/duty-guarantee", id)
				.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"BANK_GUARANTEE\",\"amount\":" + amount + ",\"validUntil\":" + validUntil
						+ ",\"reference\":\"BOC-FAR-1\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("validUntil"))
				.andExpect(jsonPath("$.errors[0].code").value("DATE_FORMAT"));
		}
		MockHttpServletResponse page = desk.pagePost("officer.customs", "/declarations/" + id + "/duty-guarantee",
				Map.of("kind", "BANK_GUARANTEE", "amount", amount, "validUntil", "+5881580-07-11", "reference",
						"BOC-FAR-1"));
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"guarantee-error\"");
		assertThat(JsonPath.<Object>read(desk.view("officer.customs", id), "$.duties.guarantee")).as("none taken")
			.isNull();
	}

	private ResultActions guarantee(String user, String id, String kind, String amount, String validUntil,
			String reference) throws Exception {
		return desk.guarantee(user, id, kind, amount, validUntil, reference);
	}
}
