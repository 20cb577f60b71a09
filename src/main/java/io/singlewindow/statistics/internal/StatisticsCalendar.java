package io.singlewindow.statistics.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;

/** Which years have statistics, for the period filter. */
@Component
class StatisticsCalendar {

	private final JdbcClient jdbc;
	private final BusinessTime time;

	StatisticsCalendar(JdbcClient jdbc, BusinessTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** The first year with cleared trade, or the current year (from the aggregates: a handful of rows). */
	int firstYear() {
		int first = jdbc.sql("""
				SELECT coalesce(min(extract(YEAR FROM month))::int, 0) FROM statistics_monthly
				WHERE dimension = 'TOTAL'""").query(Integer.class).single();
		int current = time.month().getYear();
		return first == 0 ? current : Math.min(current, first);
	}
}
