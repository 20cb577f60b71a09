package io.singlewindow.statistics.internal;

import static io.singlewindow.statistics.ClearedDeclarations.aClearedDeclaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.declaration.DeclarationCancelled;
import io.singlewindow.declaration.DeclarationCorrected;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TestClock;

@SingleWindowIntegrationTest
class StatisticsIntegrationTests {

	static final String ADMIN = "Bearer sw-demo-admin";
	static final String OFFICER = "Bearer sw-demo-officer.customs";

	@Autowired
	MockMvc mvc;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	DeclarationClearedListener listener;
	@Autowired
	StatisticsLedger ledger;
	@Autowired
	TradeDashboards dashboards;
	@Autowired
	AggregateTradeFigures aggregates;
	@Autowired
	GroupByTradeFigures groupBy;
	@Autowired
	SyntheticDeclarations generator;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BusinessTime time;
	@Autowired
	TestClock clock;

	/** Mid-month: "a minute ago" and "this month" are then the same month, whenever the suite runs. */
	@BeforeEach
	void pinTheClockToTheMiddleOfTheMonth() {
		clock.pinMidMonth();
	}

	@AfterEach
	void letTimeRun() {
		clock.release();
	}

	@Test
	void aClearedDeclarationIsCountedWithTheDeclarantsClassificationAtClearance() throws Exception {
		DeclarationCleared cleared = aClearedDeclaration().importBy("CHIP").at(time.now().minusSeconds(60)).from("KR")
			.withLine("8542319000", "710000.00").withLine("8471300000", "71000.00").build();
		transactions.executeWithoutResult(tx -> events.publishEvent(cleared));

		awaitRecorded(cleared);
		Map<String, Object> line = jdbc.sql("""
				SELECT flow, hs_chapter, hs_section, partner, trade_mode, high_tech, chain, value_cny, value_usd,
				       synthetic FROM statistics_fact WHERE declaration_id = ? AND line_no = 1""")
			.param(cleared.declarationId()).query().singleRow();
		assertThat(line).containsEntry("flow", "IMPORT").containsEntry("hs_chapter", "85")
			.containsEntry("hs_section", "XVI").containsEntry("partner", "KR").containsEntry("trade_mode", "0110")
			.containsEntry("high_tech", true).containsEntry("chain", "INTEGRATED_CIRCUITS")
			.containsEntry("synthetic", false);
		assertThat((java.math.BigDecimal) line.get("value_usd")).isEqualByComparingTo("100000.00");
	}

	@Test
	void aDeclarationClearedAMinuteAgoIsOnTheDashboardAtOnce() throws Exception {
		YearMonth now = time.month();
		String url = "/api/v1/statistics/dashboard?year=" + now.getYear() + "&month=" + now.getMonthValue()
				+ "&period=month&flow=EXPORT";
		long before = declarationsIn(url);
		DeclarationCleared cleared = aClearedDeclaration().exportBy("TUNGSTEN").at(time.now().minusSeconds(60))
			.from("JP").withLine("8101940000", "1234.56").build();
		transactions.executeWithoutResult(tx -> events.publishEvent(cleared));
		awaitRecorded(cleared);

		assertThat(declarationsIn(url)).isEqualTo(before + 1);
	}

	@Test
	void aRedeliveredEventIsNotCountedTwice() {
		DeclarationCleared cleared = aClearedDeclaration().exportBy("TUNGSTEN").on(2013, 5, 2).from("DE")
			.withLine("8101940000", "5000.00").build();
		record(cleared);
		Map<String, Object> once = totals(2013, 5);
		record(cleared);
		StatisticsLedger.Recorded again = ledger.record(List.of(listener.toStatistics(cleared)));

		assertThat(again.declarations()).isZero();
		assertThat(totals(2013, 5)).isEqualTo(once);
		assertThat(once.get("value_cny").toString()).isEqualTo("5000.00");
		assertThat(once.get("declarations")).isEqualTo(1L);
	}

