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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * A declaration customs cancels after its duties were paid (the goods returned, a declaration made twice) owes them
 * back (退税): the taxes paid, with what corrections collected since and less what they refunded; customs records the
 * refund as its bank paid it.
 */
class DutyRefundIntegrationTests extends CustomsDeskTestCase {

	@Test
	void aPaidDeclarationCancelledOwesItsDutiesBackAndCustomsRecordsTheRefund() throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal taxes = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		refund("officer.customs", id, taxes.toPlainString(), "BOC-R-1").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_CANCELLED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is not cancelled (Cleared)")));
		pay(id, taxes.toPlainString(), "ICBC-31").andExpect(status().isOk());
		cancel(id).andExpect(status().isOk());

		String cancelled = desk.view("trader.chip", id);
		assertThat(amount(cancelled, "$.duties.refundDue")).as("the taxes paid, back").isEqualByComparingTo(taxes);
		assertThat(JsonPath.<Object>read(cancelled, "$.duties.refund")).isNull();
		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
			refund(stranger, id, taxes.toPlainString(), "BOC-R-1").andExpect(status().isForbidden());
		}
		refund("officer.customs", id, taxes.add(BigDecimal.ONE).toPlainString(), "BOC-R-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("REFUND_AMOUNT_DIFFERS"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(taxes.toPlainString())));
		refund("officer.customs", id, "1e999999999", "BOC-R-1").andExpect(status().isUnprocessableContent());

		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated())), "$.id");
		String refunded;
		try {
			refunded = body(refund("officer.customs", id, taxes.toPlainString(), "BOC-R-20261204-1")
				.andExpect(status().isOk()));
			assertThat(jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid""")
				.params(webhook, id).query(String.class).list()).singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.type")).isEqualTo("declaration.duties.refunded"))
				.satisfies(p -> assertThat(amount(p, "$.amount")).isEqualByComparingTo(taxes));
		}
		finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
		assertThat(amount(refunded, "$.duties.refund.amount")).isEqualByComparingTo(taxes);
		assertThat(JsonPath.<String>read(refunded, "$.duties.refund.reference")).isEqualTo("BOC-R-20261204-1");
		assertThat(amount(refunded, "$.duties.refundDue")).as("nothing more to refund").isZero();
		int version = JsonPath.read(refunded, "$.version");
		refund("officer.customs", id, taxes.toPlainString(), "BOC-R-20261204-1").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version));
		refund("officer.customs", id, taxes.toPlainString(), "BOC-R-2").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DUTIES_ALREADY_REFUNDED"));
		assertThat(JsonPath.<List<String>>read(refunded, "$.timeline[*].event")).containsSubsequence("DUTIES_PAID",
				"CANCELLED", "DUTIES_REFUNDED");
		assertThat(desk.audited(id)).endsWith("DECLARATION_CANCELLED by officer.customs",
				"DECLARATION_DUTIES_REFUNDED by officer.customs");
	}

	@Test
	void whatACorrectionCollectedIsRefundedWithTheDutiesAndADeclarationCancelledUnpaidOwesNothingBack()
			throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal taxes = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		pay(id, taxes.toPlainString(), "ICBC-41").andExpect(status().isOk());
		desk.correct(id, 1, "3600").andExpect(status().isOk());
		String corrected = desk.view("officer.customs", id);
		BigDecimal added = amount(corrected, "$.corrections[0].difference.amount");
		mvc.perform(post("/api/v1/declarations/{id}/corrections/{c}/settlement", id,
				JsonPath.<String>read(corrected, "$.corrections[0].id"))
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + added.toPlainString() + ",\"reference\":\"ICBC-42\"}"))
			.andExpect(status().isOk());
		cancel(id).andExpect(status().isOk());
		assertThat(amount(desk.view("trader.chip", id), "$.duties.refundDue"))
			.as("the first notice's taxes and what the correction collected").isEqualByComparingTo(taxes.add(added));

		String unpaid = desk.cleared("3000", "1000");
		cancel(unpaid).andExpect(status().isOk());
		assertThat(JsonPath.<Object>read(desk.view("trader.chip", unpaid), "$.duties")).isNull();
		refund("officer.customs", unpaid, "1", "BOC-R-9").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOTHING_TO_REFUND"));
	}

	@Test
	void customsRecordsTheRefundOnTheCancelledDeclarationsPage() throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal taxes = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		pay(id, taxes.toPlainString(), "ICBC-51").andExpect(status().isOk());
		cancel(id).andExpect(status().isOk());

		assertThat(desk.page("officer.customs", "/declarations/" + id))
			.contains("action=\"/declarations/" + id + "/duty-refund\"").contains("id=\"duties-refund-due\"");
		assertThat(desk.page("trader.chip", "/declarations/" + id)).contains("id=\"duties-refund-due\"")
			.doesNotContain("/duty-refund\"");
		MockHttpServletResponse refused = desk.pagePost("officer.customs", "/declarations/" + id + "/duty-refund",
				Map.of("amount", "1", "reference", "BOC-R-5"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"refund-error\"");
		MockHttpServletResponse recorded = desk.pagePost("officer.customs", "/declarations/" + id + "/duty-refund",
				Map.of("amount", taxes.toPlainString(), "reference", "BOC-R-5"));
		assertThat(recorded.getStatus()).isEqualTo(302);
		assertThat(recorded.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=DUTIES_REFUNDED");
		assertThat(desk.page("trader.chip", "/declarations/" + id)).contains("id=\"duties-refunded\"");
	}

	private ResultActions pay(String id, String amount, String reference) throws Exception {
		return desk.money("officer.customs", "duty-payment", id, amount, null, reference);
	}

	private ResultActions cancel(String id) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/cancellation", id)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"The goods went back to the seller\"}"));
	}

	private ResultActions refund(String user, String id, String amount, String reference) throws Exception {
		return desk.money(user, "duty-refund", id, amount, null, reference);
	}
}
