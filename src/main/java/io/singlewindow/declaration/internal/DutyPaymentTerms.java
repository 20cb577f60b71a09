package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.singlewindow.calendar.WorkingCalendar;

/**
 * When a declaration's duties and taxes are paid and what paying late costs, as China's Customs Law (article 60) and
 * customs' rules on collecting them set it: the declarant pays within {@value #DAYS} days of the day customs issues
 * the payment notice (税款缴款书) — here the day the declaration is cleared, when its assessment is final — the day of
 * issue not counted; a last day that falls on a weekend or a public holiday of the zone's calendar moves to the next
 * working day. Paid later, a late-payment surcharge (滞纳金) of 0.05 % of the amount for each day after the last one up
 * to the day it is paid, weekends and holidays counted; a surcharge under {@value #LEAST_SURCHARGE_CNY} CNY is not
 * collected. Under summary payment (汇总征税, {@link #summaryPayBy}) the declarant pays a month's duties together, by the
 * fifth working day of the next month. Plain rules, tested without a database ({@code DutyPaymentTermsUnitTests}).
 */
final class DutyPaymentTerms {

	static final int DAYS = 15;
	static final BigDecimal DAILY_SURCHARGE = new BigDecimal("0.0005");
	static final int LEAST_SURCHARGE_CNY = 50;
	/** The working day of the month after a notice's by which summary payment pays it. */
	static final int SUMMARY_WORKING_DAY = 5;

	private DutyPaymentTerms() {
	}

	/** The last day to pay without a surcharge, for a notice issued on {@code noticeOn} (a day of the zone). */
	static LocalDate payBy(LocalDate noticeOn, WorkingCalendar calendar) {
		LocalDate last = noticeOn.plusDays(DAYS);
		while (!calendar.isWorkingDay(last)) {
			last = last.plusDays(1);
		}
		return last;
	}

	/**
	 * The last day to pay a declaration's first notice without a surcharge: as {@link #payBy(LocalDate,
	 * WorkingCalendar)}, or {@link #summaryPayBy} once customs released it against a general guarantee for summary
	 * payment.
	 */
	static LocalDate payBy(Declaration.Duties duties, WorkingCalendar calendar) {
		Declaration.DutyGuarantee guarantee = duties.guarantee();
		return guarantee != null && guarantee.summary() ? summaryPayBy(duties.noticeOn(), calendar)
				: payBy(duties.noticeOn(), calendar);
	}

	/**
	 * The last day under summary payment (汇总征税, customs' announcement 2017 No. 45): the fifth working day of the month
	 * after the notice's, when the month's duties are paid together — or the notice's own last day, if that is later
	 * (a notice of the month's last days): releasing against the general guarantee never makes paying more urgent.
	 */
	static LocalDate summaryPayBy(LocalDate noticeOn, WorkingCalendar calendar) {
		LocalDate statement = statementPayBy(java.time.YearMonth.from(noticeOn), calendar);
		LocalDate own = payBy(noticeOn, calendar);
		return own.isAfter(statement) ? own : statement;
	}

	/** The last day to pay the summary statement of {@code month}: the fifth working day of the next month. */
	static LocalDate statementPayBy(java.time.YearMonth month, WorkingCalendar calendar) {
		LocalDate day = month.plusMonths(1).atDay(1);
		int counted = calendar.isWorkingDay(day) ? 1 : 0;
		while (counted < SUMMARY_WORKING_DAY) {
			day = day.plusDays(1);
			if (calendar.isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The late-payment surcharge on {@code taxes} paid on {@code paidOn}: nothing up to {@code payBy} itself. */
	static BigDecimal surcharge(BigDecimal taxes, LocalDate payBy, LocalDate paidOn) {
		long daysLate = Math.max(0, ChronoUnit.DAYS.between(payBy, paidOn));
		BigDecimal surcharge = taxes.multiply(DAILY_SURCHARGE).multiply(BigDecimal.valueOf(daysLate))
			.setScale(2, RoundingMode.HALF_UP);
		return surcharge.compareTo(BigDecimal.valueOf(LEAST_SURCHARGE_CNY)) < 0 ? BigDecimal.ZERO.setScale(2) : surcharge;
	}

	/** What paying {@code taxes} costs on {@code paidOn}: the taxes and the surcharge, if any. */
	static BigDecimal amountDue(BigDecimal taxes, LocalDate payBy, LocalDate paidOn) {
		return taxes.add(surcharge(taxes, payBy, paidOn)).setScale(2, RoundingMode.HALF_UP);
	}
}