	@Test
	void clearancesAreCountedWithTheirTransactionOnlyAndEachOnceWhenFoldedTogether() throws Exception {
		DeclarationCleared rolledBack = aClearedDeclaration().importBy("CHIP").on(2009, 8, 3).from("KR")
			.withLine("8542319000", "900.00").build();
		transactions.executeWithoutResult(tx -> {
			events.publishEvent(rolledBack);
			tx.setRollbackOnly();
		});
		List<DeclarationCleared> committed = List.of(
				aClearedDeclaration().importBy("CHIP").on(2009, 8, 5).from("KR").withLine("8542319000", "100.00")
					.withLine("8542319000", "20.00").build(),
				aClearedDeclaration().importBy("COFFEE").on(2009, 8, 6).from("BR").withLine("0901110000", "3.00")
					.build());
		transactions.executeWithoutResult(tx -> committed.forEach(events::publishEvent));
		for (DeclarationCleared cleared : committed) {
			awaitRecorded(cleared);
		}
		// The same clearance heard again (a redelivery, another node) stages it again; the fold skips it.
		transactions.executeWithoutResult(tx -> events.publishEvent(committed.getFirst()));
		ledger.fold();

		assertThat(ledger.isRecorded(rolledBack.declarationId())).isFalse();
		Map<String, Object> august = totals(2009, 8);
		assertThat(august.get("value_cny").toString()).isEqualTo("123.00");
		assertThat(august.get("declarations")).isEqualTo(2L);
		assertThat(august.get("lines")).isEqualTo(3L);
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_pending").query(Long.class).single()).isZero();
	}

	@Test
	void theClearancesOfOneTransactionAreRecordedTogetherAsItCommits() throws Exception {
		List<DeclarationCleared> cleared = List.of(
				aClearedDeclaration().importBy("CHIP").on(2008, 9, 1).from("KR").withLine("8542319000", "10.00").build(),
				aClearedDeclaration().importBy("COFFEE").on(2008, 9, 2).from("BR").withLine("0901110000", "5.00")
					.withLine("0901110000", "1.00").build());
		long factsInTheTransaction = transactions.execute(tx -> {
			cleared.forEach(events::publishEvent);
			return jdbc.sql("SELECT count(*) FROM statistics_fact WHERE declaration_id IN (?, ?)")
				.params(cleared.get(0).declarationId(), cleared.get(1).declarationId()).query(Long.class).single();
		});
		for (DeclarationCleared c : cleared) {
			awaitRecorded(c);
		}

		assertThat(factsInTheTransaction).as("facts written before the commit").isZero();
		Map<String, Object> september = totals(2008, 9);
		assertThat(september.get("value_cny").toString()).isEqualTo("16.00");
		assertThat(september.get("declarations")).isEqualTo(2L);
		assertThat(september.get("lines")).isEqualTo(3L);
	}

	@Test
	void aRebuildCountsAClearanceWaitingForTheFoldOnce() {
		DeclarationCleared cleared = aClearedDeclaration().importBy("CHIP").on(2008, 4, 7).from("KR")
			.withLine("8542319000", "640.00").withLine("8542319000", "2.00").build();
		// Cleared and rebuilt in one transaction, so that no scheduled fold can take the clearance in between: the
		// rebuild finds its facts but no aggregate yet, and counts it.
		transactions.executeWithoutResult(tx -> {
			ledger.stage(List.of(listener.toStatistics(cleared)));
			ledger.rebuild("test");
		});
		ledger.fold();

		Map<String, Object> april = totals(2008, 4);
		assertThat(april.get("value_cny").toString()).isEqualTo("642.00");
		assertThat(april.get("declarations")).isEqualTo(1L);
		assertThat(april.get("lines")).isEqualTo(2L);
		assertThat(ledger.isRecorded(cleared.declarationId())).isTrue();
	}

