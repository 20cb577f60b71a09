package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static io.singlewindow.declaration.internal.CustomsDesk.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.calendar.ZoneCalendar;

/**
 * Summary payment (汇总征税): customs lodges an enterprise's general guarantee for it; each declaration released against
 * it pays its duties with the month's others, by the fifth working day of the next month rather than fifteen days
 * after its clearance; the month's statement is paid as one payment, which pays each declaration on it and frees the
 * guarantee; customs calls on the guarantee only once the statement's day has passed.
 */
class SummaryPaymentIntegrationTests extends CustomsDeskTestCase {

	@Autowired
	ZoneCalendar calendar;

	@Test
	void aMonthsDeclarationsReleasedAgainstTheGuaranteeArePaidTogetherOnItsStatement() throws Exception {
		clock.pinMidMonth();
		String reference = "BOC-SUM-" + UUID.randomUUID();
		String general = lodgedForSummaryPayment(reference, "900000");
		String first = desk.cleared("3000", "1000");
		String second = desk.cleared("3000", "1000");
		BigDecimal firstDue = amount(desk.view("officer.customs", first), "$.duties.amountDue");
		BigDecimal secondDue = amount(desk.view("officer.customs", second), "$.duties.amountDue");
		LocalDate ownPayBy = LocalDate.parse(JsonPath.read(desk.view("officer.customs", first), "$.duties.payBy"));
		YearMonth month = YearMonth.from(time.today());
		LocalDate statementPayBy = DutyPaymentTerms.statementPayBy(month, calendar.current());
		assertThat(statementPayBy).isAfter(ownPayBy);

		for (String id : List.of(first, second)) {
			desk.guarantee("officer.customs", id, "GENERAL", amount(desk.view("officer.customs", id),
					"$.duties.amountDue").toPlainString(), null, reference)
				.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.summary").value(true))
				.andExpect(jsonPath("$.duties.payBy").value(statementPayBy.toString()));
			desk.release(id).andExpect(status().isOk());
		}
		assertThat(desk.page("trader.chip", "/declarations/" + first)).contains("id=\"duties-guarantee-summary\"");

		String read = body(mvc.perform(get("/api/v1/general-guarantees/{id}", general)
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk()));
		assertThat(JsonPath.<Boolean>read(read, "$.summaryPayment")).isTrue();
		assertThat(JsonPath.<List<String>>read(read, "$.statements[*].month")).containsExactly(month.toString());
		assertThat(JsonPath.<String>read(read, "$.statements[0].state")).isEqualTo("OPEN");
		assertThat(JsonPath.<String>read(read, "$.statements[0].payBy")).isEqualTo(statementPayBy.toString());
		assertThat(amount(read, "$.statements[0].unpaid")).isEqualByComparingTo(firstDue.add(secondDue));

		String statement = statement("trader.chip", general, month.toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("OPEN")).andExpect(jsonPath("$.declarations").value(2))
			.andExpect(jsonPath("$.payBy").value(statementPayBy.toString()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(amount(statement, "$.amountDue")).isEqualByComparingTo(firstDue.add(secondDue));
		assertThat(JsonPath.<List<String>>read(statement, "$.lines[*].id")).containsExactlyInAnyOrder(first, second);
		for (String stranger : List.of("trader.coffee", "officer.ciq")) {
			statement(stranger, general, month.toString()).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("GENERAL_GUARANTEE_NOT_FOUND"));
		}
		statement("trader.chip", general, "2026-13").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("month"))
			.andExpect(jsonPath("$.errors[0].code").value("MONTH_FORMAT"));
		statement("trader.chip", general, month.minusMonths(1).toString()).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SUMMARY_STATEMENT_NOT_FOUND"));

		BigDecimal total = firstDue.add(secondDue);
		pay("trader.chip", general, month.toString(), total.toPlainString(), "ICBC-SUM-1").andExpect(status().isForbidden());
		pay("officer.customs", general, month.toString(), total.subtract(BigDecimal.ONE).toPlainString(), "ICBC-SUM-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_AMOUNT_DIFFERS"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
					total.toPlainString())));
		assertThat(JsonPath.<Object>read(desk.view("officer.customs", first), "$.duties.payment"))
			.as("nothing refused is kept").isNull();

		pay("officer.customs", general, month.toString(), total.toPlainString(), "ICBC-SUM-1")
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PAID"))
			.andExpect(jsonPath("$.amountDue").value(0));
		for (String id : List.of(first, second)) {
			String paid = desk.view("trader.chip", id);
			assertThat(JsonPath.<String>read(paid, "$.duties.payment.reference")).isEqualTo("ICBC-SUM-1");
			assertThat(JsonPath.<String>read(paid, "$.duties.guarantee.state")).isEqualTo("DISCHARGED");
			assertThat(desk.audited(id)).contains("DECLARATION_DUTIES_PAID by officer.customs");
		}
		assertThat(amount(desk.view("trader.chip", first), "$.duties.payment.amount")).isEqualByComparingTo(firstDue);
		String after = body(mvc.perform(get("/api/v1/general-guarantees/{id}", general)
			.header("Authorization", "Bearer sw-demo-officer.customs")).andExpect(status().isOk()));
		assertThat(amount(after, "$.inUse")).as("the statement's payment frees what it held").isZero();
		assertThat(JsonPath.<String>read(after, "$.statements[0].state")).isEqualTo("PAID");

		pay("officer.customs", general, month.toString(), total.toPlainString(), "ICBC-SUM-1")
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PAID"));
		pay("officer.customs", general, month.toString(), total.toPlainString(), "ICBC-SUM-2")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("SUMMARY_STATEMENT_PAID"));
		assertThat(jdbc.sql("""
				SELECT action FROM audit_entry WHERE subject_type = 'GENERAL_GUARANTEE' AND subject_id = ? ORDER BY id""")
			.param(general).query(String.class).list())
			.as("the same payment again records nothing")
			.containsExactly("GENERAL_GUARANTEE_LODGED", "SUMMARY_STATEMENT_PAID");
	}

	@Test
	void customsCallsOnTheGuaranteeOnlyOnceTheStatementsDayHasPassedAndALateDeclarationIsNotPutOnAStatement()
			throws Exception {
		clock.pinMidMonth();
		String reference = "DEP-SUM-" + UUID.randomUUID();
		lodgedForSummaryPayment(reference, "500000");
		String summary = desk.cleared("3000", "1000");
		String single = desk.cleared("3000", "1000");
		String late = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", summary), "$.duties.amountDue");
		desk.guarantee("officer.customs", summary, "GENERAL", due.toPlainString(), null, reference)
			.andExpect(status().isOk());
		desk.guarantee("officer.customs", single, "DEPOSIT", due.toPlainString(), null, "DEP-ONE-" + UUID.randomUUID())
			.andExpect(status().isOk());
		LocalDate statementPayBy = DutyPaymentTerms.statementPayBy(YearMonth.from(time.today()), calendar.current());

		// Two days after the fifteen: the single guarantee is overdue, the statement not yet.
		clock.pin(time.now().plus(Duration.ofDays(DutyPaymentTerms.DAYS + 4)));
		assertThat(time.today()).isBefore(statementPayBy.plusDays(1));
		String number = JsonPath.read(desk.view("officer.customs", summary), "$.number");
		String singleNumber = JsonPath.read(desk.view("officer.customs", single), "$.number");
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + singleNumber))
			.contains("id=\"guarantee-" + singleNumber + "\"");
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + number))
			.doesNotContain("id=\"guarantee-" + number + "\"");
		desk.money("officer.customs", "duty-guarantee/enforcement", summary, due.toPlainString(), null, "TAKEN-1")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("DUTIES_NOT_YET_OVERDUE"));
		desk.guarantee("officer.customs", late, "GENERAL", due.toPlainString(), null, reference)
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reference"))
			.andExpect(jsonPath("$.errors[0].code").value("SUMMARY_PAYMENT_TOO_LATE"));
		assertThat(JsonPath.<Object>read(desk.view("officer.customs", late), "$.duties.guarantee")).isNull();

		clock.pin(statementPayBy.plusDays(1).atTime(10, 0).atZone(io.singlewindow.platform.BusinessTime.ZONE)
			.toInstant());
		assertThat(desk.page("officer.customs", "/agency/queue?q=" + number))
			.contains("id=\"guarantee-" + number + "\"");
		BigDecimal dueNow = amount(desk.view("officer.customs", summary), "$.duties.amountDue");
		desk.money("officer.customs", "duty-guarantee/enforcement", summary, dueNow.toPlainString(), null, "TAKEN-2")
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.state").value("ENFORCED"));
	}

	@Test
	void anEnterpriseBehindWithAStatementIsPutOnNoMoreStatementsUntilItPaysIt() throws Exception {
		clock.pinMidMonth();
		String reference = "DEP-SUM-" + UUID.randomUUID();
		String general = lodgedForSummaryPayment(reference, "500000");
		String earlier = desk.cleared("3000", "1000");
		String next = desk.cleared("3000", "1000");
		String due = amount(desk.view("officer.customs", earlier), "$.duties.amountDue").toPlainString();
		desk.guarantee("officer.customs", earlier, "GENERAL", due, null, reference).andExpect(status().isOk());
		// Cleared two months ago, as far as its statement is concerned: that statement's day has passed unpaid.
		jdbc.sql("UPDATE declaration SET cleared_at = cleared_at - interval '61 days' WHERE id = ?::uuid")
			.param(earlier).update();
		String month = YearMonth.from(time.today().minusDays(61)).toString();

		desk.guarantee("officer.customs", next, "GENERAL", due, null, reference).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("SUMMARY_STATEMENT_OVERDUE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(month)));
		assertThat(JsonPath.<Object>read(desk.view("officer.customs", next), "$.duties.guarantee")).isNull();

		String statement = statement("trader.chip", general, month).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("OVERDUE")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		BigDecimal owed = amount(statement, "$.amountDue");
		assertThat(owed).as("the taxes and a month's surcharge").isGreaterThan(new BigDecimal(due));
		pay("officer.customs", general, month, owed.toPlainString(), "ICBC-LATE-1").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PAID"));
		desk.guarantee("officer.customs", next, "GENERAL", due, null, reference).andExpect(status().isOk())
			.andExpect(jsonPath("$.duties.guarantee.summary").value(true));
	}

	@Test
	void customsLodgesOneForSummaryPaymentAndRecordsAStatementsPaymentOnItsPages() throws Exception {
		clock.pinMidMonth();
		String reference = "BOC-SUM-" + UUID.randomUUID();
		MockHttpServletResponse lodged = desk.pagePost("officer.customs", "/general-guarantees",
				Map.of("enterprise", DeclarationCorrectionIntegrationTests.CHIP, "kind", "DEPOSIT", "amount", "60000",
						"reference", reference, "summaryPayment", "true"));
		assertThat(lodged.getStatus()).isEqualTo(302);
		String general = jdbc.sql("SELECT id::text FROM general_guarantee WHERE reference = ? AND summary_payment")
			.param(reference).query(String.class).single();
		String id = desk.cleared("3000", "1000");
		String due = amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString();
		desk.guarantee("officer.customs", id, "GENERAL", due, null, reference).andExpect(status().isOk());
		String month = YearMonth.from(time.today()).toString();

		assertThat(desk.page("trader.chip", "/general-guarantees/" + general)).contains("id=\"summary-statements\"")
			.contains("href=\"/general-guarantees/" + general + "/statements/" + month + "\"");
		String number = JsonPath.read(desk.view("trader.chip", id), "$.number");
		assertThat(desk.page("trader.chip", "/general-guarantees/" + general + "/statements/" + month))
			.contains("id=\"line-" + number + "\"").doesNotContain("id=\"statement-payment-form\"");
		String page = desk.page("officer.customs", "/general-guarantees/" + general + "/statements/" + month);
		assertThat(page).contains("id=\"statement-payment-form\"").contains("value=\"" + due + "\"")
			.as("every wording found").doesNotContain("??");
		assertThat(desk.page("officer.customs", "/general-guarantees/" + general)).doesNotContain("??");

		// The statement printed: what the enterprise keeps and pays from.
		String pdf = "/general-guarantees/" + general + "/statements/" + month + "/statement.pdf";
		assertThat(desk.page("trader.chip", "/general-guarantees/" + general + "/statements/" + month))
			.contains("href=\"" + pdf + "\"");
		String text = io.singlewindow.PrintedDocuments.text(io.singlewindow.PrintedDocuments
			.keep(desk.download("trader.chip", pdf), "summary-statement.pdf"));
		assertThat(text).contains("汇总缴税单 " + month).contains(reference).contains(number).contains(due)
			.contains(DutyPaymentTerms.statementPayBy(YearMonth.parse(month), calendar.current()).toString());

		String address = "/general-guarantees/" + general + "/statements/" + month + "/payment";
		MockHttpServletResponse refused = desk.pagePost("officer.customs", address,
				Map.of("amount", "1.00", "reference", "ICBC-PAGE-1"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"statement-payment-error\"")
			.contains("value=\"1.00\"");
		MockHttpServletResponse paid = desk.pagePost("officer.customs", address,
				Map.of("amount", due, "reference", "ICBC-PAGE-1"));
		assertThat(paid.getStatus()).isEqualTo(302);
		assertThat(paid.getRedirectedUrl())
			.isEqualTo("/general-guarantees/" + general + "/statements/" + month + "?paid");
		assertThat(JsonPath.<String>read(desk.view("trader.chip", id), "$.duties.payment.reference"))
			.isEqualTo("ICBC-PAGE-1");
		assertThat(desk.page("officer.customs", "/general-guarantees/" + general + "/statements/" + month + "?paid"))
			.contains("id=\"summary-statement-paid\"").doesNotContain("id=\"statement-payment-form\"");
	}

	private String lodgedForSummaryPayment(String reference, String amount) throws Exception {
		String lodged = body(mvc.perform(post("/api/v1/general-guarantees")
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterprise\":\"" + DeclarationCorrectionIntegrationTests.CHIP + "\",\"kind\":\"DEPOSIT\","
					+ "\"amount\":" + amount + ",\"reference\":\"" + reference + "\",\"summaryPayment\":true}"))
			.andExpect(status().isCreated()));
		assertThat(JsonPath.<Boolean>read(lodged, "$.summaryPayment")).isTrue();
		return JsonPath.read(lodged, "$.id");
	}

	private ResultActions statement(String user, String general, String month) throws Exception {
		return mvc.perform(get("/api/v1/general-guarantees/{id}/statements/{month}", general, month)
			.header("Authorization", "Bearer sw-demo-" + user));
	}

	private ResultActions pay(String user, String general, String month, String amount, String reference)
			throws Exception {
		return mvc.perform(post("/api/v1/general-guarantees/{id}/statements/{month}/payment", general, month)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + amount + ",\"reference\":\"" + reference + "\"}"));
	}
}
