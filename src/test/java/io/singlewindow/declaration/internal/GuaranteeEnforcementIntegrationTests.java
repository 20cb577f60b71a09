package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static io.singlewindow.declaration.internal.CustomsDesk.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * What becomes of a guarantee customs released goods against (担保放行): the declarant pays by the last day and it is
 * discharged; the last day passes unpaid and customs takes the duties, with the late-payment surcharge, from the
 * deposit or from the bank under its letter (从担保中抵缴, the Regulations on Customs Guarantees); the declaration is
 * cancelled unpaid and it is returned.
 */
class GuaranteeEnforcementIntegrationTests extends CustomsDeskTestCase {

	@Test
	void theLastDayPassedUnpaidCustomsTakesTheDutiesAndTheSurchargeFromTheDeposit() throws Exception {
		String id = desk.cleared("3000", "1000");
		String owed = desk.view("officer.customs", id);
		BigDecimal taxes = amount(owed, "$.duties.taxes");
		LocalDate payBy = LocalDate.parse(JsonPath.read(owed, "$.duties.payBy"));
		guarantee(id, "DEPOSIT", taxes.add(new BigDecimal("500")), null, "DEP-2026-31").andExpect(status().isOk())
			.andExpect(jsonPath("$.duties.guarantee.state").value("HELD"));
		desk.release(id).andExpect(status().isOk());

		enforce("officer.customs", id, taxes, null, "DEP-2026-31").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].code").value("DUTIES_NOT_YET_OVERDUE"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(payBy.toString())));