	@Test
	void theSameDeclarationRecordedByTwoNodesAtOnceCountsOnce() throws Exception {
		DeclarationCleared cleared = aClearedDeclaration().importBy("COFFEE").on(2014, 7, 9).from("ET")
			.withLine("0901110000", "800.00").build();
		StatisticalDeclaration declaration = listener.toStatistics(cleared);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<StatisticsLedger.Recorded>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < 4; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return ledger.record(List.of(declaration));
				}));
			}
			start.countDown();
			int recorded = 0;
			for (Future<StatisticsLedger.Recorded> r : results) {
				recorded += r.get().declarations();
			}
			assertThat(recorded).isEqualTo(1);
		}
		assertThat(totals(2014, 7).get("value_cny").toString()).isEqualTo("800.00");
	}

	@Test
	void aggregatesEqualARebuildAndAPlainGroupByOverTheDeclarations() {
		generator.generate(0, 60, 4242, 37); // the current year to date, in many small batches
		for (int i = 0; i < 3; i++) {
			record(aClearedDeclaration().importBy("BIO").on(2015, 1 + i, 10).from("CH")
				.withLine("3004909099", "1000." + i).withLine("3004909099", "2.5").build());
		}
		YearMonth now = time.month();
		List<Period> periods = List.of(new Period(now, true), new Period(now, false),
				new Period(now.minusMonths(1), false), new Period(YearMonth.of(2015, 3), true),
				new Period(YearMonth.of(now.getYear() - 1, 12), true));

		List<Map<String, Object>> maintained = aggregateRows();
		for (Period period : periods) {
			for (FlowFilter flow : FlowFilter.values()) {
				assertThat(dashboards.dashboard(period, flow, aggregates))
					.as("%s %s", period, flow)
					.isEqualTo(dashboards.dashboard(period, flow, groupBy));
			}
		}
		assertThat(dashboards.dashboard(new Period(YearMonth.of(2015, 3), true), FlowFilter.IMPORT, aggregates)
			.headline().imports().current().lines()).isEqualTo(6);

		StatisticsLedger.Rebuild rebuild = ledger.rebuild("test");
		assertThat(rebuild.factRows()).isPositive();
		assertThat(aggregateRows()).isEqualTo(maintained);
		for (Period period : periods) {
			assertThat(dashboards.dashboard(period, FlowFilter.TOTAL, aggregates))
				.isEqualTo(dashboards.dashboard(period, FlowFilter.TOTAL, groupBy));
		}
	}

	@Test
	void aDeclarationCustomsCancelsLeavesTheFiguresARebuildWouldHave() {
		DeclarationCleared cancelled = aClearedDeclaration().importBy("CHIP").on(2007, 6, 4).from("KR")
			.withLine("8542319000", "100.00").withLine("8471300000", "20.00").build();
		DeclarationCleared kept = aClearedDeclaration().importBy("COFFEE").on(2007, 6, 5).from("BR")
			.withLine("0901110000", "3.00").build();
		record(cancelled);
		record(kept);
		assertThat(totals(2007, 6).get("declarations")).isEqualTo(2L);

		transactions.executeWithoutResult(tx -> events.publishEvent(cancellationOf(cancelled)));

		Map<String, Object> june = totals(2007, 6);
		assertThat(june.get("value_cny").toString()).isEqualTo("3.00");
		assertThat(june.get("declarations")).isEqualTo(1L);
		assertThat(june.get("lines")).isEqualTo(1L);
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_monthly WHERE month = DATE '2007-06-01'"
				+ " AND dimension = 'PARTNER' AND key = 'KR'").query(Long.class).single())
			.as("a key no line counts in any more is gone, as a rebuild leaves it").isZero();
		assertThat(ledger.isRecorded(cancelled.declarationId())).isFalse();
		assertThat(ledger.isRecorded(kept.declarationId())).isTrue();
		// Heard again (a redelivery): nothing left to take out.
		transactions.executeWithoutResult(tx -> events.publishEvent(cancellationOf(cancelled)));
		assertThat(totals(2007, 6)).isEqualTo(june);

		List<Map<String, Object>> maintained = aggregateRows();
		ledger.rebuild("test");
		assertThat(aggregateRows()).isEqualTo(maintained);
	}

	@Test
	void aCorrectionAfterTheMonthEndedChangesTheFiguresAsARebuildWouldAndIsListedAsARevision() throws Exception {
		DeclarationCleared corrected = aClearedDeclaration().importBy("CHIP").on(2007, 8, 4).from("KR")
			.withLine("8542319000", "100.00").withLine("8471300000", "20.00").build();
		DeclarationCleared kept = aClearedDeclaration().importBy("COFFEE").on(2007, 8, 5).from("BR")
			.withLine("0901110000", "3.00").build();
		record(corrected);
		record(kept);

		// Customs corrects line 1 in October, when August's figures were out: 100.00 → 150.00 CNY (21.13 USD).
		Instant october = java.time.LocalDate.of(2007, 10, 9).atTime(15, 30).atZone(BusinessTime.ZONE).toInstant();
		DeclarationCorrected correction = new DeclarationCorrected(corrected.declarationId(),
				corrected.declarationNumber(), corrected.declarant(), "officer.customs", "credit note withdrawn", october,
				new java.math.BigDecimal("13.00"), new java.math.BigDecimal("19.50"),
				List.of(new DeclarationCorrected.Line(1, new java.math.BigDecimal("150.00"),
						new java.math.BigDecimal("21.13"))));
		transactions.executeWithoutResult(tx -> events.publishEvent(correction));

		Map<String, Object> august = totals(2007, 8);
		assertThat(august.get("value_cny").toString()).isEqualTo("173.00");
		assertThat(august.get("declarations")).as("still two declarations").isEqualTo(2L);
		assertThat(august.get("lines")).isEqualTo(3L);
		assertThat(jdbc.sql("""
				SELECT value_cny FROM statistics_monthly WHERE month = DATE '2007-08-01' AND dimension = 'PARTNER'
				AND key = 'KR'""").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("170.00");
		List<Map<String, Object>> maintained = aggregateRows();
		ledger.rebuild("test");
		assertThat(aggregateRows()).as("the figures a rebuild computes from the facts").isEqualTo(maintained);
		// Heard again (a redelivery): the facts hold the corrected values already, nothing changes or is revised twice.
		transactions.executeWithoutResult(tx -> events.publishEvent(correction));
		assertThat(aggregateRows()).isEqualTo(maintained);

		String dashboard = body("/api/v1/statistics/dashboard?year=2007&month=8&period=month&flow=IMPORT");
		assertThat(JsonPath.<List<String>>read(dashboard, "$.revisions[*].cause")).containsExactly("CORRECTED");
		assertThat(JsonPath.<Integer>read(dashboard, "$.revisions[0].lines")).isEqualTo(1);
		assertThat(JsonPath.<Number>read(dashboard, "$.revisions[0].valueCny").toString())
			.as("what the month lost: a gain is negative").isEqualTo("-50.0");
		assertThat(Instant.parse(JsonPath.read(dashboard, "$.revisions[0].revisedAt"))).isEqualTo(october);
		var session = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
			.formLogin("/login").user("officer.customs").password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
		String page = mvc.perform(get("/statistics?year=2007&month=8&period=month&flow=IMPORT").cookie(session)
			.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"statistics-revisions\"", "Value corrected by customs", "+50.00");
		// The export says what the page says: the change to the month's figures, a gain positive.
		String csv = mvc.perform(get("/api/v1/statistics/tables/revisions.csv?year=2007&month=8&period=month"
				+ "&flow=IMPORT").header("Authorization", ADMIN).header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).hasSize(2);
		assertThat(csv.lines().toList().getFirst()).contains("Change (CNY)");
		assertThat(csv.lines().toList().getLast()).contains(",Value corrected by customs,1,50.00,");
	}

	@Test
	void aCorrectionBeforeTheClearanceWasFoldedIsCountedOnceAtItsCorrectedValue() {
		DeclarationCleared cleared = aClearedDeclaration().exportBy("TUNGSTEN").on(2007, 11, 9).from("JP")
			.withLine("8101940000", "77.00").build();
		Instant soon = java.time.LocalDate.of(2007, 11, 10).atTime(9, 0).atZone(BusinessTime.ZONE).toInstant();
		// Staged and corrected in one transaction, so that no scheduled fold can take the clearance in between.
		transactions.executeWithoutResult(tx -> {
			ledger.stage(List.of(listener.toStatistics(cleared)));
			events.publishEvent(new DeclarationCorrected(cleared.declarationId(), cleared.declarationNumber(),
					cleared.declarant(), "officer.customs", "invoice corrected", soon, java.math.BigDecimal.ZERO,
					java.math.BigDecimal.ZERO, List.of(new DeclarationCorrected.Line(1, new java.math.BigDecimal("70.00"),
							new java.math.BigDecimal("9.86")))));
		});
		ledger.fold();
		assertThat(totals(2007, 11).get("value_cny").toString()).isEqualTo("70.00");
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_revision WHERE declaration_id = ?")
			.param(cleared.declarationId()).query(Long.class).single()).as("November had not ended").isZero();
	}

	@Test
	void aCancellationAfterTheMonthEndedIsListedAsARevisionOfThatMonthAndOfTheGrowthAYearLater() throws Exception {
		DeclarationCleared revised = aClearedDeclaration().exportBy("TUNGSTEN").on(2009, 3, 10).from("JP")
			.withLine("8101940000", "100.00").withLine("8101960000", "20.50").build();
		DeclarationCleared sameMonth = aClearedDeclaration().exportBy("TUNGSTEN").on(2009, 3, 11).from("JP")
			.withLine("8101940000", "7.00").build();
		record(revised);
		record(sameMonth);

		// March's figures were out when the first is cancelled in May; the second is cancelled before March ended.
		Instant may = java.time.LocalDate.of(2009, 5, 4).atTime(10, 0).atZone(BusinessTime.ZONE).toInstant();
		transactions.executeWithoutResult(tx -> events.publishEvent(new DeclarationCancelled(revised.declarationId(),
				revised.declarationNumber(), revised.declarant(), "officer.customs", "export not shipped", may)));
		transactions.executeWithoutResult(tx -> events.publishEvent(cancellationOf(sameMonth)));
		// Heard again: nothing left to take out, nothing revised twice.
		transactions.executeWithoutResult(tx -> events.publishEvent(new DeclarationCancelled(revised.declarationId(),
				revised.declarationNumber(), revised.declarant(), "officer.customs", "export not shipped", may)));

		String march = body("/api/v1/statistics/dashboard?year=2009&month=3&period=month&flow=EXPORT");
		assertThat(JsonPath.<List<String>>read(march, "$.revisions[*].declarationNumber"))
			.containsExactly(revised.declarationNumber());
		assertThat(JsonPath.<String>read(march, "$.revisions[0].month")).isEqualTo("2009-03");
		assertThat(JsonPath.<String>read(march, "$.revisions[0].flow")).isEqualTo("EXPORT");
		assertThat(JsonPath.<String>read(march, "$.revisions[0].cause")).isEqualTo("CANCELLED");
		assertThat(JsonPath.<Integer>read(march, "$.revisions[0].lines")).isEqualTo(2);
		assertThat(JsonPath.<Number>read(march, "$.revisions[0].valueCny").toString()).isEqualTo("120.5");
		assertThat(Instant.parse(JsonPath.read(march, "$.revisions[0].revisedAt"))).isEqualTo(may);
		assertThat(JsonPath.<List<Object>>read(body(
				"/api/v1/statistics/dashboard?year=2009&month=3&period=month&flow=IMPORT"), "$.revisions")).isEmpty();
		assertThat(JsonPath.<List<Object>>read(body(
				"/api/v1/statistics/dashboard?year=2009&month=2&period=ytd&flow=TOTAL"), "$.revisions")).isEmpty();
		assertThat(JsonPath.<List<String>>read(body("/api/v1/statistics/dashboard?year=2010&month=6&period=ytd"),
				"$.revisions[*].declarationNumber")).as("the growth of 2010 compares with the revised March")
			.containsExactly(revised.declarationNumber());
		// The workbook of every table ends with them, as the page lists them; without a revision there is no such sheet.
		Map<String, String> workbook = unzip(mvc.perform(get(
				"/api/v1/statistics/tables/all.xlsx?year=2009&month=3&period=month&flow=EXPORT")
			.header("Authorization", ADMIN).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray());
		assertThat(workbook.get("xl/workbook.xml")).contains("name=\"revisions\"");
		assertThat(workbook.get("xl/sharedStrings.xml")).contains(revised.declarationNumber(), "Cancelled by customs",
				"Revised after the month ended", "2009-05-04T10:00+08:00");
		assertThat(unzip(mvc.perform(get("/api/v1/statistics/tables/all.xlsx?year=2009&month=3&period=month&flow=IMPORT")
			.header("Authorization", ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray()).get("xl/workbook.xml")).doesNotContain("name=\"revisions\"");
		// The single table of them, as JSON, CSV and XLSX like any table (the card's downloads); empty when none were.
		assertThat(JsonPath.<List<String>>read(body("/api/v1/statistics/tables/revisions?year=2009&month=3&period=month"
				+ "&flow=EXPORT"), "$.rows[*][2]")).containsExactly(revised.declarationNumber());
		String csv = mvc.perform(get("/api/v1/statistics/tables/revisions.csv?year=2009&month=3&period=month&flow=EXPORT")
			.header("Authorization", ADMIN).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains(revised.declarationNumber(), "Cancelled by customs", "2009-03");
		assertThat(unzip(mvc.perform(get("/api/v1/statistics/tables/revisions.xlsx?year=2009&month=3&period=month"
				+ "&flow=EXPORT").header("Authorization", ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray()).get("xl/sharedStrings.xml")).contains(revised.declarationNumber());
		assertThat(JsonPath.<List<Object>>read(body("/api/v1/statistics/tables/revisions?year=2009&month=3"
				+ "&period=month&flow=IMPORT"), "$.rows")).isEmpty();
		// A rebuild recomputes the figures and keeps the record of what changed them.
		ledger.rebuild("test");
		assertThat(JsonPath.<List<Object>>read(body(
				"/api/v1/statistics/dashboard?year=2009&month=3&period=month&flow=EXPORT"), "$.revisions")).hasSize(1);
	}

	private String body(String url) throws Exception {
		return mvc.perform(get(url).header("Authorization", ADMIN)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void aDeclarationCancelledBeforeItsClearanceWasFoldedIsNeverCounted() {
		DeclarationCleared cleared = aClearedDeclaration().exportBy("TUNGSTEN").on(2007, 2, 9).from("JP")
			.withLine("8101940000", "77.00").build();
		// Staged and cancelled in one transaction, so that no scheduled fold can take the clearance in between.
		transactions.executeWithoutResult(tx -> {
			ledger.stage(List.of(listener.toStatistics(cleared)));
			events.publishEvent(cancellationOf(cleared));
		});
		ledger.fold();

		assertThat(ledger.isRecorded(cleared.declarationId())).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_monthly WHERE month = DATE '2007-02-01'")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_pending WHERE declaration_id = ?")
			.param(cleared.declarationId()).query(Long.class).single()).isZero();
	}

	@Test
	void cancellationsRacingClearancesFoldsAndRebuildsNeverDeadlockAndLeaveTheFiguresARebuildWouldHave()
			throws Exception {
		List<DeclarationCleared> folded = new ArrayList<>();
		List<DeclarationCleared> fresh = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			folded.add(march2006(i, "100"));
			fresh.add(march2006(i, "7"));
		}
		folded.forEach(this::record);
		java.util.concurrent.BlockingQueue<DeclarationCleared> clearedMeanwhile = new java.util.concurrent.LinkedBlockingQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
			List<Future<?>> work = List.of(pool.submit(() -> {
				start.await();
				for (int i = 0; i < folded.size(); i += 2) {
					DeclarationCancelled cancelled = cancellationOf(folded.get(i));
					transactions.executeWithoutResult(tx -> events.publishEvent(cancelled));
				}
				return null;
			}), pool.submit(() -> {
				start.await();
				for (DeclarationCleared cleared : fresh) {
					transactions.executeWithoutResult(tx -> events.publishEvent(cleared));
					clearedMeanwhile.add(cleared);
				}
				return null;
			}), pool.submit(() -> {
				start.await();
				// Every other declaration cleared meanwhile is cancelled once its clearance committed, folded or not.
				for (int i = 0; i < fresh.size(); i++) {
					DeclarationCleared cleared = clearedMeanwhile.poll(30, java.util.concurrent.TimeUnit.SECONDS);
					if (i % 2 == 0) {
						transactions.executeWithoutResult(tx -> events.publishEvent(cancellationOf(cleared)));
					}
				}
				return null;
			}), pool.submit(() -> {
				start.await();
				for (int i = 0; i < 40; i++) {
					ledger.fold();
				}
				return null;
			}), pool.submit(() -> {
				start.await();
				// A clearance's statement is prepared on the server after a few runs on one connection, and its cached
				// plan takes its tables in another order than its text: rebuilds throughout the clearances meet both.
				for (int i = 0; i < 4; i++) {
					ledger.rebuild("test");
				}
				return null;
			}));
			start.countDown();
			for (Future<?> done : work) {
				done.get(90, java.util.concurrent.TimeUnit.SECONDS); // a deadlock's refusal would surface here
			}
		}
		ledger.fold();

		Map<String, Object> march = totals(2006, 3);
		assertThat(march.get("declarations")).isEqualTo(24L);
		assertThat(new java.math.BigDecimal(march.get("value_cny").toString()))
			.isEqualByComparingTo(expectedValue(folded, fresh));
		List<Map<String, Object>> maintained = aggregateRows();
		ledger.rebuild("test");
		assertThat(aggregateRows()).isEqualTo(maintained);
	}

	/** Declaration {@code i} of March 2006: chips from Korea or coffee from Brazil, worth {@code base} + i. */
	private static DeclarationCleared march2006(int i, String base) {
		boolean chips = i % 2 == 0;
		return aClearedDeclaration().importBy(chips ? "CHIP" : "COFFEE").on(2006, 3, 1 + i).from(chips ? "KR" : "BR")
			.withLine(chips ? "8542319000" : "0901110000", new java.math.BigDecimal(base).add(java.math.BigDecimal.valueOf(i))
				.setScale(2).toPlainString())
			.build();
	}

	/** What the odd-numbered declarations of both lists are worth: the even ones were cancelled. */
	private static java.math.BigDecimal expectedValue(List<DeclarationCleared> folded, List<DeclarationCleared> fresh) {
		java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
		for (List<DeclarationCleared> list : List.of(folded, fresh)) {
			for (int i = 1; i < list.size(); i += 2) {
				sum = sum.add(list.get(i).lines().getFirst().valueCny());
			}
		}
		return sum;
	}

	private static DeclarationCancelled cancellationOf(DeclarationCleared cleared) {
		return new DeclarationCancelled(cleared.declarationId(), cleared.declarationNumber(), cleared.declarant(),
				"officer.customs", "export not shipped", cleared.clearedAt().plusSeconds(3_600));
	}

	@Test
	void theApiReportsMonthlyTradeYearToDateAndGrowthInCnyAndUsd() throws Exception {
		// 2011: one import of 1,000.00 in March; 2012: 1,500.00 in March, 1,000.00 in February, an export in March
		record(aClearedDeclaration().importBy("CHIP").on(2011, 3, 5).from("KR").withLine("8542319000", "1000.00").build());
		record(aClearedDeclaration().importBy("CHIP").on(2012, 3, 5).from("KR").withLine("8542319000", "1500.00").build());
		record(aClearedDeclaration().importBy("COFFEE").on(2012, 2, 5).from("BR").withLine("0901110000", "1000.00").build());
		record(aClearedDeclaration().exportBy("TUNGSTEN").on(2012, 3, 31).from("JP").tradeMode("0615")
			.withLine("8101940000", "710.00").build());

		mvc.perform(get("/api/v1/statistics/dashboard?year=2012&month=3&period=month&flow=IMPORT")
			.header("Authorization", OFFICER).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures.imports.current.valueCny").value(1500.00))
			.andExpect(jsonPath("$.figures.imports.yearEarlier.valueCny").value(1000.00))
			.andExpect(jsonPath("$.figures.imports.growth").value(50.0))
			.andExpect(jsonPath("$.figures.exports.current.valueCny").value(710.00))
			.andExpect(jsonPath("$.figures.exports.current.valueUsd").value(100.00))
			.andExpect(jsonPath("$.figures.exports.growth").doesNotExist())
			.andExpect(jsonPath("$.figures.total.current.valueCny").value(2210.00))
			.andExpect(jsonPath("$.breakdowns.partner[0].key").value("KR"))
			.andExpect(jsonPath("$.breakdowns.partner[0].name").value("South Korea (KR)"))
			.andExpect(jsonPath("$.breakdowns.category[0].key").value("HIGH_TECH"))
			.andExpect(jsonPath("$.headline").value(org.hamcrest.Matchers.startsWith(
					"March 2012: the zone's foreign trade was CNY 2,210.00")));

		mvc.perform(get("/api/v1/statistics/dashboard?year=2012&month=3&period=ytd&flow=IMPORT")
			.header("Authorization", ADMIN).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2012-01"))
			.andExpect(jsonPath("$.figures.imports.current.valueCny").value(2500.00))
			.andExpect(jsonPath("$.figures.imports.growth").value(150.0))
			.andExpect(jsonPath("$.months[1].month").value("2012-02"))
			.andExpect(jsonPath("$.months[1].figure.current.valueCny").value(1000.00))
			.andExpect(jsonPath("$.months[2].figure.growth").value(50.0))
			.andExpect(jsonPath("$.breakdowns['trade-mode'][0].name").value("0110 一般贸易"))
			.andExpect(jsonPath("$.breakdowns.chapter[0].key").value("85"))
			.andExpect(jsonPath("$.breakdowns.section[0].key").value("XVI"))
			.andExpect(jsonPath("$.headline").value(org.hamcrest.Matchers.startsWith("2012年1—3月，全区外贸进出口3,210.00元")));
	}

	@Test
	void onlyOfficersAndAdministratorsSeeTheStatisticsAndOnlyAdministratorsRebuild() throws Exception {
		mvc.perform(get("/api/v1/statistics/dashboard").header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		mvc.perform(post("/api/v1/statistics/rebuild").header("Authorization", OFFICER))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/statistics/rebuild").header("Authorization", ADMIN))
			.andExpect(status().isOk()).andExpect(jsonPath("$.factRows").isNumber());
	}

	@Test
	void badFiltersAreRefusedAllAtOnce() throws Exception {
		mvc.perform(get("/api/v1/statistics/dashboard?year=1990&month=13&period=week&flow=TRANSIT")
			.header("Authorization", ADMIN))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[?(@.field == 'flow')].code").value("STATISTICS_FLOW_INVALID"));
		mvc.perform(get("/api/v1/statistics/tables/ports").header("Authorization", ADMIN))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("STATISTICS_TABLE_NOT_FOUND"));
	}

	@Test
	void tablesExportAsCsvWithAByteOrderMarkAndAsXlsx() throws Exception {
		record(aClearedDeclaration().importBy("COFFEE").on(2016, 4, 5).from("TW").withLine("0901210000", "1234.50").build());
		record(aClearedDeclaration().importBy("COFFEE").on(2016, 4, 6).from("US").withLine("2204210000", "99.00").build());

		byte[] csv = mvc.perform(get("/api/v1/statistics/tables/partner.csv?year=2016&month=4&period=month&flow=IMPORT")
			.header("Authorization", ADMIN).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String[] rows = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
		assertThat(rows).hasSize(3);
		assertThat(rows[0]).startsWith("代码,名称,金额（人民币元）");
		assertThat(rows[1].split(",", -1)).containsExactly("TW", "中国台湾 (TW)", "1234.50", "173.87", "1", "92.6", "0", "");
		assertThat(rows[2]).startsWith("US,美国 (US),99.00,");

		byte[] xlsx = mvc.perform(get("/api/v1/statistics/tables/all.xlsx?year=2016&month=4&period=month&flow=IMPORT")
			.header("Authorization", ADMIN).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(TableExports.XLSX))
			.andReturn().getResponse().getContentAsByteArray();
		Map<String, String> entries = unzip(xlsx);
		assertThat(entries).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet7.xml");
		assertThat(entries.get("xl/workbook.xml")).contains("name=\"monthly\"", "name=\"partner\"", "name=\"chain\"");
		String partnerSheet = entries.get("xl/worksheets/sheet4.xml");
		assertThat(partnerSheet).containsPattern("<v>1234\\.50?</v>").containsPattern("<v>99(\\.00)?</v>");
		assertThat(entries.get("xl/sharedStrings.xml")).contains("Taiwan, China", "By partner country");
	}

	/** Records synchronously what the (asynchronous) listener would record. */
	private void record(DeclarationCleared cleared) {
		ledger.record(List.of(listener.toStatistics(cleared)));
	}

	private long declarationsIn(String url) throws Exception {
		String json = mvc.perform(get(url).header("Authorization", ADMIN)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.parse(json).read("$.figures.exports.current.declarations", Long.class);
	}

	private void awaitRecorded(DeclarationCleared cleared) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!ledger.isRecorded(cleared.declarationId())) {
			assertThat(System.nanoTime()).as("recorded within 15 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private Map<String, Object> totals(int year, int month) {
		return jdbc.sql("""
				SELECT value_cny, value_usd, declarations, lines FROM statistics_monthly
				WHERE dimension = 'TOTAL' AND month = ?""")
			.param(java.sql.Date.valueOf(java.time.LocalDate.of(year, month, 1))).query().singleRow();
	}

	private List<Map<String, Object>> aggregateRows() {
		return jdbc.sql("SELECT * FROM statistics_monthly ORDER BY dimension, month, flow, key").query().listOfRows();
	}

	/** Reads an XLSX as a spreadsheet program does: as a zip file (with its central directory) of XML entries. */
	private static Map<String, String> unzip(byte[] zip) throws Exception {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("statistics", ".xlsx");
		try {
			java.nio.file.Files.write(file, zip);
			Map<String, String> entries = new HashMap<>();
			try (ZipFile in = new ZipFile(file.toFile())) {
				for (var entry : java.util.Collections.list(in.entries())) {
					entries.put(entry.getName(), new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return entries;
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}
}
