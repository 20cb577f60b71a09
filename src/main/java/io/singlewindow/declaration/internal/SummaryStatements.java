package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;
import io.singlewindow.platform.BusinessTime;

/**
 * The monthly statements (汇总征税) of general guarantees lodged for summary payment ({@link SummaryStatement}): read by
 * customs and by the enterprise's traders and brokers; paid as the bank reported it to customs, which pays each unpaid
 * declaration on the statement as {@link DutyPayments#record} pays one. Read from the declarations' rows: a statement
 * is what they say, not a row of its own.
 */
@Service
class SummaryStatements {

	private static final Logger log = LoggerFactory.getLogger(SummaryStatements.class);

	/** How many months a general guarantee's reading lists, the latest first. */
	static final int MONTHS_SHOWN = 36;

	/** The declarations drawing on {@code g} for summary payment. */
	private static final String ON_STATEMENTS = GeneralGuarantees.DRAWING + " AND d.duties_guarantee_summary";

	private final JdbcClient jdbc;
	private final DeclarationRows rows;
	private final ZoneCalendar calendar;
	private final BusinessTime time;
	private final AuditTrail auditTrail;

	SummaryStatements(JdbcClient jdbc, DeclarationRows rows, ZoneCalendar calendar, BusinessTime time,
			AuditTrail auditTrail) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.calendar = calendar;
		this.time = time;
		this.auditTrail = auditTrail;
	}

	/**
	 * The months of a general guarantee's statements, the latest first, without their declarations: what each asks
	 * in all and what is unpaid, its last day and whether it is overdue (a declaration's last day grows with its
	 * notice's day, so the earliest unpaid notice tells).
	 */
	List<SummaryStatementView> months(UUID guarantee) {
		var calendarNow = calendar.current();
		LocalDate today = time.today();
		return jdbc.sql("""
				SELECT to_char(date_trunc('month', d.cleared_at AT TIME ZONE :zone), 'YYYY-MM') AS month,
				       count(*) AS declarations,
				       COALESCE(SUM(d.total_taxes - d.taxes_settled_apart)
				         FILTER (WHERE d.status IN ('CLEARED', 'RELEASED')), 0) AS taxes,
				       COALESCE(SUM(d.total_taxes - d.taxes_settled_apart) FILTER (WHERE %1$s), 0) AS unpaid,
				       MIN(d.cleared_at) FILTER (WHERE %1$s) AS first_unpaid
				FROM general_guarantee g JOIN declaration d ON %2$s
				WHERE g.id = :guarantee AND d.cleared_at IS NOT NULL
				GROUP BY 1 ORDER BY 1 DESC LIMIT %3$d""".formatted(GeneralGuarantees.HOLDS, ON_STATEMENTS,
				MONTHS_SHOWN))
			.param("zone", BusinessTime.ZONE.getId()).param("guarantee", guarantee)
			.query((rs, n) -> {
				YearMonth month = YearMonth.parse(rs.getString("month"));
				Timestamp firstUnpaid = rs.getTimestamp("first_unpaid");
				String state = firstUnpaid == null ? "PAID" : overdue(firstUnpaid, today, calendarNow) ? "OVERDUE" : "OPEN";
				return new SummaryStatementView(month.toString(), DutyPaymentTerms.statementPayBy(month, calendarNow),
						state, rs.getInt("declarations"), rs.getBigDecimal("taxes").setScale(2),
						rs.getBigDecimal("unpaid").setScale(2), null, List.of());
			})
			.list();
	}

	/**
	 * The month of the guarantee's earliest statement overdue today, if any: a declaration's last day grows with its
	 * notice's day, so the earliest unpaid notice tells.
	 */
	java.util.Optional<YearMonth> overdue(UUID guarantee) {
		Timestamp firstUnpaid = jdbc.sql("SELECT MIN(d.cleared_at) FROM general_guarantee g JOIN declaration d ON "
				+ ON_STATEMENTS + " WHERE g.id = ? AND " + GeneralGuarantees.HOLDS)
			.param(guarantee).query(Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
			.orElse(null);
		if (firstUnpaid == null) {
			return java.util.Optional.empty();
		}
		return overdue(firstUnpaid, time.today(), calendar.current())
				? java.util.Optional.of(YearMonth.from(LocalDate.ofInstant(firstUnpaid.toInstant(), BusinessTime.ZONE)))
				: java.util.Optional.empty();
	}

	/**
	 * Whether a statement is overdue {@code today}: its earliest unpaid notice's last day has passed (a declaration's
	 * last day grows with its notice's day, so no later one is overdue before it).
	 */
	private static boolean overdue(Timestamp firstUnpaid, LocalDate today,
			io.singlewindow.calendar.WorkingCalendar calendar) {
		LocalDate notice = LocalDate.ofInstant(firstUnpaid.toInstant(), BusinessTime.ZONE);
		return today.isAfter(DutyPaymentTerms.summaryPayBy(notice, calendar));
	}

	/**
	 * A month's statement of a general guarantee, with its declarations.
	 *
	 * @param month {@code 2026-11}
	 * @throws Problem 404 {@code GENERAL_GUARANTEE_NOT_FOUND} unless there and {@code actor} may read it,
	 *     {@code SUMMARY_STATEMENT_NOT_FOUND} when no declaration of the month is on one; 422 {@code MONTH_FORMAT} at
	 *     {@code month}
	 */
	public SummaryStatementView read(Actor actor, UUID guarantee, String month) {
		GeneralGuarantee held = readable(actor, guarantee);
		SummaryStatement statement = statement(held, month(month), false);
		return SummaryStatementView.of(statement, time.today());
	}

	/**
	 * Customs records the payment of a month's statement as the bank reported it (汇总缴税): the whole amount due on
	 * the day paid, which pays each unpaid declaration on it its own amount due that day; the same payment recorded
	 * again changes nothing.
	 *
	 * @param paidOn the day the bank took the payment; {@literal null}: today
	 * @throws Problem 403 unless a customs officer; 404 {@code GENERAL_GUARANTEE_NOT_FOUND},
	 *     {@code SUMMARY_STATEMENT_NOT_FOUND}; 422 those of {@link DutyPayments#reported}, {@code MONTH_FORMAT} at
	 *     {@code month}, those of {@link SummaryStatement#split} and {@link Declaration#recordPayment}; 409 likewise
	 */
	@Transactional
	public SummaryStatementView pay(Actor actor, UUID guarantee, String month, BigDecimal amount, LocalDate paidOn,
			String reference) {
		Declaration.DutyPayment reported = DutyPayments.reported(actor, amount, paidOn, reference, time);
		GeneralGuarantee held = readable(actor, guarantee);
		YearMonth statementMonth = month(month);
		// Its declarations' rows locked in one order, as no other path takes more than one of them.
		SummaryStatement statement = statement(held, statementMonth, true);
		Map<UUID, BigDecimal> split = statement.split(reported.amount(), reported.paidOn(), reported.reference());
		var calendarNow = calendar.current();
		split.forEach((id, due) -> {
			Declaration declaration = rows.lock(id);
			Declaration.DutyPayment payment = new Declaration.DutyPayment(due, null, reported.paidOn(),
					reported.reference(), reported.recordedBy(), reported.recordedAt());
			declaration.recordPayment(payment, DutyPaymentTerms.payBy(declaration.duties(), calendarNow));
			auditTrail.record(AuditRecord.of("DECLARATION_DUTIES_PAID", "DECLARATION", id).by(actor)
				.change(null, Declarations.audited(declaration, declaration.status(), "amount", due.toPlainString(),
						"taxes", declaration.duties().taxes().toPlainString(), "paidOn", reported.paidOn().toString(),
						"reference", reported.reference(), "statement", statementMonth.toString(), "guarantee",
						held.reference())));
			rows.save(declaration);
		});
		if (!split.isEmpty()) {
			auditTrail.record(AuditRecord.of("SUMMARY_STATEMENT_PAID", "GENERAL_GUARANTEE", held.id()).by(actor)
				.change(null, AuditRecord.state("month", statementMonth.toString(), "declarations",
						String.valueOf(split.size()), "amount", reported.amount().toPlainString(), "paidOn",
						reported.paidOn().toString(), "reference", reported.reference())));
			log.info("event=summary_statement_paid enterprise={} guarantee={} month={} declarations={} amount={} "
					+ "paid_on={} by={}", held.enterprise().value(), held.reference(), statementMonth, split.size(),
					reported.amount().toPlainString(), reported.paidOn(), actor.username());
		}
		return SummaryStatementView.of(statement(held, statementMonth, false), time.today());
	}

	private SummaryStatement statement(GeneralGuarantee held, YearMonth month, boolean lock) {
		var calendarNow = calendar.current();
		List<SummaryStatement.Line> lines = jdbc.sql("""
				SELECT d.id, d.number, d.status, %s
				FROM general_guarantee g JOIN declaration d ON %s
				WHERE g.id = :guarantee AND d.cleared_at >= :from AND d.cleared_at < :to
				ORDER BY %s""".formatted(DeclarationRows.DUTIES_COLUMNS, ON_STATEMENTS,
				lock ? "d.id FOR UPDATE OF d" : "d.cleared_at, d.id"))
			.param("guarantee", held.id())
			.param("from", Timestamp.from(month.atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant()))
			.param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant()))
			.query((rs, n) -> SummaryStatement.Line.of(rs.getObject("id", UUID.class), rs.getString("number"),
					DeclarationStatus.valueOf(rs.getString("status")).cancellable(), DeclarationRows.duties(rs),
					calendarNow))
			.list();
		if (lines.isEmpty()) {
			throw Problem.notFound("SUMMARY_STATEMENT_NOT_FOUND", held.reference(), month.toString());
		}
		if (lock) {
			lines = lines.stream().sorted(java.util.Comparator.comparing(SummaryStatement.Line::noticeOn)
				.thenComparing(l -> l.id().toString())).toList();
		}
		return SummaryStatement.of(month, lines, calendarNow);
	}

	/** The general guarantee, if {@code actor} may read it: customs, or the enterprise's own traders and brokers. */
	private GeneralGuarantee readable(Actor actor, UUID id) {
		return jdbc.sql("SELECT " + GeneralGuarantees.COLUMNS + " FROM general_guarantee g WHERE g.id = ?")
			.param(id).query(GeneralGuarantees::guarantee).optional()
			.filter(g -> actor.mayActAs(AgencyCode.CUSTOMS) || actor.mayActFor(g.enterprise()))
			.orElseThrow(() -> Problem.notFound("GENERAL_GUARANTEE_NOT_FOUND", id));
	}

	/** @throws Problem 422 {@code MONTH_FORMAT} at {@code month} unless {@code 2026-11} */
	private static YearMonth month(String month) {
		try {
			return io.singlewindow.core.IsoDay.month(month == null ? "" : month.strip());
		} catch (DateTimeParseException e) {
			throw Problem.invalidField("month", "MONTH_FORMAT", FreeText.cut(String.valueOf(month), 20));
		}
	}
}
