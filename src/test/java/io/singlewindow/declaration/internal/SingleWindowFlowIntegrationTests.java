package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import io.singlewindow.AtOneInstant;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.ExchangeRates;

/**
 * The single window through its REST API, as traders and officers use it: one declaration routed to exactly the
 * agencies its items need, automatic and manual decisions, one consolidated status, the permit quota written off.
 */
@SingleWindowIntegrationTest
class SingleWindowFlowIntegrationTests {

	static final String CHIP = EnterpriseFixtures.demo("CHIP").value();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PermitLedger permits;

	@Autowired
	Webhooks webhooks;

	@Autowired
	ExchangeRates rates;

	@Autowired
	BusinessTime time;

	@Autowired
	io.singlewindow.platform.TestClock clock;

	@Autowired
	io.singlewindow.calendar.ZoneCalendar calendar;

	@BeforeEach
	void theChipMakerIsLongEstablishedAndDeclaresAtTheZonesUsualPrices() {
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(Uscc.parse(CHIP))
			.usualUnitPrice("8471300000", "C62", "800")
			.usualUnitPrice("8542319000", "C62", "20");
	}

	@Test
	void aGreenDeclarationForCustomsAloneIsClearedAtSubmission() throws Exception {
		String submitted = body(submit("trader.chip", null, processors("200", "4000")).andExpect(status().isCreated())
			.andReturn());

		assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("CLEARED");
		assertThat(taskStatus(submitted, "CUSTOMS")).isEqualTo("AUTO_APPROVED");
		assertThat(JsonPath.<String>read(view("officer.customs", JsonPath.read(submitted, "$.id")), "$.channel"))
			.isEqualTo("GREEN");
	}

	@Test
	void aYellowDeclarationWaitsForTheCustomsOfficer() throws Exception {
		// Processors at three times the zone's usual unit price: the unit-price profile selects it for YELLOW.
		String submitted = body(submit("trader.chip", null, processors("200", "12000")).andExpect(status().isCreated())
			.andReturn());
		String id = JsonPath.read(submitted, "$.id");

		assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("UNDER_REVIEW");
		assertThat(taskStatus(submitted, "CUSTOMS")).isEqualTo("PENDING");
		String seenByCustoms = view("officer.customs", id);
		assertThat(JsonPath.<String>read(seenByCustoms, "$.channel")).isEqualTo("YELLOW");
		assertThat(JsonPath.<String>read(seenByCustoms, "$.channelReasonCode")).isEqualTo("UNIT_PRICE_ANOMALY");
		String queue = body(mvc.perform(get("/api/v1/agencies/CUSTOMS/tasks")
			.header("Authorization", "Bearer sw-demo-officer.customs")).andExpect(status().isOk()).andReturn());
		assertThat(JsonPath.<List<String>>read(queue, "$[*].declarationId")).contains(id);

		decide("officer.customs", taskId(submitted, "CUSTOMS"), "APPROVE", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLEARED"));
	}

	@Test
	void onlyTheDeclarantOrItsAuthorisedBrokerAnswersAQuery() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		decide("officer.ciq", taskId(created, "CIQ"), "QUERY", "Which lab tested the batteries?")
			.andExpect(status().isOk());
		// The declarant sees by when to answer: ten working days of the zone's calendar (the default), two weekends
		// away — at least twelve days, counted from a Sunday (until 2026-12-04 this said "after thirteen", which a
		// query made on a Saturday or a Sunday does not reach: the suite failed on a run past midnight in Xiamen).
		List<String> answerBy = JsonPath.read(view("trader.chip", id), "$.tasks[?(@.agency == 'CIQ')].answerBy");
		LocalDate due = LocalDate.parse(answerBy.getFirst());
		assertThat(due).isEqualTo(calendar.after(time.today(), 10)).isAfterOrEqualTo(time.today().plusDays(12));
		String number = JsonPath.read(created, "$.number");
		assertThat(JsonPath.<List<String>>read(list("trader.chip", "q=" + number), "$[*].answerBy"))
			.as("in the declarant's list too").containsExactly(due.toString());

		for (String stranger : List.of("trader.coffee", "trader.tungsten", "officer.ciq", "admin")) {
			answer(stranger, id, "CIQ", "Not mine to answer").andExpect(status().isForbidden());
		}
		assertThat(taskStatus(view("officer.ciq", id), "CIQ")).as("nobody but the declarant re-opened it")
			.isEqualTo("QUERIED");
		// The chip maker authorised the demo broker, who answers for it.
		answer("broker", id, "CIQ", "CQC Xiamen, report 2026-118").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
		assertThat(JsonPath.<List<String>>read(view("officer.ciq", id), "$.timeline[?(@.event == 'ANSWERED')].actor"))
			.containsExactly("broker");
		assertThat(JsonPath.<List<Object>>read(view("trader.chip", id), "$.tasks[?(@.agency == 'CIQ')].answerBy"))
			.as("answered: no date is left to meet").containsExactly((Object) null);
	}

	@Test
	void answeringAnAgencyThatAskedNothingIsRefusedWithTaskNotQueried() throws Exception {
		String id = JsonPath.read(body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn()), "$.id");

