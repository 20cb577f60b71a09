package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.singlewindow.calendar.WorkingCalendar;
import io.singlewindow.core.Problem;

/**
 * A month's summary statement (汇总征税, customs' announcement 2017 No. 45) of a general guarantee lodged for summary
 * payment: the declarations customs released against it whose payment notices (their clearances) fall in the month,
 * whose duties the enterprise pays together, by the fifth working day of the next month ({@link #payBy}); a notice
 * of the month's last days keeps its own later last day ({@link DutyPaymentTerms#summaryPayBy}). Paying the statement
 * pays each unpaid declaration on it its amount due that day, a late-payment surcharge included after its last day,
 * and frees the guarantee's cover they held. Plain rules, tested without a database
 * ({@code SummaryStatementUnitTests}).
 *
 * @param payBy the statement's last day: the fifth working day of the next month
 * @param lines its declarations, in the order of their notices
 */
record SummaryStatement(YearMonth month, LocalDate payBy, List<Line> lines) {

	/** What a declaration on the statement stands at. */
	enum LineState {
		/** Its duties are owed unpaid: the statement's payment pays them. */
		UNPAID,
		/** Paid, with the statement or on its own. */
		PAID,
		/** Customs took them from the guarantee once overdue (从担保中抵缴). */
		ENFORCED,
		/** It owes nothing on its first notice any more (cancelled, or a correction left nothing). */
		NOT_OWED
	}

	/**
	 * A declaration on the statement.
	 *
	 * @param taxes what its first notice asks, CNY
	 * @param payBy its own last day under summary payment
	 * @param payment its payment on record, if any
	 */
	record Line(UUID id, String number, LocalDate noticeOn, BigDecimal taxes, LocalDate payBy, LineState state,
			Declaration.DutyPayment payment) {

		/**
		 * The line as a declaration's duties and status say.
		 *
		 * @param cancellable the declaration is cleared or released (not cancelled)
		 */
		static Line of(UUID id, String number, boolean cancellable, Declaration.Duties duties,
				WorkingCalendar calendar) {
			LineState state = !cancellable || !duties.owed() ? LineState.NOT_OWED
					: duties.payment() == null ? LineState.UNPAID
					: duties.guarantee() != null && duties.guarantee().enforced() ? LineState.ENFORCED : LineState.PAID;
			LocalDate payBy = duties.noticeOn() == null ? null : DutyPaymentTerms.payBy(duties, calendar);
			return new Line(id, number, duties.noticeOn(), duties.owed() ? duties.taxes() : zero(), payBy, state,
					duties.payment());
		}

		/** What paying it costs on {@code paidOn}: nothing unless unpaid. */
		BigDecimal amountDue(LocalDate paidOn) {
			return state == LineState.UNPAID ? DutyPaymentTerms.amountDue(taxes, payBy, paidOn) : zero();
		}
	}

	SummaryStatement {
		lines = List.copyOf(lines);
	}

	static SummaryStatement of(YearMonth month, List<Line> lines, WorkingCalendar calendar) {
		return new SummaryStatement(month, DutyPaymentTerms.statementPayBy(month, calendar), lines);
	}

	List<Line> unpaid() {
		return lines.stream().filter(l -> l.state() == LineState.UNPAID).toList();
	}

	/** What paying the statement costs on {@code paidOn}: each unpaid declaration's amount due that day. */
	BigDecimal amountDue(LocalDate paidOn) {
		return unpaid().stream().map(l -> l.amountDue(paidOn)).reduce(zero(), BigDecimal::add);
	}

	/** {@code PAID} once nothing on it is unpaid; {@code OVERDUE} while a declaration's last day passed unpaid. */
	String state(LocalDate today) {
		List<Line> unpaid = unpaid();
		if (unpaid.isEmpty()) {
			return "PAID";
		}
		return unpaid.stream().anyMatch(l -> today.isAfter(l.payBy())) ? "OVERDUE" : "OPEN";
	}

	/**
	 * The payment the bank reported for the statement, split over its unpaid declarations: each its amount due on the
	 * day paid.
	 *
	 * @return what each unpaid declaration is paid, by its id, in the statement's order; empty when this very payment
	 *     is on record already (the bank's notice came again)
	 * @throws Problem 409 {@code SUMMARY_STATEMENT_PAID} when nothing on it is unpaid; 422
	 *     {@code PAYMENT_AMOUNT_DIFFERS} at {@code amount} with what the statement costs that day
	 */
	Map<UUID, BigDecimal> split(BigDecimal amount, LocalDate paidOn, String reference) {
		List<Line> unpaid = unpaid();
		if (unpaid.isEmpty()) {
			BigDecimal paidWithIt = lines.stream()
				.filter(l -> l.payment() != null && l.payment().reference().equals(reference)
						&& l.payment().paidOn().equals(paidOn))
				.map(l -> l.payment().amount()).reduce(zero(), BigDecimal::add);
			if (paidWithIt.signum() > 0 && paidWithIt.compareTo(amount) == 0) {
				return Map.of();
			}
			throw Problem.conflict("SUMMARY_STATEMENT_PAID", month.toString());
		}
		BigDecimal due = amountDue(paidOn);
		if (amount.compareTo(due) != 0) {
			throw Problem.invalidField("amount", "PAYMENT_AMOUNT_DIFFERS", due.toPlainString(), paidOn);
		}
		Map<UUID, BigDecimal> split = new LinkedHashMap<>();
		unpaid.forEach(l -> split.put(l.id(), l.amountDue(paidOn)));
		return split;
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}
}
