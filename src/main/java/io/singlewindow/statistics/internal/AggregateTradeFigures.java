package io.singlewindow.statistics.internal;

import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the dashboard reads: the monthly aggregates, a few thousand rows whatever the number of declarations. */
@Component
@Primary
class AggregateTradeFigures extends SqlTradeFigures {

	AggregateTradeFigures(JdbcClient jdbc) {
		super(jdbc);
	}

	@Override
	String rowsOf(Dimension dimension) {
		return "statistics_monthly WHERE dimension = '" + dimension.name() + "'";
	}

	@Override
	String keyOf(Dimension dimension) {
		return "key";
	}

	@Override
	String sumsWhere(String condition) {
		return "sum(CASE WHEN " + condition + " THEN value_cny END), sum(CASE WHEN " + condition
				+ " THEN value_usd END), coalesce(sum(CASE WHEN " + condition
				+ " THEN declarations END), 0), coalesce(sum(CASE WHEN " + condition + " THEN lines END), 0)";
	}
}
