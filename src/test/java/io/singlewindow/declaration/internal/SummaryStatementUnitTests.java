package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;

/**
 * A month's summary statement (汇总征税) is paid as one payment, which pays each unpaid declaration on it its own amount
 * due that day: late-payment surcharges counted line by line, nothing paid twice, and the bank's notice come again
 * changes nothing.
 */
class SummaryStatementUnitTests {

	static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	final UUID first = UUID.randomUUID();
	final UUID second = UUID.randomUUID();
	final UUID paidAlready = UUID.randomUUID();

	@Test
	void itsLastDayIsTheFifthWorkingDayOfTheNextMonthAndItCostsWhatItsUnpaidDeclarationsDo() {
		SummaryStatement statement = november(unpaid(first, "3000.00"), unpaid(second, "1500.50"),
				paid(paidAlready, "700.00", "BANK-0"));

		assertThat(statement.payBy()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(statement.amountDue(LocalDate.of(2026, 12, 7))).isEqualByComparingTo("4500.50");
		assertThat(statement.state(LocalDate.of(2026, 12, 7))).isEqualTo("OPEN");
		assertThat(statement.state(LocalDate.of(2026, 12, 8))).isEqualTo("OVERDUE");
		assertThat(statement.split(new BigDecimal("4500.50"), LocalDate.of(2026, 12, 4), "BANK-1"))
			.containsExactly(Map.entry(first, new BigDecimal("3000.00")), Map.entry(second, new BigDecimal("1500.50")));
	}

	@Test
	void paidLateEachDeclarationCarriesItsOwnSurchargeAndOneUnderFiftyYuanIsNotCollected() {
		// Ten days late: 0.05 % a day of 200,000.00 is 1,000.00; of 3,000.00 it is 15.00, under 50, not collected.
		SummaryStatement statement = november(unpaid(first, "200000.00"), unpaid(second, "3000.00"));
		LocalDate tenDaysLate = LocalDate.of(2026, 12, 17);

		assertThat(statement.amountDue(tenDaysLate)).isEqualByComparingTo("204000.00");
		assertThatThrownBy(() -> statement.split(new BigDecimal("203000.00"), tenDaysLate, "BANK-2"))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.fieldProblems().getFirst().field()).isEqualTo("amount");
				assertThat(p.fieldProblems().getFirst().code()).isEqualTo("PAYMENT_AMOUNT_DIFFERS");
			});
		assertThat(statement.split(new BigDecimal("204000.00"), tenDaysLate, "BANK-2"))
			.containsEntry(first, new BigDecimal("201000.00")).containsEntry(second, new BigDecimal("3000.00"));
	}

	@Test
	void theSamePaymentReportedAgainChangesNothingAndAnotherOnAPaidStatementIsRefused() {
		SummaryStatement settled = november(paid(first, "3000.00", "BANK-3"), paid(second, "1500.50", "BANK-3"),
				notOwed(paidAlready));

		assertThat(settled.state(LocalDate.of(2027, 1, 30))).isEqualTo("PAID");
		assertThat(settled.amountDue(LocalDate.of(2027, 1, 30))).isZero();
		assertThat(settled.split(new BigDecimal("4500.50"), LocalDate.of(2026, 12, 4), "BANK-3")).isEmpty();
		for (String other : List.of("BANK-4", "BANK-3")) {
			BigDecimal amount = other.equals("BANK-3") ? new BigDecimal("4500.49") : new BigDecimal("4500.50");
			assertThatThrownBy(() -> settled.split(amount, LocalDate.of(2026, 12, 4), other))
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("SUMMARY_STATEMENT_PAID"));
		}
	}

	private static SummaryStatement november(SummaryStatement.Line... lines) {
		return SummaryStatement.of(NOVEMBER, List.of(lines), AnswerDeadlineUnitTests.ZONE_2026);
	}

	private static SummaryStatement.Line unpaid(UUID id, String taxes) {
		return SummaryStatement.Line.of(id, "N-" + id, true, duties(taxes, null), AnswerDeadlineUnitTests.ZONE_2026);
	}

	private static SummaryStatement.Line paid(UUID id, String taxes, String reference) {
		var payment = new Declaration.DutyPayment(new BigDecimal(taxes), BigDecimal.ZERO.setScale(2),
				LocalDate.of(2026, 12, 4), reference, "officer.customs", Instant.EPOCH);
		return SummaryStatement.Line.of(id, "N-" + id, true, duties(taxes, payment), AnswerDeadlineUnitTests.ZONE_2026);
	}

	private static SummaryStatement.Line notOwed(UUID id) {
		return SummaryStatement.Line.of(id, "N-" + id, false, duties("900.00", null), AnswerDeadlineUnitTests.ZONE_2026);
	}

	private static Declaration.Duties duties(String taxes, Declaration.DutyPayment payment) {
		var summary = new Declaration.DutyGuarantee(Declaration.GuaranteeKind.GENERAL, new BigDecimal("900000.00"), null,
				"GG-SUMMARY", "officer.customs", Instant.EPOCH, false, true);
		return new Declaration.Duties(new BigDecimal(taxes), LocalDate.of(2026, 11, 2), payment).withGuarantee(summary);
	}
}
