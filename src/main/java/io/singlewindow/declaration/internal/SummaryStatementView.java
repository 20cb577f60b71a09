package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A month's summary statement (汇总征税) of a general guarantee, as customs and the enterprise read it.
 *
 * @param month the month of the payment notices on it, {@code 2026-11}
 * @param payBy its last day: the fifth working day of the next month (a declaration noticed in the month's last days
 *     keeps its own later one)
 * @param state {@code OPEN} (something unpaid, nothing overdue), {@code OVERDUE} (a declaration's last day passed
 *     unpaid), {@code PAID} (nothing unpaid)
 * @param declarations how many declarations are on it
 * @param taxes what their first notices ask in all, CNY
 * @param unpaid what of it is still unpaid, CNY
 * @param amountDue what paying it costs today, late-payment surcharges included; {@literal null} in a list of months
 * @param lines its declarations; empty in a list of months
 */
record SummaryStatementView(String month, LocalDate payBy, String state, int declarations, BigDecimal taxes,
		BigDecimal unpaid, BigDecimal amountDue, List<Line> lines) {

	/**
	 * A declaration on the statement.
	 *
	 * @param taxes what its first notice asks, CNY
	 * @param payBy its own last day
	 * @param state {@code UNPAID}, {@code PAID}, {@code ENFORCED} (customs took it from the guarantee) or
	 *     {@code NOT_OWED}
	 * @param amountDue what paying it costs today; zero unless unpaid
	 * @param paidAmount what was paid, once paid
	 */
	record Line(UUID id, String number, LocalDate noticeOn, BigDecimal taxes, LocalDate payBy, String state,
			BigDecimal amountDue, BigDecimal paidAmount, LocalDate paidOn, String paymentReference) {
	}

	/** The statement with its declarations, as of {@code today}. */
	static SummaryStatementView of(SummaryStatement statement, LocalDate today) {
		List<Line> lines = statement.lines().stream().map(l -> new Line(l.id(), l.number(), l.noticeOn(), l.taxes(),
				l.payBy(), l.state().name(), l.amountDue(today), l.payment() == null ? null : l.payment().amount(),
				l.payment() == null ? null : l.payment().paidOn(),
				l.payment() == null ? null : l.payment().reference())).toList();
		BigDecimal taxes = statement.lines().stream().map(SummaryStatement.Line::taxes)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal unpaid = statement.unpaid().stream().map(SummaryStatement.Line::taxes)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		return new SummaryStatementView(statement.month().toString(), statement.payBy(), statement.state(today),
				lines.size(), taxes, unpaid, statement.amountDue(today), lines);
	}

	/** Whether customs may record its payment: something on it is unpaid. */
	public boolean payable() {
		return !"PAID".equals(state);
	}
}
