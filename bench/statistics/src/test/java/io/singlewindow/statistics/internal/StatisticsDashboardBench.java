package io.singlewindow.statistics.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.BusinessTime;

/**
 * The trade statistics benchmark ({@code bench/statistics/run.sh}): fills a dedicated, durable database with synthetic
 * cleared declarations (the current year to date and {@code bench.years} previous years, {@code bench.perMonth} a
 * month on average; skipped when they are there already), then times the dashboard's figures from the aggregates
 * against a plain GROUP BY over every declaration line. A measurement, not a check: it lives outside the test suite
 * (Maven profile {@code bench}) and outside the production jar.
 */
@SingleWindowIntegrationTest
@TestPropertySource(properties = { "singlewindow.data-dir=${bench.data:/tmp/sw-statistics-bench}",
		"singlewindow.clean-data-dir=false", "singlewindow.embedded-database.durable=true",
		"singlewindow.demo-data.enabled=false" })
class StatisticsDashboardBench {

	@Autowired
	StatisticsLedger ledger;

	@Autowired
	TradeDashboards dashboards;

	@Autowired
	AggregateTradeFigures aggregates;

	@Autowired
	GroupByTradeFigures groupBy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessTime time;

	@Autowired
	Environment environment;

	@Test
	void timesTheDashboardAgainstAPlainGroupBy() {
		int years = environment.getProperty("bench.years", Integer.class, 3);
		int perMonth = environment.getProperty("bench.perMonth", Integer.class, 24_500);
		int rounds = environment.getProperty("bench.rounds", Integer.class, 3);
		new SyntheticDeclarations(ledger, time).generate(years, perMonth, SyntheticDeclarations.DEMO_SEED,
				SyntheticDeclarations.DEFAULT_BATCH_SIZE);
		new StatisticsBenchmark(dashboards, aggregates, groupBy, jdbc, time).run(rounds);
	}
}
