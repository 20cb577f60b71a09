package io.singlewindow.statistics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.core.TradeFlow;

/**
 * {@link TradeFigures} by SQL over a table of rows with a month and a flow: the aggregates or the facts. Subclasses say
 * how a key and the sums are read from their rows.
 */
abstract class SqlTradeFigures implements TradeFigures {

	private final JdbcClient jdbc;

	SqlTradeFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** FROM and WHERE of the rows of {@code dimension}, ending so that {@code AND …} may follow. */
	abstract String rowsOf(Dimension dimension);

	abstract String keyOf(Dimension dimension);

	/** Value CNY, value USD, declarations, lines over the rows that satisfy {@code condition}. */
	abstract String sumsWhere(String condition);

	@Override
	public List<Comparison> compare(Dimension dimension, Period period) {
		Period earlier = period.yearEarlier();
		String current = "month BETWEEN :cf AND :ct";
		String previous = "month BETWEEN :pf AND :pt";
		String sql = "SELECT flow, " + keyOf(dimension) + " AS key, " + sumsWhere(current) + ", "
				+ sumsWhere(previous) + " FROM " + rowsOf(dimension) + " AND (" + current + " OR " + previous
				+ ") GROUP BY flow, " + keyOf(dimension);
		return jdbc.sql(sql)
			.param("cf", first(period.from())).param("ct", first(period.to()))
			.param("pf", first(earlier.from())).param("pt", first(earlier.to()))
			.query((rs, n) -> new Comparison(TradeFlow.valueOf(rs.getString(1)), rs.getString(2), sums(rs, 3),
					sums(rs, 7)))
			.list();
	}

	@Override
	public List<MonthFlow> monthly(YearMonth from, YearMonth to) {
		String sql = "SELECT month, flow, " + sumsWhere("TRUE") + " FROM " + rowsOf(Dimension.TOTAL)
				+ " AND month BETWEEN :f AND :t GROUP BY month, flow ORDER BY month, flow";
		return jdbc.sql(sql).param("f", first(from)).param("t", first(to))
			.query((rs, n) -> new MonthFlow(YearMonth.from(rs.getDate(1).toLocalDate()),
					TradeFlow.valueOf(rs.getString(2)), sums(rs, 3)))
			.list();
	}

	private static Sums sums(ResultSet rs, int column) throws SQLException {
		return new Sums(rs.getBigDecimal(column), rs.getBigDecimal(column + 1), rs.getLong(column + 2),
				rs.getLong(column + 3));
	}

	private static Date first(YearMonth month) {
		return Date.valueOf(LocalDate.of(month.getYear(), month.getMonth(), 1));
	}
}
