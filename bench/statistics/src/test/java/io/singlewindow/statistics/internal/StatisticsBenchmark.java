package io.singlewindow.statistics.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.platform.BusinessTime;

/**
 * Times the dashboard's figures read from the aggregates against the same figures by a plain GROUP BY over every
 * recorded declaration line, checks that both agree, and prints the timings and their ratio. Run by
 * {@link StatisticsDashboardBench} ({@code bench/statistics/run.sh}); not part of the production application.
 */
class StatisticsBenchmark {

	private static final Logger log = LoggerFactory.getLogger(StatisticsBenchmark.class);

	private final TradeDashboards dashboards;
	private final AggregateTradeFigures aggregates;
	private final GroupByTradeFigures groupBy;
	private final JdbcClient jdbc;
	private final BusinessTime time;

	StatisticsBenchmark(TradeDashboards dashboards, AggregateTradeFigures aggregates, GroupByTradeFigures groupBy,
			JdbcClient jdbc, BusinessTime time) {
		this.dashboards = dashboards;
		this.aggregates = aggregates;
		this.groupBy = groupBy;
		this.jdbc = jdbc;
		this.time = time;
	}

	List<Result> run(int rounds) {
		long declarations = jdbc.sql("SELECT count(DISTINCT declaration_id) FROM statistics_fact").query(Long.class)
			.single();
		long facts = jdbc.sql("SELECT count(*) FROM statistics_fact").query(Long.class).single();
		long aggregateRows = jdbc.sql("SELECT count(*) FROM statistics_monthly").query(Long.class).single();
		YearMonth now = time.month();
		List<Case> cases = List.of(new Case("current year to date, total trade", new Period(now, true), FlowFilter.TOTAL),
				new Case("last month alone, imports", new Period(now.minusMonths(1), false), FlowFilter.IMPORT),
				new Case("last full year, exports", new Period(YearMonth.of(now.getYear() - 1, 12), true),
						FlowFilter.EXPORT));
		List<Result> results = new ArrayList<>();
		StringBuilder report = new StringBuilder();
		report.append("%nstatistics benchmark: declarations=%d lines=%d aggregate_rows=%d rounds=%d%n"
			.formatted(declarations, facts, aggregateRows, rounds));
		report.append("%-36s %14s %14s %10s%n".formatted("dashboard query", "aggregates ms", "GROUP BY ms", "ratio"));
		for (Case c : cases) {
			// the first run of each warms the caches and proves both sources agree
			Dashboard fromAggregates = dashboards.dashboard(c.period(), c.flow(), aggregates);
			long started = System.nanoTime();
			Dashboard fromGroupBy = dashboards.dashboard(c.period(), c.flow(), groupBy);
			log.info("event=statistics_benchmark_case case=\"{}\" group_by_first_ms={}", c.name(),
					(System.nanoTime() - started) / 1_000_000);
			if (!fromAggregates.equals(fromGroupBy)) {
				throw new IllegalStateException("aggregates and GROUP BY disagree for " + c.name());
			}
			double[] a = new double[rounds];
			double[] g = new double[rounds];
			for (int i = 0; i < rounds; i++) {
				a[i] = millis(() -> dashboards.dashboard(c.period(), c.flow(), aggregates));
				g[i] = millis(() -> dashboards.dashboard(c.period(), c.flow(), groupBy));
			}
			Result result = new Result(c.name(), median(a), median(g));
			results.add(result);
			report.append("%-36s %14.1f %14.1f %9.0fx%n".formatted(c.name(), result.aggregateMillis(),
					result.groupByMillis(), result.ratio()));
		}
		System.out.println(report);
		log.info("event=statistics_benchmark declarations={} lines={} results={}", declarations, facts, results);
		return results;
	}

	private static double millis(Runnable query) {
		long start = System.nanoTime();
		query.run();
		return (System.nanoTime() - start) / 1_000_000.0;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	record Case(String name, Period period, FlowFilter flow) {
	}

	record Result(String query, double aggregateMillis, double groupByMillis) {

		double ratio() {
			return groupByMillis / Math.max(aggregateMillis, 0.001);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s: %.1f ms vs %.1f ms", query, aggregateMillis, groupByMillis);
		}
	}
}