		answer("trader.chip", id, "CIQ", "Nobody asked").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("TASK_NOT_QUERIED"));
		assertThat(JsonPath.<List<String>>read(view("trader.chip", id), "$.timeline[*].event")).doesNotContain("ANSWERED");
	}

	@Test
	void releasingGoodsNotClearedIsRefusedWithDeclarationNotCleared() throws Exception {
		String id = JsonPath.read(body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn()), "$.id");

		mvc.perform(post("/api/v1/declarations/{id}/release", id).header("Authorization", "Bearer sw-demo-officer.customs"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_CLEARED"));
		assertThat(JsonPath.<String>read(view("trader.chip", id), "$.status")).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void customsReleasesTheGoodsOnlyOnceTheWholeAmountDueIsPaidAsTheBankReportedIt() throws Exception {
		String cleared = body(submit("trader.chip", null, processors("200", "4000")).andExpect(status().isCreated())
			.andReturn());
		String id = JsonPath.read(cleared, "$.id");
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		LocalDate clearedOn = time.today();
		String owed = view("trader.chip", id);
		BigDecimal taxes = decimal(owed, "$.duties.taxes");
		assertThat(taxes).as("the assessment's duties and taxes").isEqualByComparingTo(decimal(owed, "$.totalTaxes"))
			.isPositive();
		assertThat(JsonPath.<String>read(owed, "$.duties.noticeOn")).isEqualTo(clearedOn.toString());
		assertThat(JsonPath.<String>read(owed, "$.duties.payBy"))
			.isEqualTo(DutyPaymentTerms.payBy(clearedOn, calendar.current()).toString());
		assertThat(decimal(owed, "$.duties.amountDue")).as("in time: no surcharge").isEqualByComparingTo(taxes);
		assertThat(JsonPath.<Boolean>read(owed, "$.duties.overdue")).isFalse();

		release(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUTIES_UNPAID"));
		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
			pay(stranger, id, taxes.toPlainString(), null, "ICBC-1").andExpect(status().isForbidden());
		}
		pay("officer.customs", id, taxes.subtract(new BigDecimal("0.01")).toPlainString(), null, "ICBC-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_AMOUNT_DIFFERS"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(taxes.toPlainString())));
		pay("officer.customs", id, taxes.toPlainString(), clearedOn.plusDays(1).toString(), "ICBC-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_DATE_IN_FUTURE"));
		pay("officer.customs", id, taxes.toPlainString(), clearedOn.minusDays(1).toString(), "ICBC-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_BEFORE_NOTICE"));
		pay("officer.customs", id, taxes.toPlainString(), null, " ").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reference"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		pay("officer.customs", id, null, null, "ICBC-1").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		String refused = view("officer.customs", id);
		assertThat(JsonPath.<Object>read(refused, "$.duties.payment")).as("nothing refused is kept").isNull();
		assertThat(JsonPath.<List<String>>read(refused, "$.timeline[*].event")).doesNotContain("DUTIES_PAID");

		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated()).andReturn()), "$.id");
		String paid;
		try {
			paid = body(pay("officer.customs", id, taxes.toPlainString(), null, "ICBC-20261204-0007")
				.andExpect(status().isOk()).andReturn());
			assertThat(jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid""")
				.params(webhook, id).query(String.class).list()).as("the declarant hears of it").singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.type")).isEqualTo("declaration.duties.paid"))
				.satisfies(p -> assertThat(decimal(p, "$.amount")).isEqualByComparingTo(taxes))
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.reference")).isEqualTo("ICBC-20261204-0007"));
		} finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
		assertThat(decimal(paid, "$.duties.payment.amount")).isEqualByComparingTo(taxes);
		assertThat(JsonPath.<String>read(paid, "$.duties.payment.paidOn")).isEqualTo(clearedOn.toString());
		assertThat(JsonPath.<String>read(paid, "$.duties.payment.reference")).isEqualTo("ICBC-20261204-0007");
		assertThat(JsonPath.<String>read(paid, "$.duties.payment.recordedBy")).isEqualTo("officer.customs");
		assertThat(decimal(paid, "$.duties.amountDue")).isZero();
		assertThat(JsonPath.<String>read(paid, "$.status")).as("paying moves no status").isEqualTo("CLEARED");
		int paidVersion = JsonPath.read(paid, "$.version");
		assertThat(paidVersion).as("its version moves on: a copy printed before is out of date")
			.isEqualTo(JsonPath.<Integer>read(owed, "$.version") + 1);
		pay("officer.customs", id, taxes.toPlainString(), clearedOn.toString(), "ICBC-20261204-0007")
			.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(paidVersion));
		pay("officer.customs", id, taxes.toPlainString(), null, "ICBC-20261204-0008").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DUTIES_ALREADY_PAID"));
		assertThat(JsonPath.<List<String>>read(view("trader.chip", id), "$.timeline[?(@.event == 'DUTIES_PAID')].reason"))
			.as("the bank's notice come again is recorded once").containsExactly("ICBC-20261204-0007");

		release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
		assertThat(audited(id))
			.containsExactly("DECLARATION_DUTIES_PAID by officer.customs", "DECLARATION_RELEASED by officer.customs");
	}

	@Test
	void paidAfterTheLastDayTheAmountDueCarriesTheSurchargeOfEachDayLate() throws Exception {
		String cleared = body(submit("trader.chip", null, processors("20", "40000")).andExpect(status().isCreated())
			.andReturn());
		String id = JsonPath.read(cleared, "$.id");
		if (!"CLEARED".equals(JsonPath.read(cleared, "$.status"))) {
			decide("officer.customs", taskId(cleared, "CUSTOMS"), "APPROVE", null).andExpect(status().isOk());
		}
		LocalDate clearedOn = time.today();
		LocalDate payBy = DutyPaymentTerms.payBy(clearedOn, calendar.current());
		BigDecimal taxes = decimal(view("officer.customs", id), "$.duties.taxes");
		clock.pin(time.now().plus(Duration.ofDays(40)));
		try {
			LocalDate today = time.today();
			String late = view("trader.chip", id);
			BigDecimal surcharge = taxes.multiply(new BigDecimal("0.0005"))
				.multiply(BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(payBy, today)))
				.setScale(2, java.math.RoundingMode.HALF_UP);
			assertThat(surcharge).as("over the 50 CNY below which none is collected").isGreaterThan(new BigDecimal("50"));
			assertThat(JsonPath.<Boolean>read(late, "$.duties.overdue")).isTrue();
			assertThat(decimal(late, "$.duties.surcharge")).isEqualByComparingTo(surcharge);
			assertThat(decimal(late, "$.duties.amountDue")).isEqualByComparingTo(taxes.add(surcharge));

			pay("officer.customs", id, taxes.toPlainString(), null, "BOC-77").andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("PAYMENT_AMOUNT_DIFFERS"));
			pay("officer.customs", id, taxes.add(surcharge).toPlainString(), null, "BOC-77").andExpect(status().isOk());
			release(id).andExpect(status().isOk());
			String paid = view("trader.chip", id);
			assertThat(decimal(paid, "$.duties.surcharge")).as("the surcharge paid").isEqualByComparingTo(surcharge);
			assertThat(decimal(paid, "$.duties.payment.amount")).isEqualByComparingTo(taxes.add(surcharge));
			assertThat(decimal(paid, "$.duties.amountDue")).isZero();
			assertThat(JsonPath.<Boolean>read(paid, "$.duties.overdue")).as("paid: late no more").isFalse();
		} finally {
			clock.release();
		}
	}

	@Test
	void anExportThatOwesNoDutiesIsReleasedAtOnceAndHasNothingToPay() throws Exception {
		String cleared = body(submit("trader.chip", null, tungstenExport()).andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(cleared, "$.id");
		if (!"CLEARED".equals(JsonPath.read(cleared, "$.status"))) {
			for (String agency : JsonPath.<List<String>>read(cleared, "$.tasks[?(@.status == 'PENDING')].agency")) {
				decide("officer." + agency.toLowerCase(java.util.Locale.ROOT), taskId(cleared, agency), "APPROVE", null)
					.andExpect(status().isOk());
			}
		}
		assertThat(JsonPath.<Object>read(view("trader.chip", id), "$.duties")).isNull();
		pay("officer.customs", id, "1", null, "ICBC-9").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NO_DUTIES_DUE"));
		release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
	}

	@Test
	void aDecisionOnARejectedDeclarationIsRefusedWithDeclarationClosed() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		decide("officer.ciq", taskId(created, "CIQ"), "REJECT", "Battery certificate expired")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));

		decide("officer.commerce", taskId(created, "COMMERCE"), "APPROVE", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_CLOSED"));
		assertThat(taskStatus(view("officer.commerce", JsonPath.read(created, "$.id")), "COMMERCE")).isEqualTo("PENDING");
	}

	@Test
	void amendingARejectedDeclarationIsRefusedWithDeclarationNotAmendable() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		decide("officer.ciq", taskId(created, "CIQ"), "REJECT", "Battery certificate expired")
			.andExpect(status().isOk());

		mvc.perform(put("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(chipDeclaration(null, "2")))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_AMENDABLE"));
		assertThat(JsonPath.<String>read(view("trader.chip", id), "$.status")).isEqualTo("REJECTED");
	}

	@Test
	void anAmendmentOfAVersionSomeoneChangedMeanwhileIsRefusedWithDeclarationChanged() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		int read = JsonPath.read(created, "$.version");

		String amended = body(mvc.perform(put("/api/v1/declarations/{id}", id)
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content(withVersion(chipDeclaration(null, "2"), read))).andExpect(status().isOk()).andReturn());
		assertThat(JsonPath.<Integer>read(amended, "$.version")).isGreaterThan(read);

		// A second amendment made from the same, now stale, reading.
		mvc.perform(put("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(withVersion(chipDeclaration(null, "3"), read)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_CHANGED"));
		assertThat(new BigDecimal(JsonPath.read(view("trader.chip", id), "$.items[0].quantity").toString()))
			.as("the first amendment stands").isEqualByComparingTo("2");
	}

	/**
	 * Until 2026-12-03 an amendment sent again by a client that got no answer made another version (the same goods
	 * declared twice over on the timeline, a printed response superseded), or, sent with the version it was made
	 * from, was refused DECLARATION_CHANGED although it had been made.
	 */
	@Test
	void anAmendmentSentAgainIsAnsweredAsTheFirstTimeAndMakesNoNewVersion() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		int read = JsonPath.read(created, "$.version");
		String amendment = withVersion(chipDeclaration(null, "2"), read);

		String first = body(mvc.perform(put("/api/v1/declarations/{id}", id)
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content(amendment)).andExpect(status().isOk()).andReturn());
		int made = JsonPath.read(first, "$.version");
		assertThat(made).isGreaterThan(read);

		for (String again : List.of(amendment, chipDeclaration(null, "2"))) {
			String answer = body(mvc.perform(put("/api/v1/declarations/{id}", id)
				.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
				.content(again)).andExpect(status().isOk()).andReturn());
			assertThat(JsonPath.<Integer>read(answer, "$.version")).isEqualTo(made);
			assertThat(JsonPath.<String>read(answer, "$.status")).isEqualTo(JsonPath.read(first, "$.status"));
		}
		assertThat(JsonPath.<List<String>>read(view("trader.chip", id), "$.timeline[?(@.event == 'AMENDED')].event"))
			.hasSize(1);
		// Only the same amendment: another one from the same stale reading is still refused, and nobody else's repeat
		// is answered.
		mvc.perform(put("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(withVersion(chipDeclaration(null, "3"), read)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_CHANGED"));
		mvc.perform(put("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content(amendment)).andExpect(status().isForbidden());
	}

	@Test
	void theDeclarantWithdrawsADeclarationUnderReviewAndItsPermitQuotaComesBack() throws Exception {
		HeldPermit before = ail();
		String created = body(submit("trader.chip", null, chipDeclaration(before.number(), "3"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		int read = JsonPath.read(created, "$.version");
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("3")));

		for (String stranger : List.of("trader.coffee", "officer.ciq", "officer.customs", "admin")) {
			withdraw(stranger, id, "{\"reason\":\"not mine\"}").andExpect(status().isForbidden());
		}
		withdraw("trader.chip", id, "{\"reason\":\"  \"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
		withdraw("trader.chip", id, "{\"reason\":\"the buyer cancelled\",\"version\":" + (read - 1) + "}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_CHANGED"));
		assertThat(JsonPath.<String>read(view("trader.chip", id), "$.status")).isEqualTo("UNDER_REVIEW");
		assertThat(ail().remainingQuantity()).as("nothing refused gave the quota back")
			.isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("3")));

		// The chip maker's authorised broker withdraws it for its principal.
		withdraw("broker", id, "{\"reason\":\"The buyer cancelled the order\",\"version\":" + read + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));

		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity());
		String seen = view("trader.chip", id);
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[?(@.event == 'WITHDRAWN')].reason"))
			.containsExactly("The buyer cancelled the order");
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[?(@.event == 'WITHDRAWN')].actor"))
			.containsExactly("broker");
		decide("officer.ciq", taskId(created, "CIQ"), "APPROVE", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_CLOSED"));
		String ciqQueue = body(mvc.perform(get("/api/v1/agencies/CIQ/tasks")
			.header("Authorization", "Bearer sw-demo-officer.ciq")).andExpect(status().isOk()).andReturn());
		assertThat(JsonPath.<List<String>>read(ciqQueue, "$[*].declarationId")).doesNotContain(id);
		withdraw("trader.chip", id, "{\"reason\":\"again\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_WITHDRAWABLE"));
		mvc.perform(put("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(chipDeclaration(null, "2")))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_AMENDABLE"));
		assertThat(ail().remainingQuantity()).as("given back once").isEqualByComparingTo(before.remainingQuantity());
		assertThat(audited(id))
			.containsExactly("DECLARATION_WITHDRAWN by broker", "PERMIT_WRITE_OFFS_RESTORED by broker");
	}

	@Test
	void aClearedDeclarationIsNotWithdrawnByItsDeclarant() throws Exception {
		String cleared = body(submit("trader.chip", null, processors("200", "4000")).andExpect(status().isCreated())
			.andReturn());
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");

		withdraw("trader.chip", JsonPath.read(cleared, "$.id"), "{\"reason\":\"changed my mind\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_WITHDRAWABLE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Cleared")));
		assertThat(JsonPath.<String>read(view("trader.chip", JsonPath.read(cleared, "$.id")), "$.status"))
			.isEqualTo("CLEARED");
	}

	@Test
	void customsCancelsAReleasedDeclarationItsPermitQuotaComesBackAndTheStatisticsForgetIt() throws Exception {
		HeldPermit before = ail();
		String created = body(submit("trader.chip", null, chipDeclaration(before.number(), "3"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		cancel("officer.customs", id, "{\"reason\":\"not shipped\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_CANCELLABLE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Under review")));
		decide("officer.ciq", taskId(created, "CIQ"), "APPROVE", null).andExpect(status().isOk());
		payDuties(id);
		release(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_fact WHERE declaration_id = ?::uuid").param(id)
			.query(Long.class).single()).as("counted at its clearance").isEqualTo(2L);
		int read = JsonPath.read(view("officer.customs", id), "$.version");

		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "officer.commerce", "admin")) {
			cancel(stranger, id, "{\"reason\":\"not mine to cancel\"}").andExpect(status().isForbidden());
		}
		cancel("officer.customs", id, "{\"reason\":\" \"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
		cancel("officer.customs", id, "{\"reason\":\"not shipped\",\"version\":" + (read - 1) + "}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_CHANGED"));
		assertThat(ail().remainingQuantity()).as("nothing refused gave the quota back")
			.isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("3")));

		cancel("officer.customs", id, "{\"reason\":\"Goods returned to the seller unopened\",\"version\":" + read + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity());
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_fact WHERE declaration_id = ?::uuid").param(id)
			.query(Long.class).single()).as("taken out of the statistics with the cancellation").isZero();
		String seen = view("trader.chip", id);
		assertThat(JsonPath.<String>read(seen, "$.status")).isEqualTo("CANCELLED");
		assertThat(JsonPath.<String>read(seen, "$.duties.payment.reference")).as("what was paid stays on record")
			.startsWith("ICBC-");
		assertThat(decimal(seen, "$.duties.amountDue")).as("and nothing more is owed").isZero();
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[?(@.event == 'CANCELLED')].reason"))
			.containsExactly("Goods returned to the seller unopened");
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[?(@.event == 'CANCELLED')].actor"))
			.containsExactly("officer.customs");
		assertThat(ids(list("trader.chip", "status=CANCELLED"))).contains(id);
		cancel("officer.customs", id, "{\"reason\":\"again\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_CANCELLABLE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Cancelled")));
		mvc.perform(post("/api/v1/declarations/{id}/release", id).header("Authorization", "Bearer sw-demo-officer.customs"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_CLEARED"));
		withdraw("trader.chip", id, "{\"reason\":\"too\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_WITHDRAWABLE"));
		assertThat(ail().remainingQuantity()).as("given back once").isEqualByComparingTo(before.remainingQuantity());
		assertThat(audited(id))
			.containsExactly("DECLARATION_DUTIES_PAID by officer.customs", "DECLARATION_RELEASED by officer.customs",
					"DECLARATION_CANCELLED by officer.customs",
					"PERMIT_WRITE_OFFS_RESTORED by officer.customs");
	}

	@Test
	void theDeclarantAppliesForACancellationCustomsRefusesItAndThenCancelsOnASecondApplication() throws Exception {
		String cleared = body(submit("trader.chip", null, processors("200", "4000")).andExpect(status().isCreated())
			.andReturn());
		String id = JsonPath.read(cleared, "$.id");
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");

		for (String stranger : List.of("trader.coffee", "officer.customs", "admin")) {
			applyForCancellation(stranger, id, "{\"reason\":\"not mine\"}").andExpect(status().isForbidden());
		}
		applyForCancellation("trader.chip", id, "{\"reason\":\"\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
		refuseCancellation("officer.customs", id, "{\"reason\":\"nothing to refuse\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CANCELLATION_NOT_APPLIED"));
		// Only the declarant's side is offered the application, only customs the cancellation.
		assertThat(page("trader.chip", "/declarations/" + id)).contains("id=\"apply-open\"").doesNotContain("id=\"cancel-open\"");
		assertThat(page("officer.customs", "/declarations/" + id)).contains("id=\"cancel-open\"")
			.doesNotContain("id=\"apply-open\"");
		assertThat(page("admin", "/declarations/" + id)).doesNotContain("id=\"apply-open\"", "id=\"cancel-open\"");

		// The chip maker's systems follow it by webhook (a receiver never reached: the outbox is what counts here).
		String webhook = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/hook\"}")).andExpect(status().isCreated()).andReturn()), "$.id");
		try {
			applyRefuseAndCancel(id, JsonPath.read(cleared, "$.number"), JsonPath.read(cleared, "$.version"));
			// The declarant hears of each application and refusal, with who and why, though its status did not move.
			List<String> heard = jdbc.sql("""
					SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND declaration_id = ?::uuid""")
				.params(webhook, id).query(String.class).list();
			assertThat(heard.stream().map(p -> JsonPath.<String>read(p, "$.type")).toList()).containsExactlyInAnyOrder(
					"declaration.cancellation.applied", "declaration.cancellation.refused",
					"declaration.cancellation.applied", "declaration.status");
			assertThat(heard).filteredOn(p -> p.contains("\"type\":\"declaration.cancellation.refused\"")).singleElement()
				.satisfies(p -> {
					assertThat(JsonPath.<String>read(p, "$.by")).isEqualTo("officer.customs");
					assertThat(JsonPath.<String>read(p, "$.reason")).isEqualTo("The goods were sold on in the zone");
					assertThat(JsonPath.<String>read(p, "$.number")).isEqualTo(JsonPath.read(cleared, "$.number"));
					assertThat(JsonPath.<String>read(p, "$.declaration")).isEqualTo("/api/v1/declarations/" + id);
				});
			assertThat(heard).filteredOn(p -> p.contains("\"type\":\"declaration.cancellation")).anySatisfy(p -> {
				assertThat(JsonPath.<String>read(p, "$.by")).isEqualTo("broker");
				assertThat(JsonPath.<String>read(p, "$.reason")).isEqualTo("The buyer sent the \"processors\" back");
			});
			assertThat(heard).filteredOn(p -> p.contains("\"type\":\"declaration.status\"")).singleElement()
				.satisfies(p -> assertThat(JsonPath.<String>read(p, "$.status")).isEqualTo("CANCELLED"));
		} finally {
			mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isNoContent());
		}
	}

	private void applyRefuseAndCancel(String id, String number, int printedVersion) throws Exception {
		// The chip maker's broker applies for its principal (a reason with quotes: the webhook's JSON stays JSON).
		applyForCancellation("broker", id, "{\"reason\":\"The buyer sent the \\\"processors\\\" back\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLEARED"))
			.andExpect(jsonPath("$.cancellationApplication.appliedBy").value("broker"))
			.andExpect(jsonPath("$.cancellationApplication.reason").value("The buyer sent the \"processors\" back"));
		applyForCancellation("trader.chip", id, "{\"reason\":\"again\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CANCELLATION_ALREADY_APPLIED"));
		assertThat(customsQueuePage()).as("customs finds it among the applications")
			.contains("id=\"cancellation-" + number + "\"");
		assertThat(page("trader.chip", "/declarations/" + id)).as("what happens next")
			.contains("Its declarant applied for its cancellation: customs cancels it or refuses the application");

		for (String notCustoms : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
			refuseCancellation(notCustoms, id, "{\"reason\":\"no\"}").andExpect(status().isForbidden());
		}
		// A refusal names the application it refuses: another one (here: never made) is not refused unread.
		refuseCancellation("officer.customs", id, "{\"reason\":\"no\",\"appliedAt\":\"2026-01-01T00:00:00Z\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CANCELLATION_APPLICATION_CHANGED"));
		refuseCancellation("officer.customs", id, "{\"reason\":\"no\",\"appliedAt\":\"0001-01-01T00:00:00Z\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CANCELLATION_APPLICATION_CHANGED"));
		refuseCancellation("officer.customs", id, "{\"reason\":\"no\",\"appliedAt\":\"yesterday\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("appliedAt"))
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_VALUE"));
		String appliedAt = JsonPath.read(view("officer.customs", id), "$.cancellationApplication.appliedAt");
		// The page's button names the application shown; a page left open while another was made refuses nothing.
		assertThat(page("officer.customs", "/declarations/" + id)).contains("/cancellation-application/refusal?appliedAt=");
		String refusal = "/declarations/" + id + "/cancellation-application/refusal?appliedAt=";
		var stale = pagePost("officer.customs", refusal + "2026-01-01T00:00:00Z", "reason", "read another");
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Another application for the cancellation of declaration");
		var garbled = pagePost("officer.customs", refusal + "yesterday", "reason", "no");
		assertThat(garbled.getStatus()).isEqualTo(422);
		assertThat(garbled.getContentAsString()).contains("This value has the wrong type or format.");
		refuseCancellation("officer.customs", id,
				"{\"reason\":\"The goods were sold on in the zone\",\"appliedAt\":\"" + appliedAt + "\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLEARED"))
			.andExpect(jsonPath("$.cancellationApplication").doesNotExist());
		assertThat(page("trader.chip", "/declarations/" + id)).doesNotContain("Its declarant applied for its cancellation");
		// An application and its refusal changed nothing of the declaration: a response printed before is current still.
		assertThat(JsonPath.<Integer>read(view("trader.chip", id), "$.version")).isEqualTo(printedVersion);
		mvc.perform(get("/verify/declarations/{number}", number).param("v", String.valueOf(printedVersion))
			.param("a", "0").header("Accept-Language", "en")).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("The printed response you checked is current.")));

		applyForCancellation("trader.chip", id, "{\"reason\":\"Returned: the customs of Busan confirm it\"}")
			.andExpect(status().isOk());
		cancel("officer.customs", id, "{\"reason\":\"Returned, confirmed\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancellationApplication").doesNotExist());
		assertThat(JsonPath.<List<String>>read(view("trader.chip", id), "$.timeline[*].event")).containsSubsequence(
				"CLEARED", "CANCELLATION_APPLIED", "CANCELLATION_REFUSED", "CANCELLATION_APPLIED", "CANCELLED");
		assertThat(audited(id))
			.containsExactly("DECLARATION_CANCELLATION_APPLIED by broker",
					"DECLARATION_CANCELLATION_REFUSED by officer.customs",
					"DECLARATION_CANCELLATION_APPLIED by trader.chip", "DECLARATION_CANCELLED by officer.customs");
		assertThat(customsQueuePage()).doesNotContain("id=\"cancellation-" + number + "\"");
	}

	@Test
	void aQuestionOfAWithdrawnDeclarationIsAnsweredByNobody() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		decide("officer.ciq", taskId(created, "CIQ"), "QUERY", "Which lab tested the batteries?")
			.andExpect(status().isOk());
		withdraw("trader.chip", id, "{\"reason\":\"shipped under another declaration\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));

		answer("trader.chip", id, "CIQ", "CQC Xiamen, report 2026-118").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_CLOSED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Withdrawn")));
		String seen = view("officer.ciq", id);
		assertThat(JsonPath.<String>read(seen, "$.status")).isEqualTo("WITHDRAWN");
		assertThat(taskStatus(seen, "CIQ")).isEqualTo("QUERIED");
	}

	@Test
	void aWithdrawnDeclarationIsNeitherPaidNorReleasedAndTheRefusalNamesItsStatusInTheReadersWords() throws Exception {
		String id = JsonPath.read(body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn()), "$.id");
		withdraw("trader.chip", id, "{\"reason\":\"shipped under another declaration\"}").andExpect(status().isOk());

		release(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECLARATION_NOT_CLEARED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Withdrawn, not cleared")));
		mvc.perform(post("/api/v1/declarations/{id}/release", id)
			.header("Authorization", "Bearer sw-demo-officer.customs").header("Accept-Language", "zh-CN"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("状态为已撤回")));
		pay("officer.customs", id, "100.00", null, "ICBC-W-1").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_NOT_CLEARED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is Withdrawn, not cleared")));
		assertThat(JsonPath.<String>read(view("trader.chip", id), "$.status")).isEqualTo("WITHDRAWN");
	}

	@Test
	void aDeclarantFindsItsDeclarationsByAPieceOfNumberOrReferenceAndByStatusAPageAtATime() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String first = JsonPath.read(body(submit("trader.chip", null, withReference(chipDeclaration(null, "1"),
				"find-" + run + "-a")).andExpect(status().isCreated()).andReturn()), "$.id");
		String second = JsonPath.read(body(submit("trader.chip", null, withReference(chipDeclaration(null, "1"),
				"find-" + run + "-b")).andExpect(status().isCreated()).andReturn()), "$.id");
		withdraw("trader.chip", second, "{\"reason\":\"sent twice\"}").andExpect(status().isOk());

		assertThat(ids(list("trader.chip", "q=FIND-" + run))).as("case-insensitive, newest first")
			.containsExactly(second, first);
		assertThat(ids(list("trader.chip", "q=find-" + run + "&status=WITHDRAWN"))).containsExactly(second);
		assertThat(ids(list("trader.chip", "q=find-" + run + "&status=UNDER_REVIEW"))).containsExactly(first);
		String number = JsonPath.read(view("trader.chip", first), "$.number");
		assertThat(ids(list("trader.chip", "q=" + number.substring(2)))).as("a piece of its number").containsExactly(first);
		assertThat(ids(list("trader.chip", "q=find_" + run))).as("_ is a character, not a wildcard").isEmpty();
		assertThat(ids(list("trader.coffee", "q=find-" + run))).as("another enterprise's").isEmpty();

		MvcResult page = mvc.perform(get("/api/v1/declarations?q=find-" + run + "&limit=1")
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk()).andReturn();
		assertThat(ids(body(page))).containsExactly(second);
		String link = page.getResponse().getHeader("Link");
		assertThat(link).contains("q=find-" + run).contains("cursor=");
		String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
		assertThat(ids(body(mvc.perform(get(java.net.URI.create(next)).header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isOk()).andReturn()))).as("the next page keeps the search").containsExactly(first);

		mvc.perform(get("/api/v1/declarations?status=LOST").header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].code").value("DECLARATION_STATUS_UNKNOWN"));
	}

	/**
	 * A broker reconciling a month, or a trader a day, lists what it submitted between two days of the zone (Beijing
	 * time): 23:30 on the 14th is the 14th although it is 15:30 UTC, 00:30 on the 15th is the 15th although it is still
	 * the 14th in UTC. Before 2026-12-04 the list had no dates: a month's declarations were read by paging through all.
	 */
	@Test
	void aDeclarantListsWhatItSubmittedBetweenTwoDaysOfTheZone() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		java.time.LocalDate month = time.today().withDayOfMonth(1);
		java.time.LocalDate d14 = month.withDayOfMonth(14);
		java.time.LocalDate d15 = month.withDayOfMonth(15);
		List<String> ids = new java.util.ArrayList<>();
		try {
			for (var at : List.of(d14.atTime(23, 30), d15.atTime(0, 30), d15.plusDays(1).atTime(12, 0))) {
				clock.pin(at.atZone(BusinessTime.ZONE).toInstant());
				ids.add(JsonPath.read(body(submit("trader.chip", null, withReference(chipDeclaration(null, "1"),
						"range-" + run + "-" + ids.size())).andExpect(status().isCreated()).andReturn()), "$.id"));
			}
		} finally {
			clock.release();
		}
		String q = "q=range-" + run;

		assertThat(ids(list("trader.chip", q + "&submittedFrom=" + d14 + "&submittedTo=" + d14)))
			.containsExactly(ids.get(0));
		assertThat(ids(list("trader.chip", q + "&submittedFrom=" + d15 + "&submittedTo=" + d15)))
			.containsExactly(ids.get(1));
		assertThat(ids(list("trader.chip", q + "&submittedFrom=" + d15))).containsExactly(ids.get(2), ids.get(1));
		assertThat(ids(list("trader.chip", q + "&submittedTo=" + d15))).containsExactly(ids.get(1), ids.get(0));
		assertThat(ids(list("trader.chip", q + "&submittedFrom=" + d14 + "&submittedTo=" + d15 + "&status=UNDER_REVIEW")))
			.containsExactly(ids.get(1), ids.get(0));

		MvcResult page = mvc.perform(get("/api/v1/declarations?" + q + "&submittedFrom=" + d14 + "&limit=1")
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getHeader("Link")).as("the next page keeps the days")
			.contains("submittedFrom=" + d14);

		mvc.perform(get("/api/v1/declarations?submittedFrom=2026-13-01").header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("submittedFrom"))
			.andExpect(jsonPath("$.errors[0].code").value("DATE_FORMAT"));
		mvc.perform(get("/api/v1/declarations?submittedFrom=" + d15 + "&submittedTo=" + d14)
			.header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("submittedTo"))
			.andExpect(jsonPath("$.errors[0].code").value("DATE_BEFORE_START"));

		// The same selection as one spreadsheet, every row at once, amounts as numbers, in the caller's language.
		MvcResult sheet = mvc.perform(get("/api/v1/declarations/export.xlsx?" + q + "&submittedFrom=" + d14
				+ "&submittedTo=" + d15).header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn();
		assertThat(sheet.getResponse().getHeader("Content-Disposition"))
			.contains("declarations-" + d14 + "-" + d15 + ".xlsx");
		List<List<String>> rows = new java.util.ArrayList<>();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(sheet.getResponse().getContentAsByteArray()))) {
			workbook.getFirstSheet().openStream().forEach(row -> rows.add(row.stream()
				.map(cell -> cell == null ? "" : cell.getRawValue() == null ? "" : cell.getRawValue()).toList()));
		}
		assertThat(rows.getFirst()).startsWith("报关单号", "本企业编号");
		String second = view("trader.chip", ids.get(1));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)).startsWith(JsonPath.<String>read(second, "$.number"), "range-" + run + "-1", CHIP, "进口",
				"0110", "审核中", d15 + " 00:30");
		assertThat(new java.math.BigDecimal(rows.get(1).get(10)))
			.isEqualByComparingTo(String.valueOf(JsonPath.<Object>read(second, "$.totalDuty")));
		assertThat(rows.get(2).getFirst()).isEqualTo(JsonPath.<String>read(view("trader.chip", ids.get(0)), "$.number"));
		mvc.perform(get("/api/v1/declarations/export.xlsx").header("Authorization", "Bearer sw-demo-officer.customs"))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));

		// The page narrows the same way, keeps the days in its form and its links, and says why when it cannot.
		jakarta.servlet.http.Cookie session = mvc.perform(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestBuilders.formLogin("/login").user("trader.chip").password("demo12345")).andReturn()
			.getResponse().getCookie("SESSION");
		String shown = mvc.perform(get("/declarations?" + q + "&submittedFrom=" + d15 + "&submittedTo=" + d15)
			.cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(shown).contains(JsonPath.<String>read(view("trader.chip", ids.get(1)), "$.number"))
			.doesNotContain(JsonPath.<String>read(view("trader.chip", ids.get(0)), "$.number"))
			.contains("id=\"submittedFrom\" name=\"submittedFrom\" value=\"" + d15 + "\"")
			.contains("/declarations/export.xlsx?q=range-" + run + "&amp;status=&amp;submittedFrom=" + d15)
			.contains("<td>range-" + run + "-1</td>").doesNotContain("list-filter-problem");
		// The trader's own reference, searched for, is also shown: in the list above and on the declaration.
		assertThat(mvc.perform(get("/declarations/" + ids.get(1)).cookie(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("id=\"own-reference\">range-" + run + "-1<");
		String reversed = mvc.perform(get("/declarations?submittedFrom=" + d15 + "&submittedTo=" + d14 + "&lang=en")
			.cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(reversed).contains("id=\"list-filter-problem\"").contains("The last day " + d14
				+ " is before the first day " + d15 + ". All declarations are shown.");
	}

	private String list(String user, String query) throws Exception {
		return body(mvc.perform(get("/api/v1/declarations?" + query).header("Authorization", "Bearer sw-demo-" + user))
			.andExpect(status().isOk()).andReturn());
	}

	private static List<String> ids(String json) {
		return JsonPath.read(json, "$[*].id");
	}

	private static String withReference(String json, String reference) {
		return json.replaceFirst("\\{", "{\"clientReference\":\"" + reference + "\",");
	}

	private org.springframework.test.web.servlet.ResultActions withdraw(String user, String id, String json)
			throws Exception {
		return endingAct(user, "/withdrawal", id, json);
	}

	private org.springframework.test.web.servlet.ResultActions cancel(String user, String id, String json)
			throws Exception {
		return endingAct(user, "/cancellation", id, json);
	}

	private org.springframework.test.web.servlet.ResultActions applyForCancellation(String user, String id,
			String json) throws Exception {
		return endingAct(user, "/cancellation-application", id, json);
	}

	private org.springframework.test.web.servlet.ResultActions refuseCancellation(String user, String id, String json)
			throws Exception {
		return endingAct(user, "/cancellation-application/refusal", id, json);
	}

	/** A withdrawal, a cancellation, an application for one or its refusal, through the API as {@code user}. */
	private org.springframework.test.web.servlet.ResultActions endingAct(String user, String act, String id,
			String json) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}" + act, id)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** The customs officer's work list, as the page shows it after logging in. */
	private String customsQueuePage() throws Exception {
		return page("officer.customs", "/agency/queue");
	}

	/** A page as {@code user} sees it after logging in. */
	private String page(String user, String address) throws Exception {
		return mvc.perform(get(address).cookie(session(user))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/** The session cookie of {@code user} logged in through the login form. */
	private jakarta.servlet.http.Cookie session(String user) throws Exception {
		return mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
			.formLogin("/login").user(user).password("demo12345")).andReturn().getResponse().getCookie("SESSION");
	}

	/** A form sent as {@code user} after logging in, with the page's CSRF token; answers the response as it came. */
	private org.springframework.mock.web.MockHttpServletResponse pagePost(String user, String address, String name,
			String value) throws Exception {
		return mvc.perform(post(address).cookie(session(user)).param(name, value)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn().getResponse();
	}

	private static String withVersion(String json, int version) {
		return json.replaceFirst("\\{", "{\"version\":" + version + ",");
	}

	@Test
	void oneDeclarationIsRoutedDecidedAndClearedWithThePermitWrittenOff() throws Exception {
		HeldPermit before = ail();

		MvcResult submitted = submit("trader.chip", null, chipDeclaration(before.number(), "5"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.startsWith("XM")))
			.andExpect(jsonPath("$.channel").doesNotExist())
			.andExpect(jsonPath("$.consignee").value(org.hamcrest.Matchers.not("")))
			.andReturn();
		String id = JsonPath.read(body(submitted), "$.id");

		// Routed to exactly customs, inspection and quarantine, and the licensing agency — each with its rule.
		assertThat(JsonPath.<List<String>>read(body(submitted), "$.tasks[*].agency"))
			.containsExactlyInAnyOrder("CIQ", "COMMERCE", "CUSTOMS");
		assertThat(JsonPath.<List<String>>read(body(submitted), "$.routes[?(@.lineNo == 1)].ruleCode"))
			.containsExactlyInAnyOrder("CUSTOMS_ALWAYS", "CIQ_INSPECTION_CATEGORY", "CIQ_SUPERVISION_AB",
					"PERMIT_ISSUING_AGENCY");
		assertThat(JsonPath.<List<String>>read(body(submitted), "$.routes[?(@.lineNo == 2)].agency"))
			.containsExactly("CUSTOMS");
		// Automatic decision: the referenced licence was valid, in scope and had quota.
		assertThat(taskStatus(body(submitted), "COMMERCE")).isEqualTo("AUTO_APPROVED");
		assertThat(taskStatus(body(submitted), "CIQ")).isEqualTo("PENDING");
		assertThat(JsonPath.<String>read(body(submitted), "$.status")).isEqualTo("UNDER_REVIEW");
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity().subtract(BigDecimal.TEN.divide(BigDecimal.TWO)));
		// The assessment is stored line by line.
		assertThat(JsonPath.<List<Object>>read(body(submitted), "$.items[*].customsValueCny")).hasSize(2);

		// The inspection officer finds the task in the queue and approves; customs decides by channel.
		String queue = body(mvc.perform(get("/api/v1/agencies/CIQ/tasks").header("Authorization", "Bearer sw-demo-officer.ciq"))
			.andExpect(status().isOk()).andReturn());
		assertThat(JsonPath.<List<String>>read(queue, "$[*].declarationId")).contains(id);
		// A declarant of long standing at the zone's usual prices: GREEN, so customs approved by rule at submission.
		assertThat(taskStatus(body(submitted), "CUSTOMS")).isEqualTo("AUTO_APPROVED");
		decide("officer.ciq", taskId(body(submitted), "CIQ"), "APPROVE", null).andExpect(status().isOk());
		String afterCiq = view("officer.customs", id);
		assertThat(JsonPath.<String>read(afterCiq, "$.channel")).isEqualTo("GREEN");
		assertThat(JsonPath.<String>read(afterCiq, "$.channelReasonCode")).isEqualTo("NO_RISK");

		String cleared = view("trader.chip", id);
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		assertThat(JsonPath.<List<String>>read(cleared, "$.timeline[*].event"))
			.containsExactlyInAnyOrder("SUBMITTED", "ROUTED", "ROUTED", "ROUTED", "AUTO_APPROVED", "AUTO_APPROVED",
					"UNDER_REVIEW", "APPROVED", "CLEARED");
		assertThat(JsonPath.<List<String>>read(cleared, "$.timeline[?(@.event == 'APPROVED')].actor"))
			.contains("officer.ciq");

		mvc.perform(get("/api/v1/declarations/{id}/response", id).header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", org.hamcrest.Matchers.containsString(".json")));
		mvc.perform(post("/api/v1/declarations/{id}/release", id).header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isForbidden());
		payDuties(id);
		mvc.perform(post("/api/v1/declarations/{id}/release", id).header("Authorization", "Bearer sw-demo-officer.customs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RELEASED"));
	}

	@Test
	void aMachineClientMayAskForTheReceiptOnly() throws Exception {
		var request = post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Prefer", "return=minimal").contentType(MediaType.APPLICATION_JSON)
			.content(chipDeclaration(null, null));
		String receipt = body(mvc.perform(request)
			.andExpect(status().isCreated())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Preference-Applied", "return=minimal"))
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.startsWith("XM")))
			.andExpect(jsonPath("$.items").doesNotExist())
			.andReturn());
		String id = JsonPath.read(receipt, "$.id");
		assertThat(JsonPath.<String>read(view("trader.chip", id), "$.status"))
			.isEqualTo(JsonPath.<String>read(receipt, "$.status"));
	}

	@Test
	void twoLinesThatFitThePermitOneByOneButNotTogetherLeaveTheSecondToTheOfficer() throws Exception {
		HeldPermit before = ail();
		String line = """
				{"hsCode":"8471300000","description":"portable computers","quantity":%s,"unit":"C62","value":%s,
				 "origin":"US","permitNumber":"%s"}""";
		String declaration = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":2,"grossWeight":120,"netWeight":100,
				 "items":[%s,%s]}""".formatted(line.formatted("1", "800", before.number()),
				line.formatted(before.remainingQuantity().toPlainString(), "1000", before.number()));

		String submitted = body(submit("trader.chip", null, declaration).andExpect(status().isCreated()).andReturn());

		// Line 1 is written off; line 2 would overdraw the licence together with line 1, so its officer decides.
		assertThat(taskStatus(submitted, "COMMERCE")).isEqualTo("PENDING");
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity().subtract(BigDecimal.ONE));
	}

	@Test
	void inspectionAndQuarantineApprovesByRuleWhenItsOwnPermitCoversEveryLine() throws Exception {
		Uscc coffee = EnterpriseFixtures.demo("COFFEE");
		HeldPermit quarantine = permits.heldBy(coffee).stream()
			.filter(p -> p.catalogueCode().equals("QUARANTINE_ENTRY") && p.status().equals("IN_FORCE"))
			.findFirst().orElseThrow();
		String beans = """
				{"hsCode":"0901110000","description":"green coffee beans","quantity":%s,"unit":"KGM","value":%s,
				 "origin":"VN","permitNumber":"%s"}""";
		String declaration = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"VN",
				 "tradingCountry":"VN","currency":"USD","incoterm":"CIF","packages":2,"grossWeight":130,"netWeight":120,
				 "items":[%s]}""";

		// Green coffee under the quarantine entry permit: CIQ's own permit answers for the line.
		String covered = body(submit("trader.coffee", null,
				declaration.formatted(beans.formatted("120", "480", quarantine.number())))
			.andExpect(status().isCreated()).andReturn());
		assertThat(taskStatus(covered, "CIQ")).isEqualTo("AUTO_APPROVED");
		assertThat(permits.heldBy(coffee).stream().filter(p -> p.number().equals(quarantine.number())).findFirst()
			.orElseThrow().remainingQuantity()).isEqualByComparingTo(quarantine.remainingQuantity().subtract(new BigDecimal("120")));

		// Add roasted coffee, which no CIQ permit covers: the inspection officer must look.
		String roasted = """
				,{"hsCode":"0901210000","description":"roasted coffee","quantity":10,"unit":"KGM","value":90,"origin":"VN"}""";
		String mixed = body(submit("trader.coffee", null,
				declaration.formatted(beans.formatted("5", "20", quarantine.number()) + roasted))
			.andExpect(status().isCreated()).andReturn());
		assertThat(taskStatus(mixed, "CIQ")).isEqualTo("PENDING");
	}

	@Test
	void aQuotaCountedInKilogramsIsWrittenOffInKilogramsWhateverUnitTheLineIsIn() throws Exception {
		Uscc coffee = EnterpriseFixtures.demo("COFFEE");
		java.util.function.Supplier<HeldPermit> quarantine = () -> permits.heldBy(coffee).stream()
			.filter(p -> p.catalogueCode().equals("QUARANTINE_ENTRY") && p.status().equals("IN_FORCE"))
			.findFirst().orElseThrow();
		HeldPermit before = quarantine.get();
		assertThat(before.quotaUnit()).isEqualTo("KGM");
		String declaration = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"VN",
				 "tradingCountry":"VN","currency":"USD","incoterm":"CIF","packages":2,"grossWeight":130,"netWeight":120,
				 "items":[{"hsCode":"0901110000","description":"green coffee beans","quantity":%s,"unit":"%s",
				 %s"value":480,"origin":"VN","permitNumber":"%s"}]}""";

		// 0.12 tonnes is 120 kilograms of the quota (it was 0.12 of a kilogram).
		String tonnes = body(submit("trader.coffee", null, declaration.formatted("0.12", "TNE", "", before.number()))
			.andExpect(status().isCreated()).andReturn());
		assertThat(taskStatus(tonnes, "CIQ")).isEqualTo("AUTO_APPROVED");
		assertThat(quarantine.get().remainingQuantity())
			.isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("120")));

		// 40 bags, a line counted in kilograms: refused without its weight, and written off by it when it gives it.
		submit("trader.coffee", null, declaration.formatted("40", "C62", "", before.number()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].statisticalQuantity"))
			.andExpect(jsonPath("$.errors[0].code").value("STATISTICAL_QUANTITY_REQUIRED"));
		String bags = body(submit("trader.coffee", null,
				declaration.formatted("40", "C62", "\"statisticalQuantity\":60,", before.number()))
			.andExpect(status().isCreated()).andReturn());
		assertThat(taskStatus(bags, "CIQ")).isEqualTo("AUTO_APPROVED");
		assertThat(quarantine.get().remainingQuantity())
			.isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("180")));

		// The statistical quantity in tonnes is kept, and written off, in kilograms; in litres it is no weight at all.
		String inTonnes = body(submit("trader.coffee", null, declaration.formatted("40", "C62",
				"\"statisticalQuantity\":0.06,\"statisticalUnit\":\"TNE\",", before.number()))
			.andExpect(status().isCreated()).andReturn());
		assertThat(new BigDecimal(JsonPath.read(inTonnes, "$.items[0].statisticalQuantity").toString()))
			.isEqualByComparingTo("60");
		assertThat(quarantine.get().remainingQuantity())
			.isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("240")));
		submit("trader.coffee", null, declaration.formatted("40", "C62",
				"\"statisticalQuantity\":60,\"statisticalUnit\":\"LTR\",", before.number()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].statisticalUnit"))
			.andExpect(jsonPath("$.errors[0].code").value("STATISTICAL_UNIT_NOT_LEGAL"));
	}

	@Test
	void aQueryIsAnsweredAndARejectionGivesThePermitQuotaBack() throws Exception {
		HeldPermit before = ail();
		String created = body(submit("trader.chip", null, chipDeclaration(before.number(), "3"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("3")));

		decide("officer.ciq", taskId(created, "CIQ"), "QUERY", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
		decide("officer.ciq", taskId(created, "CIQ"), "QUERY", "Which lab tested the batteries?")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("QUERIED"));
		mvc.perform(post("/api/v1/declarations/{id}/queries/CIQ/answer", id)
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"CQC Xiamen, report 2026-118\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNDER_REVIEW"));

		decide("officer.ciq", taskId(created, "CIQ"), "REJECT", "Battery certificate expired")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity());
		decide("officer.commerce", taskId(created, "COMMERCE"), "APPROVE", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DECLARATION_CLOSED"));
		String customsQueue = body(mvc.perform(get("/api/v1/agencies/CUSTOMS/tasks")
			.header("Authorization", "Bearer sw-demo-officer.customs")).andExpect(status().isOk()).andReturn());
		assertThat(JsonPath.<List<String>>read(customsQueue, "$[*].declarationId")).doesNotContain(id);
	}

	@Test
	void reportsEveryProblemAtOnceAndStoresNothing() throws Exception {
		long before = declarations();
		String bad = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"1","port":"CNQQQ","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"XX","currency":"USD","incoterm":"CIF","packages":1,
				 "grossWeight":10,"netWeight":20,
				 "items":[{"hsCode":"9999990000","description":"x","quantity":1,"unit":"C62","value":10,"origin":"US"},
				          {"hsCode":"8542319000","description":"chips","quantity":-1,"unit":"XYZ","value":10,"origin":"US"}]}""";
		submit("trader.chip", null, bad)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[?(@.field == 'tradingCountry')].code").value("COUNTRY_UNKNOWN"))
			.andExpect(jsonPath("$.errors[?(@.field == 'netWeight')].code").value("NET_WEIGHT_ABOVE_GROSS"))
			.andExpect(jsonPath("$.errors[?(@.field == 'items[0].hsCode')].code").value("HS_CODE_UNKNOWN"))
			.andExpect(jsonPath("$.errors[?(@.field == 'items[1].quantity')].code").value("QUANTITY_NOT_POSITIVE"))
			.andExpect(jsonPath("$.errors[?(@.field == 'items[1].unit')].code").value("UNIT_UNKNOWN"));
		assertThat(declarations()).isEqualTo(before);
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheSameDeclarationAndADifferentBodyIsRefused() throws Exception {
		String key = "retry-" + UUID.randomUUID();
		String body = chipDeclaration(null, null);
		String first = body(submit("trader.chip", key, body).andExpect(status().isCreated()).andReturn());
		String second = body(submit("trader.chip", key, body).andExpect(status().isOk()).andReturn());
		assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
		submit("trader.chip", key, body.replace("\"value\":4000", "\"value\":4001"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
	}

	@Test
	void aKeyedSubmissionKeepsTheTradersOwnReferenceAndEitherOneAnswersARetry() throws Exception {
		String key = "retry-" + UUID.randomUUID();
		String reference = "PO-" + UUID.randomUUID().toString().substring(0, 8);
		String body = chipDeclaration(null, null).replace("\"declarant\":null,",
				"\"declarant\":null,\"clientReference\":\"" + reference + "\",");
		String first = body(submit("trader.chip", key, body).andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(first, "$.id");
		// The trader's purchase order number is what the trader searches and reconciles by: a key does not replace it.
		assertThat(JsonPath.<String>read(view("trader.chip", id), "$.clientReference")).isEqualTo(reference);
		assertThat(JsonPath.<String>read(body(submit("trader.chip", key, body).andExpect(status().isOk()).andReturn()),
				"$.id")).isEqualTo(id);
		// Software that lost its key and sends the same declaration under a new one is answered by the reference.
		assertThat(JsonPath.<String>read(
				body(submit("trader.chip", "new-" + key, body).andExpect(status().isOk()).andReturn()), "$.id"))
			.isEqualTo(id);
		// Another declaration under the key, or under the reference, is refused and nothing is stored.
		submit("trader.chip", key, body.replace(reference, reference + "-2").replace("\"value\":4000", "\"value\":4001"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
		submit("trader.chip", "third-" + key, body.replace("\"value\":4000", "\"value\":4001"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
		assertThat(jdbc.sql("SELECT count(*) FROM declaration WHERE client_reference IN (?, ?) OR client_reference LIKE ?")
			.params(reference, reference + "-2", "%" + key).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRetryAnswersTheDeclarationEvenWhenItsBodyWouldBeRefusedToday() throws Exception {
		String key = "retry-later-" + UUID.randomUUID();
		String body = chipDeclaration(null, null);
		String first = body(submit("trader.chip", key, body).andExpect(status().isCreated()).andReturn());
		// The US dollar's rates disappear (as if the month had turned before the next month's rate was set).
		jdbc.sql("UPDATE exchange_rate SET currency = 'XTS' WHERE currency = 'USD'").update();
		try {
			submit("trader.chip", "new-" + key, body)
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("EXCHANGE_RATE_MISSING"));
			String retried = body(submit("trader.chip", key, body).andExpect(status().isOk()).andReturn());
			assertThat(JsonPath.<String>read(retried, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
			submit("trader.chip", key, body.replace("\"value\":4000", "\"value\":4001"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
		} finally {
			jdbc.sql("UPDATE exchange_rate SET currency = 'USD' WHERE currency = 'XTS'").update();
		}
	}

	@Test
	void twoConcurrentSubmissionsWithOneKeyMakeOneDeclaration() throws Exception {
		String key = "race-" + UUID.randomUUID();
		String body = chipDeclaration(null, null);
		List<Integer> statuses = race(2, () -> submit("trader.chip", key, body).andReturn().getResponse().getStatus());
		assertThat(statuses).containsExactlyInAnyOrder(200, 201);
		assertThat(jdbc.sql("SELECT count(*) FROM declaration WHERE client_reference = ?").param(key).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void twoOfficersDecidingOneTaskNeverBothWin() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(ail().number(), "1"))
			.andExpect(status().isCreated()).andReturn());
		String task = taskId(created, "CIQ");
		// Two decisions at one instant, one to approve and one to reject: exactly one wins (the same decision sent
		// twice is one decision, answered twice: RepeatedDecisionIntegrationTests).
		var turn = new java.util.concurrent.atomic.AtomicInteger();
		List<Integer> statuses = race(2, () -> (turn.getAndIncrement() == 0
				? decide("officer.ciq", task, "APPROVE", null) : decide("officer.ciq", task, "REJECT", "Expired"))
			.andReturn().getResponse().getStatus());
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("SELECT version FROM agency_task WHERE id = ?").param(UUID.fromString(task))
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aDecisionRacingAnAnswerLeavesAConsistentState() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		String ciq = taskId(created, "CIQ");
		decide("officer.ciq", ciq, "QUERY", "Origin proof?").andExpect(status().isOk());
		// The trader answers twice at once (a double click on two nodes): one answer re-opens the task.
		race(2, () -> {
			int answered = mvc.perform(post("/api/v1/declarations/{id}/queries/CIQ/answer", id)
				.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
				.content("{\"answer\":\"attached\"}")).andReturn().getResponse().getStatus();
			return answered;
		});
		String view = view("officer.ciq", id);
		assertThat(JsonPath.<String>read(view, "$.status")).isEqualTo("UNDER_REVIEW");
		assertThat(taskStatus(view, "CIQ")).isEqualTo("PENDING");
		assertThat(JsonPath.<List<String>>read(view, "$.timeline[?(@.event == 'ANSWERED')].event")).hasSize(1);
	}

	@Test
	void anAmendmentReopensOnlyTheTasksOfAgenciesWhoseLinesChanged() throws Exception {
		HeldPermit before = ail();
		String created = body(submit("trader.chip", null, chipDeclaration(before.number(), "2"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		decide("officer.ciq", taskId(created, "CIQ"), "QUERY", "Battery test report?").andExpect(status().isOk());

		// Only the processors line (customs only) changes: CIQ's question stays open, the licence stays written off.
		String amended = body(mvc.perform(put("/api/v1/declarations/{id}", id)
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content(chipDeclaration(before.number(), "2").replace("\"value\":4000", "\"value\":4500")))
			.andExpect(status().isOk()).andReturn());
		assertThat(taskStatus(amended, "CIQ")).isEqualTo("QUERIED");
		assertThat(JsonPath.<String>read(amended, "$.status")).isEqualTo("QUERIED");
		assertThat(taskStatus(amended, "COMMERCE")).isEqualTo("AUTO_APPROVED");
		assertThat(JsonPath.<List<Object>>read(amended, "$.items[?(@.lineNo == 2)].value").getFirst().toString())
			.startsWith("4500");
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("2")));

		// The computers line changes: CIQ and the licence are decided afresh (the amendment answers the question), the
		// quota follows the new quantity.
		String again = body(mvc.perform(put("/api/v1/declarations/{id}", id)
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content(chipDeclaration(before.number(), "4")))
			.andExpect(status().isOk()).andReturn());
		assertThat(taskStatus(again, "CIQ")).isEqualTo("PENDING");
		assertThat(JsonPath.<String>read(again, "$.status")).isEqualTo("UNDER_REVIEW");
		assertThat(taskStatus(again, "COMMERCE")).isEqualTo("AUTO_APPROVED");
		assertThat(JsonPath.<List<String>>read(again, "$.timeline[*].event")).contains("AMENDED", "REOPENED");
		assertThat(ail().remainingQuantity()).isEqualByComparingTo(before.remainingQuantity().subtract(new BigDecimal("4")));
		mvc.perform(put("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content(chipDeclaration(before.number(), "4")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDecisionRacingAnAmendmentNeverApprovesWhatTheOfficerDidNotSee() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		String ciq = taskId(created, "CIQ");
		int seenVersion = JsonPath.<List<Integer>>read(created, "$.tasks[?(@.agency == 'CIQ')].version").getFirst();

		List<Integer> statuses = AtOneInstant.both(
				() -> mvc.perform(post("/api/v1/tasks/{id}/decision", ciq)
					.header("Authorization", "Bearer sw-demo-officer.ciq").contentType(MediaType.APPLICATION_JSON)
					.content("{\"decision\":\"APPROVE\",\"version\":" + seenVersion + "}"))
					.andReturn().getResponse().getStatus(),
				() -> mvc.perform(put("/api/v1/declarations/{id}", id)
					.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
					.content(chipDeclaration(null, "7")))
					.andReturn().getResponse().getStatus());
		assertThat(statuses.get(1)).isEqualTo(200);
		assertThat(statuses.get(0)).isIn(200, 409);
		// Whichever came first, the inspection officer must look at the amended computers line.
		String view = view("officer.ciq", id);
		assertThat(taskStatus(view, "CIQ")).isEqualTo("PENDING");
		assertThat(JsonPath.<String>read(view, "$.status")).isEqualTo("UNDER_REVIEW");
		decide("officer.ciq", ciq, "APPROVE", null).andExpect(status().isOk());
		// A stale version after the amendment is refused.
		String stale = body(submit("trader.chip", null, chipDeclaration(null, "1")).andReturn());
		String staleTask = taskId(stale, "CIQ");
		mvc.perform(put("/api/v1/declarations/{id}", (String) JsonPath.read(stale, "$.id"))
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content(chipDeclaration(null, "2"))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/tasks/{id}/decision", staleTask).header("Authorization", "Bearer sw-demo-officer.ciq")
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"version\":0}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("TASK_CHANGED"));
	}

	@Test
	void onlyTheDeclarantSideSeesADeclarationAndOnlyTheRoutedAgencyDecides() throws Exception {
		String created = body(submit("trader.chip", null, chipDeclaration(null, "1"))
			.andExpect(status().isCreated()).andReturn());
		String id = JsonPath.read(created, "$.id");
		// No licence referenced: the licensing task waits for its officer instead of being approved by rule.
		assertThat(taskStatus(created, "COMMERCE")).isEqualTo("PENDING");
		mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-trader.coffee"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-broker"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.channel").doesNotExist());
		mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-officer.customs"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.channel").exists());
		// The channel is customs' knowledge: the licensing officer, whose task this declaration holds, does not see it.
		mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-officer.commerce"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.channel").doesNotExist());
		decide("officer.commerce", taskId(created, "CIQ"), "APPROVE", null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_AGENCY"));
		mvc.perform(get("/api/v1/agencies/CIQ/tasks").header("Authorization", "Bearer sw-demo-officer.customs"))
			.andExpect(status().isForbidden());
		submit("trader.tungsten", null, chipDeclaration(null, null).replace("{\"declarant\":null", "{\"declarant\":\"" + CHIP + "\""))
			.andExpect(status().isForbidden());
		submit("broker", null, chipDeclaration(null, null).replace("{\"declarant\":null", "{\"declarant\":\"" + CHIP + "\""))
			.andExpect(status().isCreated());
	}

	@Test
	void aWebhookReceivesSignedStatusEventsRetriedUntilAcknowledged() throws Exception {
		List<Map.Entry<String, String>> received = new CopyOnWriteArrayList<>();
		AtomicInteger calls = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = calls.incrementAndGet() == 1 ? 503 : 204;
			if (status == 204) {
				received.add(Map.entry(exchange.getRequestHeaders().getFirst("X-SingleWindow-Signature"), payload));
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		try {
			// A status event before the webhook exists: a node keeps "no webhooks" for the declarant until a
			// subscription changes the revision of what it keeps (V11_4_1); the next declaration's events must arrive.
			submit("trader.tungsten", null, tungstenExport()).andExpect(status().isCreated());
			String registered = body(mvc.perform(post("/api/v1/webhooks").header("Authorization", "Bearer sw-demo-trader.tungsten")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\"}"))
				.andExpect(status().isCreated()).andReturn());
			String secret = JsonPath.read(registered, "$.secret");
			String webhookId = JsonPath.read(registered, "$.id");
			assertThat(jdbc.sql("SELECT secret FROM webhook_subscription WHERE id = ?::uuid").param(webhookId)
				.query(String.class).single()).as("stored sealed: a copy of the database does not sign")
				.startsWith("sealed:v1:").doesNotContain(secret.substring("whsec_".length()));
			String created = body(submit("trader.tungsten", null, tungstenExport()).andExpect(status().isCreated()).andReturn());
			String number = JsonPath.read(created, "$.number");

			Instant now = time.now();
			webhooks.deliverDue(now);
			// The outbox row is written by an asynchronous listener of the submission, so it may not be there yet on a
			// busy machine: deliver "two hours later" (past the retry back-off) until the retry has been acknowledged.
			long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while ((calls.get() < 2 || received.isEmpty()) && System.nanoTime() < giveUp) {
				webhooks.deliverDue(time.now().plus(Duration.ofHours(2)));
				Thread.sleep(100);
			}
			assertThat(calls.get()).isGreaterThanOrEqualTo(2);
			assertThat(received).anySatisfy(e -> {
				assertThat(e.getValue()).contains(number);
				String t = e.getKey().replaceAll("t=(\\d+),v1=.*", "$1");
				assertThat(e.getKey()).endsWith("v1=" + Webhooks.sign(secret, Long.parseLong(t), e.getValue()));
			});
			mvc.perform(delete("/api/v1/webhooks/{id}", webhookId).header("Authorization", "Bearer sw-demo-trader.tungsten"))
				.andExpect(status().isNoContent());
		} finally {
			server.stop(0);
		}
	}

	@Test
	void aReceiverThatNeverAnswersHoldsAPollForOneTimeoutNotOneForEveryEvent() throws Exception {
		// Connections are accepted by the backlog, and no answer ever comes: each send waits for its read timeout.
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
				java.net.InetAddress.getByName("127.0.0.1"))) {
			String registered = body(mvc.perform(post("/api/v1/webhooks").header("Authorization", "Bearer sw-demo-trader.bio")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://127.0.0.1:" + silent.getLocalPort() + "/hook\"}"))
				.andExpect(status().isCreated()).andReturn());
			String subscription = JsonPath.read(registered, "$.id");
			for (int i = 0; i < 3; i++) {
				submit("trader.bio", null, tungstenExport()).andExpect(status().isCreated());
			}
			long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND delivered_at IS NULL")
				.param(subscription).query(Long.class).single() < 3 && System.nanoTime() < giveUp) {
				Thread.sleep(100);
			}
			// This poll, or the background poller that may have claimed some of them first (every 2 s): the time until
			// all three were tried is what one receiver's silence costs everyone else.
			long started = System.nanoTime();
			webhooks.deliverDue(time.now().plus(Duration.ofHours(2)));
			while (jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND attempts > 0")
				.param(subscription).query(Long.class).single() < 3 && System.nanoTime() < giveUp) {
				Thread.sleep(100);
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND attempts > 0")
				.param(subscription).query(Long.class).single()).as("events tried").isGreaterThanOrEqualTo(3);
			// One after the other, three events took three read timeouts (30 s); side by side, one.
			assertThat(took).isLessThan(WebhookSender.READ_TIMEOUT.multipliedBy(2));
			mvc.perform(delete("/api/v1/webhooks/{id}", subscription)
				.header("Authorization", "Bearer sw-demo-trader.bio")).andExpect(status().isNoContent());
		}
	}

	/**
	 * The scheduled webhook poller waiting for a receiver that never answers holds up no other background work: the
	 * statistics of a declaration cleared meanwhile are folded while the delivery still waits (every fixed-delay task of
	 * the platform runs on one scheduler thread; the delivery has a thread of its own).
	 */
	@Test
	void aReceiverThatNeverAnswersHoldsUpNoOtherBackgroundWork() throws Exception {
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
				java.net.InetAddress.getByName("127.0.0.1"))) {
			String subscription = JsonPath.read(body(mvc.perform(post("/api/v1/webhooks")
				.header("Authorization", "Bearer sw-demo-trader.bio").contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://127.0.0.1:" + silent.getLocalPort() + "/hook\"}"))
				.andExpect(status().isCreated()).andReturn()), "$.id");
			try {
				submit("trader.bio", null, tungstenExport()).andExpect(status().isCreated());
				long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (!deliveryInFlight(subscription)) {
					assertThat(System.nanoTime()).as("the poller sends the event within 30 s").isLessThan(giveUp);
					Thread.sleep(50);
				}

				String cleared = body(submit("trader.chip", "fold-" + UUID.randomUUID(), processors("200", "4000"))
					.andExpect(status().isCreated()).andReturn());
				assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
				UUID id = UUID.fromString(JsonPath.read(cleared, "$.id"));
				long foldBy = System.nanoTime() + WebhookSender.READ_TIMEOUT.dividedBy(2).toNanos();
				while (jdbc.sql("SELECT count(*) FROM statistics_pending WHERE declaration_id = ?").param(id)
					.query(Long.class).single() > 0) {
					assertThat(System.nanoTime()).as("statistics folded while the poller waits").isLessThan(foldBy);
					Thread.sleep(50);
				}
				assertThat(deliveryInFlight(subscription)).as("the receiver still keeps the poller waiting").isTrue();
			} finally {
				mvc.perform(delete("/api/v1/webhooks/{id}", subscription)
					.header("Authorization", "Bearer sw-demo-trader.bio")).andExpect(status().isNoContent());
			}
		}
	}

	/** Whether the subscription's undelivered event is being sent: the poller holds its row until the answer. */
	private boolean deliveryInFlight(String subscription) {
		return jdbc.sql("""
				SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND delivered_at IS NULL
				AND attempts = 0 AND id NOT IN (SELECT id FROM webhook_delivery WHERE subscription_id = ?::uuid
				    FOR UPDATE SKIP LOCKED)""")
			.params(subscription, subscription).query(Long.class).single() > 0;
	}

	@Test
	void pollersOnSeveralNodesNeverSendOneEventTwice() throws Exception {
		List<String> deliveries = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			deliveries.add(exchange.getRequestHeaders().getFirst("X-SingleWindow-Delivery"));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			String registered = body(mvc.perform(post("/api/v1/webhooks").header("Authorization", "Bearer sw-demo-trader.bio")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\"}"))
				.andExpect(status().isCreated()).andReturn());
			for (int i = 0; i < 3; i++) {
				submit("trader.bio", null, tungstenExport()).andExpect(status().isCreated());
			}
			// The outbox rows are written by an asynchronous listener of the submissions: the race starts once all are there.
			String subscription = JsonPath.read(registered, "$.id");
			long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid").param(subscription)
				.query(Long.class).single() < 3 && System.nanoTime() < giveUp) {
				Thread.sleep(100);
			}
			Instant later = time.now().plus(Duration.ofHours(2));
			race(3, () -> webhooks.deliverDue(later));
			// The background poller may have claimed some of them in the race's moment: poll until all three arrived.
			for (long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); deliveries.size() < 3
					&& System.nanoTime() < until;) {
				webhooks.deliverDue(later);
			}
			assertThat(deliveries).hasSize(3).doesNotHaveDuplicates();
			mvc.perform(delete("/api/v1/webhooks/{id}", subscription)
				.header("Authorization", "Bearer sw-demo-trader.bio")).andExpect(status().isNoContent());
		} finally {
			server.stop(0);
		}
	}

	@Test
	void backsOffExponentiallyUpToAnHour() {
		assertThat(Webhooks.backoff(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(Webhooks.backoff(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(Webhooks.backoff(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(Webhooks.backoff(30)).isEqualTo(Duration.ofHours(1));
	}

	// --- helpers

	private HeldPermit ail() {
		return permits.heldBy(Uscc.parse(CHIP)).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
	}

	/** Portable computers (customs, CIQ, licence) and processors (customs only). */
	static String chipDeclaration(String permit, String computers) {
		String first = computers == null ? "" : """
				{"hsCode":"8471300000","description":"portable computers","quantity":%s,"unit":"C62","value":%s,
				 "origin":"US","permitNumber":%s},""".formatted(computers, new BigDecimal(computers).multiply(new BigDecimal("800")),
				permit == null ? "null" : "\"" + permit + "\"");
		return """
				{"declarant":null,"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":3,
				 "grossWeight":120,"netWeight":100,
				 "items":[%s{"hsCode":"8542319000","description":"processors","quantity":200,"unit":"C62","value":4000,"origin":"US"}]}"""
			.formatted(first);
	}

	/** Processors only: customs alone answers for them. */
	static String processors(String quantity, String usd) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":3,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":%s,"unit":"C62","value":%s,"origin":"US"}]}"""
			.formatted(quantity, usd);
	}

	static String tungstenExport() {
		return """
				{"flow":"EXPORT","tradeMode":"0110","transportMode":"1","port":"CNXMN","originCountry":"CN",
				 "destinationCountry":"DE","tradingCountry":"DE","currency":"USD","incoterm":"FOB","packages":1,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":10,"unit":"C62","value":900,"origin":"CN"}]}""";
	}

	private org.springframework.test.web.servlet.ResultActions submit(String user, String key, String json)
			throws Exception {
		var request = post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-" + user)
			.contentType(MediaType.APPLICATION_JSON).content(json);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private org.springframework.test.web.servlet.ResultActions decide(String user, String task, String decision,
			String reason) throws Exception {
		return mvc.perform(post("/api/v1/tasks/{id}/decision", task).header("Authorization", "Bearer sw-demo-" + user)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"" + decision + "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
					+ "}"));
	}

	private org.springframework.test.web.servlet.ResultActions answer(String user, String declaration, String agency,
			String text) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/queries/{agency}/answer", declaration, agency)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"" + text + "\"}"));
	}

	private org.springframework.test.web.servlet.ResultActions release(String id) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/release", id)
			.header("Authorization", "Bearer sw-demo-officer.customs"));
	}

	/** Customs records the payment of the duties as the bank reported it; {@literal null} leaves a field out. */
	private org.springframework.test.web.servlet.ResultActions pay(String user, String id, String amount,
			String paidOn, String reference) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/duty-payment", id)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + amount + ",\"paidOn\":" + (paidOn == null ? "null" : "\"" + paidOn + "\"")
					+ ",\"reference\":\"" + reference + "\"}"));
	}

	/** Customs records the payment of the whole amount due today, so that the goods may be released. */
	private void payDuties(String id) throws Exception {
		pay("officer.customs", id, decimal(view("officer.customs", id), "$.duties.amountDue").toPlainString(), null,
				"ICBC-" + id.substring(0, 8)).andExpect(status().isOk());
	}

	/** What the audit trail recorded of the declaration, oldest first: "ACTION by user". */
	private List<String> audited(String id) {
		return jdbc.sql("""
				SELECT action || ' by ' || actor_name FROM audit_entry
				WHERE subject_type = 'DECLARATION' AND subject_id = ? ORDER BY id""").param(id).query(String.class).list();
	}

	private static BigDecimal decimal(String json, String path) {
		return new BigDecimal(JsonPath.read(json, path).toString());
	}

	private String view(String user, String id) throws Exception {
		return body(mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-" + user))
			.andExpect(status().isOk()).andReturn());
	}

	private static String taskId(String json, String agency) {
		return JsonPath.<List<String>>read(json, "$.tasks[?(@.agency == '" + agency + "')].id").getFirst();
	}

	private static String taskStatus(String json, String agency) {
		return JsonPath.<List<String>>read(json, "$.tasks[?(@.agency == '" + agency + "')].status").getFirst();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long declarations() {
		return jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single()
				+ jdbc.sql("SELECT count(*) FROM declaration_item").query(Long.class).single();
	}

	private static <T> List<T> race(int threads, Callable<T> action) throws Exception {
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(threads)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return action.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
	}

}
