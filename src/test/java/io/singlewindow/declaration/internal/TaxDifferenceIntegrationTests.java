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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.calendar.ZoneCalendar;

/**
 * A correction customs makes once the duties were paid or the goods released is a notice of its own: the duties and
 * taxes it adds are collected (补税) with their own last day to pay, and what it takes off is refunded (退税); a
 * correction made before the payment changes what the first notice asks instead. A declaration released before the
 * platform recorded payments does not claim its duties unpaid.
 */
class TaxDifferenceIntegrationTests extends CustomsDeskTestCase {

	@Autowired
	ZoneCalendar calendar;

	@Test
	void taxesACorrectionAddsAfterThePaymentAreCollectedOnANoticeOfTheirOwnBeforeTheGoodsAreReleased()
			throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal firstNotice = amount(desk.view("trader.chip", id), "$.duties.taxes");
		pay(id, firstNotice.toPlainString(), null, "ICBC-20261204-0001").andExpect(status().isOk());
		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated())), "$.id");
		try {
			// An audit found line 1 was bought for 3,600 USD, not 3,000.
			desk.correct(id, 1, "3600").andExpect(status().isOk());
			String seen = desk.view("trader.chip", id);
			BigDecimal difference = amount(seen, "$.corrections[0].taxDifference");
			assertThat(difference).isPositive();
			assertThat(amount(seen, "$.totalTaxes")).isEqualByComparingTo(firstNotice.add(difference));
			assertThat(amount(seen, "$.duties.taxes")).as("the first notice asks what it asked, and it is paid")
				.isEqualByComparingTo(firstNotice);
			assertThat(amount(seen, "$.duties.amountDue")).isZero();
			LocalDate today = time.today();
			assertThat(JsonPath.<String>read(seen, "$.corrections[0].difference.kind")).isEqualTo("COLLECT");
			assertThat(amount(seen, "$.corrections[0].difference.amount")).isEqualByComparingTo(difference);
			assertThat(JsonPath.<String>read(seen, "$.corrections[0].difference.noticeOn")).isEqualTo(today.toString());
			assertThat(JsonPath.<String>read(seen, "$.corrections[0].difference.payBy"))
				.isEqualTo(DutyPaymentTerms.payBy(today, calendar.current()).toString());
			assertThat(amount(seen, "$.corrections[0].difference.amountDue")).isEqualByComparingTo(difference);
			assertThat(JsonPath.<Object>read(seen, "$.corrections[0].difference.payment")).isNull();
			assertThat(amount(seen, "$.duties.differencesUnpaid")).isEqualByComparingTo(difference);
			String correction = JsonPath.read(seen, "$.corrections[0].id");

			desk.release(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DIFFERENCE_UNPAID"));
			for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
				settle(stranger, id, correction, difference.toPlainString(), null, "ICBC-2").andExpect(status().isForbidden());
			}
			settle("officer.customs", id, correction, firstNotice.toPlainString(), null, "ICBC-2")
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
				.andExpect(jsonPath("$.errors[0].code").value("SETTLEMENT_AMOUNT_DIFFERS"))
				.andExpect(jsonPath("$.errors[0].message")
					.value(org.hamcrest.Matchers.containsString(difference.toPlainString())));
			settle("officer.customs", id, correction, difference.toPlainString(), today.minusDays(1).toString(), "ICBC-2")
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("paidOn"))
				.andExpect(jsonPath("$.errors[0].code").value("SETTLEMENT_BEFORE_NOTICE"));
			settle("officer.customs", id, correction, difference.toPlainString(), today.plusDays(1).toString(), "ICBC-2")
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].code")
					.value("PAYMENT_DATE_IN_FUTURE"));
			settle("officer.customs", id, "00000000-0000-0000-0000-000000000001", difference.toPlainString(), null,
					"ICBC-2").andExpect(status().isNotFound());
			settle("officer.customs", id, "not-an-id", difference.toPlainString(), null, "ICBC-2")
				.andExpect(status().is4xxClientError());
			assertThat(JsonPath.<Object>read(desk.view("trader.chip", id), "$.corrections[0].difference.payment"))
				.as("nothing refused is kept").isNull();

			int version = JsonPath.read(desk.view("trader.chip", id), "$.version");
			String settled = body(settle("officer.customs", id, correction, difference.toPlainString(), null,
					"ICBC-20261204-0002").andExpect(status().isOk()));
			assertThat(JsonPath.<Integer>read(settled, "$.version")).isEqualTo(version + 1);
			assertThat(amount(settled, "$.corrections[0].difference.payment.amount")).isEqualByComparingTo(difference);
			assertThat(JsonPath.<String>read(settled, "$.corrections[0].difference.payment.reference"))
				.isEqualTo("ICBC-20261204-0002");
			assertThat(JsonPath.<String>read(settled, "$.corrections[0].difference.payment.paidOn"))
				.isEqualTo(today.toString());
			assertThat(amount(settled, "$.corrections[0].difference.amountDue")).isZero();
			assertThat(amount(settled, "$.duties.differencesUnpaid")).isZero();
			settle("officer.customs", id, correction, difference.toPlainString(), today.toString(), "ICBC-20261204-0002")
				.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version + 1));
			settle("officer.customs", id, correction, difference.toPlainString(), null, "ICBC-20261204-0003")
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DIFFERENCE_ALREADY_SETTLED"));

			desk.release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
			assertThat(JsonPath.<List<String>>read(desk.view("trader.chip", id),
					"$.timeline[?(@.event == 'DIFFERENCE_COLLECTED')].reason"))
				.as("the bank's notice come again is recorded once").containsExactly("ICBC-20261204-0002");
			assertThat(desk.audited(id)).containsExactly("DECLARATION_DUTIES_PAID by officer.customs",
					"DECLARATION_CORRECTED by officer.customs", "DECLARATION_DIFFERENCE_SETTLED by officer.customs",
					"DECLARATION_RELEASED by officer.customs");
			assertThat(jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid
					ORDER BY created_at""").params(webhook, id).query(String.class).list())
				.filteredOn(p -> p.contains("declaration.difference.settled")).singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.kind")).isEqualTo("COLLECT"))
				.satisfies(p -> assertThat(amount(p, "$.amount")).isEqualByComparingTo(difference))
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.correctionId")).isEqualTo(correction))
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.reference")).isEqualTo("ICBC-20261204-0002"));
		}
		finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
	}

	@Test
	void taxesACorrectionTakesOffTheReleasedGoodsAreRefundedAndCustomsRecordsTheRefund() throws Exception {
		String id = desk.cleared("3000", "1000");
		pay(id, amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString(), null, "ICBC-7")
			.andExpect(status().isOk());
		desk.release(id).andExpect(status().isOk());
		desk.correct(id, 1, "2500").andExpect(status().isOk());

		String seen = desk.view("trader.chip", id);
		BigDecimal refund = amount(seen, "$.corrections[0].taxDifference").negate();
		assertThat(refund).isPositive();
		assertThat(JsonPath.<String>read(seen, "$.corrections[0].difference.kind")).isEqualTo("REFUND");
		assertThat(amount(seen, "$.corrections[0].difference.amount")).isEqualByComparingTo(refund);
		assertThat(JsonPath.<Object>read(seen, "$.corrections[0].difference.payBy")).as("customs refunds: no last day")
			.isNull();
		assertThat(amount(seen, "$.corrections[0].difference.amountDue")).isEqualByComparingTo(refund);
		assertThat(amount(seen, "$.duties.differencesUnpaid")).as("a refund owes the declarant, not customs").isZero();
		String correction = JsonPath.read(seen, "$.corrections[0].id");

		settle("officer.customs", id, correction, refund.add(BigDecimal.ONE).toPlainString(), null, "REFUND-1")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("SETTLEMENT_AMOUNT_DIFFERS"));
		String refunded = body(settle("officer.customs", id, correction, refund.toPlainString(), null, "REFUND-1")
			.andExpect(status().isOk()));
		assertThat(amount(refunded, "$.corrections[0].difference.payment.amount")).isEqualByComparingTo(refund);
		assertThat(amount(refunded, "$.corrections[0].difference.amountDue")).isZero();
		assertThat(JsonPath.<List<String>>read(refunded, "$.timeline[*].event")).contains("DIFFERENCE_REFUNDED")
			.doesNotContain("DIFFERENCE_COLLECTED");
		assertThat(JsonPath.<String>read(refunded, "$.status")).isEqualTo("RELEASED");
	}

	@Test
	void aCorrectionBeforeThePaymentChangesWhatTheFirstNoticeAsks() throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal asked = amount(desk.view("trader.chip", id), "$.duties.taxes");
		desk.correct(id, 1, "2500").andExpect(status().isOk());

		String seen = desk.view("trader.chip", id);
		assertThat(JsonPath.<Object>read(seen, "$.corrections[0].difference")).as("no notice of its own").isNull();
		BigDecimal now = amount(seen, "$.duties.taxes");
		assertThat(now).isEqualByComparingTo(amount(seen, "$.totalTaxes")).isLessThan(asked);
		String correction = JsonPath.read(seen, "$.corrections[0].id");
		settle("officer.customs", id, correction, asked.subtract(now).toPlainString(), null, "X-1")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NO_DIFFERENCE_DUE"));
		pay(id, asked.toPlainString(), null, "ICBC-8").andExpect(status().isUnprocessableContent());
		pay(id, now.toPlainString(), null, "ICBC-8").andExpect(status().isOk());
		desk.release(id).andExpect(status().isOk());
	}

	@Test
	void customsRecordsTheCollectionOnTheDeclarationsPage() throws Exception {
		String id = desk.cleared("3000", "1000");
		pay(id, amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString(), null, "ICBC-9")
			.andExpect(status().isOk());
		desk.correct(id, 2, "1400").andExpect(status().isOk());
		String seen = desk.view("officer.customs", id);
		String correction = JsonPath.read(seen, "$.corrections[0].id");
		BigDecimal difference = amount(seen, "$.corrections[0].difference.amount");

		String page = desk.page("officer.customs", "/declarations/" + id);
		assertThat(page).contains("id=\"difference-" + correction + "\"").contains("On a notice of its own (补税)")
			.contains("action=\"/declarations/" + id + "/corrections/" + correction + "/settlement\"");
		assertThat(desk.page("trader.chip", "/declarations/" + id)).contains("id=\"difference-" + correction + "\"")
			.doesNotContain("/corrections/" + correction + "/settlement\"");

		MockHttpServletResponse refused = desk.pagePost("officer.customs",
				"/declarations/" + id + "/corrections/" + correction + "/settlement",
				Map.of("amount", "1", "reference", "ICBC-10"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains(difference.toPlainString());
		MockHttpServletResponse recorded = desk.pagePost("officer.customs",
				"/declarations/" + id + "/corrections/" + correction + "/settlement",
				Map.of("amount", difference.toPlainString(), "reference", "ICBC-10"));
		assertThat(recorded.getStatus()).isEqualTo(302);
		assertThat(recorded.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=DIFFERENCE_COLLECTED");
		assertThat(JsonPath.<String>read(desk.view("trader.chip", id), "$.corrections[0].difference.payment.reference"))
			.isEqualTo("ICBC-10");
		assertThat(desk.page("trader.chip", "/declarations/" + id + "/response"))
			.as("the printable response says the correction's notice is settled")
			.contains("id=\"response-difference-" + correction + "\"").contains("Collected (补税)").contains("ICBC-10");
	}

	@Test
	void aDeclarationReleasedBeforePaymentsWereRecordedDoesNotClaimItsDutiesUnpaid() throws Exception {
		String id = desk.cleared("3000", "1000");
		// As the platform released goods before it recorded payments: released, and no payment on record.
		jdbc.sql("UPDATE declaration SET status = 'RELEASED', released_at = now() WHERE id = ?::uuid").param(id).update();

		String seen = desk.view("trader.chip", id);
		assertThat(JsonPath.<Boolean>read(seen, "$.duties.paymentUnrecorded")).isTrue();
		assertThat(amount(seen, "$.duties.amountDue")).isZero();
		assertThat(JsonPath.<Boolean>read(seen, "$.duties.overdue")).isFalse();
		assertThat(JsonPath.<Object>read(seen, "$.duties.payment")).isNull();
		assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("not on record")
			.doesNotContain("action=\"/declarations/" + id + "/duty-payment\"");
		assertThat(desk.page("trader.chip", "/declarations/" + id + "/response")).contains("not on record");
	}

	private ResultActions pay(String id, String amount, String paidOn, String reference) throws Exception {
		return desk.money("officer.customs", "duty-payment", id, amount, paidOn, reference);
	}

	private ResultActions settle(String user, String id, String correction, String amount, String paidOn,
			String reference) throws Exception {
		return desk.money(user, "corrections/" + correction + "/settlement", id, amount, paidOn, reference);
	}
}
