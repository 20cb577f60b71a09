package io.singlewindow.statistics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The revisions of months that had ended: what a cancellation after the month took out of its figures
 * ({@code statistics_revision}, written by {@link StatisticsLedger#takeOut}). Customs revises its published trade
 * statistics when declarations are cancelled; an economist who reported October must be able to see that October
 * changed, when, by how much and why, rather than find different figures without a word.
 */
@Component
class StatisticsRevisions {

	/** At most this many revisions are listed for one dashboard, the latest first. */
	static final int SHOWN = 100;

	private final JdbcClient jdbc;

	StatisticsRevisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One declaration taken out of one month's figures of one flow, or its values there corrected.
	 *
	 * @param cause why: {@code CANCELLED} (customs cancelled the declaration after its clearance) or {@code CORRECTED}
	 *     (customs corrected its declared values)
	 * @param valueCny what the month's figures lost, in CNY: negative when a correction added to them
	 */
	record Revision(YearMonth month, String flow, String declarationNumber, String cause, int lines,
			BigDecimal valueCny, BigDecimal valueUsd, Instant revisedAt) {
	}

	/**
	 * The revisions of the period's months and of the same months a year earlier (the growth compares with them), of
	 * the flow, the latest first.
	 */
	List<Revision> of(Period period, FlowFilter flow) {
		Period earlier = period.yearEarlier();
		return jdbc.sql("""
				SELECT month, flow, declaration_number, cause, lines, value_cny, value_usd, revised_at
				FROM statistics_revision
				WHERE (month BETWEEN :from AND :to OR month BETWEEN :earlierFrom AND :earlierTo)
				  AND (:flow = 'TOTAL' OR flow = :flow)
				ORDER BY revised_at DESC, month DESC, declaration_number LIMIT :limit""")
			.param("from", first(period.from())).param("to", first(period.to()))
			.param("earlierFrom", first(earlier.from())).param("earlierTo", first(earlier.to()))
			.param("flow", flow.name()).param("limit", SHOWN)
			.query((rs, n) -> new Revision(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("flow"),
					rs.getString("declaration_number"), rs.getString("cause"), rs.getInt("lines"),
					rs.getBigDecimal("value_cny"), rs.getBigDecimal("value_usd"),
					rs.getTimestamp("revised_at").toInstant()))
			.list();
	}

	private static Date first(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}
}