		clock.pin(time.now().plus(Duration.ofDays(70)));
		LocalDate today = time.today();
		BigDecimal surcharge = taxes.multiply(new BigDecimal("0.0005"))
			.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(payBy, today))).setScale(2, RoundingMode.HALF_UP);
		assertThat(surcharge).as("over the 50 CNY below which none is collected").isGreaterThan(new BigDecimal("50"));
		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
			enforce(stranger, id, taxes.add(surcharge), null, "DEP-2026-31").andExpect(status().isForbidden());
		}
		enforce("officer.customs", id, taxes, null, "DEP-2026-31").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_AMOUNT_DIFFERS"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString(taxes.add(surcharge).toPlainString())));
		enforce("officer.customs", id, taxes.add(surcharge), today.plusDays(1), "DEP-2026-31")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_DATE_IN_FUTURE"));
		assertThat(JsonPath.<String>read(desk.view("officer.customs", id), "$.duties.guarantee.state"))
			.as("nothing refused is kept").isEqualTo("HELD");

		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated())), "$.id");
		String enforced;
		try {
			enforced = body(enforce("officer.customs", id, taxes.add(surcharge), null, "DEP-2026-31-TAKEN")
				.andExpect(status().isOk()));
			assertThat(jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid""")
				.params(webhook, id).query(String.class).list()).singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.type")).isEqualTo("declaration.guarantee.enforced"))
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.kind")).isEqualTo("DEPOSIT"))
				.satisfies(p -> assertThat(amount(p, "$.amount")).isEqualByComparingTo(taxes.add(surcharge)));
		}
		finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
		assertThat(JsonPath.<String>read(enforced, "$.duties.guarantee.state")).isEqualTo("ENFORCED");
		assertThat(JsonPath.<Boolean>read(enforced, "$.duties.guarantee.discharged")).as("taken, not given back")
			.isFalse();
		assertThat(amount(enforced, "$.duties.payment.amount")).isEqualByComparingTo(taxes.add(surcharge));
		assertThat(amount(enforced, "$.duties.surcharge")).isEqualByComparingTo(surcharge);
		assertThat(amount(enforced, "$.duties.amountDue")).isZero();
		assertThat(JsonPath.<Boolean>read(enforced, "$.duties.overdue")).isFalse();
		int version = JsonPath.read(enforced, "$.version");
		enforce("officer.customs", id, taxes.add(surcharge), null, "DEP-2026-31-TAKEN").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version));
		mvc.perform(post("/api/v1/declarations/{id}/duty-payment", id)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + taxes.add(surcharge).toPlainString() + ",\"reference\":\"ICBC-LATE\"}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUTIES_ALREADY_PAID"));

		String seen = desk.view("trader.chip", id);
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[*].event")).containsSubsequence("DUTIES_GUARANTEED",
				"RELEASED", "GUARANTEE_ENFORCED");
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[*].event")).doesNotContain("DUTIES_PAID");
		assertThat(desk.audited(id)).containsExactly("DECLARATION_DUTIES_GUARANTEED by officer.customs",
				"DECLARATION_RELEASED by officer.customs", "DECLARATION_GUARANTEE_ENFORCED by officer.customs");
	}

	@Test
	void aBanksLetterIsCalledOnOnlyWhileValidAndOnlyForWhatItCovers() throws Exception {
		String id = desk.cleared("3000", "1000");
		String owed = desk.view("officer.customs", id);
		BigDecimal taxes = amount(owed, "$.duties.taxes");
		LocalDate payBy = LocalDate.parse(JsonPath.read(owed, "$.duties.payBy"));
		guarantee(id, "BANK_GUARANTEE", taxes, payBy.plusDays(10), "BOC-LG-7").andExpect(status().isOk());

		clock.pin(time.now().plus(Duration.ofDays(90)));
		enforce("officer.customs", id, taxes, null, "BOC-LG-7-CLAIM").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_EXPIRED"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString(payBy.plusDays(10).toString())));
		// Called on within its validity, a few days late: a surcharge under 50 CNY is not collected.
		enforce("officer.customs", id, taxes, payBy.plusDays(3), "BOC-LG-7-CLAIM").andExpect(status().isOk())
			.andExpect(jsonPath("$.duties.guarantee.state").value("ENFORCED"))
			.andExpect(jsonPath("$.duties.payment.paidOn").value(payBy.plusDays(3).toString()));

		clock.release();
		String exact = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", exact), "$.duties.amountDue");
		LocalDate exactPayBy = LocalDate.parse(JsonPath.read(desk.view("officer.customs", exact), "$.duties.payBy"));
		guarantee(exact, "BANK_GUARANTEE", due, exactPayBy.plusDays(365), "BOC-LG-8").andExpect(status().isOk());
		clock.pin(time.now().plus(Duration.ofDays(70)));
		BigDecimal dueNow = amount(desk.view("officer.customs", exact), "$.duties.amountDue");
		assertThat(dueNow).as("the surcharge has grown past what the letter covers").isGreaterThan(due);
		enforce("officer.customs", exact, dueNow, null, "BOC-LG-8-CLAIM").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_DOES_NOT_COVER"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(due.toPlainString())));
		mvc.perform(post("/api/v1/declarations/{id}/duty-payment", exact)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + dueNow.toPlainString() + ",\"reference\":\"ICBC-8\"}")).andExpect(status().isOk());
		String paid = desk.view("trader.chip", exact);
		assertThat(JsonPath.<String>read(paid, "$.duties.guarantee.state")).as("the declarant paid: given back")
			.isEqualTo("DISCHARGED");
		assertThat(JsonPath.<Boolean>read(paid, "$.duties.guarantee.discharged")).isTrue();
		enforce("officer.customs", exact, dueNow, null, "BOC-LG-8-CLAIM").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DUTIES_ALREADY_PAID"));
	}

	@Test
	void onlyAGuaranteeCanBeCalledOnAndOneOfADeclarationCancelledUnpaidIsGivenBack() throws Exception {
		String unguaranteed = desk.cleared("3000", "1000");
		clock.pin(time.now().plus(Duration.ofDays(70)));
		BigDecimal due = amount(desk.view("officer.customs", unguaranteed), "$.duties.amountDue");
		enforce("officer.customs", unguaranteed, due, null, "DEP-0").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DUTIES_NOT_GUARANTEED"));
		clock.release();

		String cancelled = desk.cleared("3000", "1000");
		BigDecimal owed = amount(desk.view("officer.customs", cancelled), "$.duties.amountDue");
		guarantee(cancelled, "DEPOSIT", owed, null, "DEP-44").andExpect(status().isOk());
		mvc.perform(post("/api/v1/declarations/{id}/cancellation", cancelled)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"The goods went back to the seller\"}")).andExpect(status().isOk());
		String seen = desk.view("trader.chip", cancelled);
		assertThat(JsonPath.<String>read(seen, "$.duties.guarantee.state")).isEqualTo("RETURNED");
		assertThat(JsonPath.<Boolean>read(seen, "$.duties.guarantee.discharged")).isTrue();
		assertThat(amount(seen, "$.duties.refundDue")).as("nothing was paid").isZero();
		assertThat(desk.page("officer.customs", "/declarations/" + cancelled)).contains("id=\"duties-guarantee\"")
			.contains("Returned").doesNotContain("id=\"duties-amount-due\"").doesNotContain("id=\"payment-form\"")
			.doesNotContain("id=\"refund-form\"");
		clock.pin(time.now().plus(Duration.ofDays(70)));
		enforce("officer.customs", cancelled, owed, null, "DEP-44").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_CLEARED"));
	}

	@Test
	void customsFindsTheOverdueGuaranteeInItsQueueAndCallsOnItFromTheDeclarationsPage() throws Exception {
		String id = desk.cleared("3000", "1000");
		String owed = desk.view("officer.customs", id);
		String number = JsonPath.read(owed, "$.number");
		BigDecimal taxes = amount(owed, "$.duties.taxes");
		guarantee(id, "DEPOSIT", taxes.add(new BigDecimal("500")), null, "DEP-55").andExpect(status().isOk());
		desk.release(id).andExpect(status().isOk());
		assertThat(desk.page("officer.customs", "/declarations/" + id)).as("not before the last day passed")
			.doesNotContain("/duty-guarantee/enforcement\"");
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + number)).contains("id=\"guarantee-queue\"")
			.doesNotContain("id=\"guarantee-" + number + "\"");

		clock.pin(time.now().plus(Duration.ofDays(70)));
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + number))
			.contains("id=\"guarantee-" + number + "\"", "id=\"guarantee-duties-" + number + "\"", "Overdue");
		String page = desk.page("officer.customs", "/declarations/" + id);
		assertThat(page).contains("action=\"/declarations/" + id + "/duty-guarantee/enforcement\"")
			.contains("id=\"enforcement-amount\"");
		assertThat(desk.page("trader.chip", "/declarations/" + id)).doesNotContain("/duty-guarantee/enforcement\"");

		MockHttpServletResponse refused = desk.pagePost("officer.customs",
				"/declarations/" + id + "/duty-guarantee/enforcement", Map.of("amount", "1", "reference", "DEP-55"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"enforcement-error\"");
		MockHttpServletResponse taken = desk.pagePost("officer.customs",
				"/declarations/" + id + "/duty-guarantee/enforcement",
				Map.of("amount", amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString(),
						"reference", "DEP-55-TAKEN"));
		assertThat(taken.getStatus()).isEqualTo(302);
		assertThat(taken.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=GUARANTEE_ENFORCED");
		assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("id=\"duties-guarantee-enforced\"")
			.doesNotContain("/duty-guarantee/enforcement\"").doesNotContain("id=\"payment-form\"");
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + number)).as("called on: off the list")
			.doesNotContain("id=\"guarantee-" + number + "\"");
	}

	private ResultActions guarantee(String id, String kind, BigDecimal amount, LocalDate validUntil, String reference)
			throws Exception {
		return desk.guarantee("officer.customs", id, kind, amount.toPlainString(),
				validUntil == null ? null : validUntil.toString(), reference);
	}

	private ResultActions enforce(String user, String id, BigDecimal amount, LocalDate paidOn, String reference)
			throws Exception {
		return desk.money(user, "duty-guarantee/enforcement", id, amount.toPlainString(),
				paidOn == null ? null : paidOn.toString(), reference);
	}
}
