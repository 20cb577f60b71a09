package io.singlewindow.statistics.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The same figures by a plain GROUP BY over every fact row (one per cleared declaration line): the reference the
 * aggregates must equal, and the baseline of the benchmark. Never used by the dashboard.
 */
@Component
class GroupByTradeFigures extends SqlTradeFigures {

	GroupByTradeFigures(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	String rowsOf(Dimension dimension) {
		return "statistics_fact WHERE TRUE";
	}

	@Override
	String keyOf(Dimension dimension) {
		return dimension.keyExpression();
	}

	@Override
	String sumsWhere(String condition) {
		return "sum(CASE WHEN " + condition + " THEN value_cny END), sum(CASE WHEN " + condition
				+ " THEN value_usd END), count(DISTINCT CASE WHEN " + condition
				+ " THEN declaration_id END), count(CASE WHEN " + condition + " THEN 1 END)";
	}
}
