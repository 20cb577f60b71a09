package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Duties and taxes are paid within fifteen days of the payment notice, the last day moved past weekends and holidays;
 * paid later, 0.05 % a day, under 50 CNY not collected.
 */
class DutyPaymentTermsUnitTests {

	@Test
	void aNoticeIssuedOnATuesdayIsPaidByTheWednesdayFifteenDaysLater() {
		assertThat(DutyPaymentTerms.payBy(LocalDate.of(2026, 11, 17), AnswerDeadlineUnitTests.ZONE_2026))
			.isEqualTo(LocalDate.of(2026, 12, 2));
	}

	@Test
	void aLastDayOnAWeekendOrInTheNationalDayHolidayMovesToTheNextWorkingDay() {
		// Friday 20 November + 15 is Saturday 5 December.
		assertThat(DutyPaymentTerms.payBy(LocalDate.of(2026, 11, 20), AnswerDeadlineUnitTests.ZONE_2026))
			.isEqualTo(LocalDate.of(2026, 12, 7));
		// Saturday 19 September + 15 is Sunday 4 October, in the week off: Thursday 8 October.
		assertThat(DutyPaymentTerms.payBy(LocalDate.of(2026, 9, 19), AnswerDeadlineUnitTests.ZONE_2026))
			.isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void payingOnTheLastDayCostsTheTaxesAndEachDayAfterCostsOneTwoThousandthOfThem() {
		LocalDate payBy = LocalDate.of(2026, 12, 2);
		BigDecimal taxes = new BigDecimal("100000.00");

		assertThat(DutyPaymentTerms.amountDue(taxes, payBy, payBy)).isEqualByComparingTo("100000.00");
		assertThat(DutyPaymentTerms.amountDue(taxes, payBy, payBy.minusDays(9))).isEqualByComparingTo("100000.00");
		assertThat(DutyPaymentTerms.surcharge(taxes, payBy, payBy.plusDays(3))).isEqualByComparingTo("150.00");
		assertThat(DutyPaymentTerms.amountDue(taxes, payBy, payBy.plusDays(3))).isEqualByComparingTo("100150.00");
		// Weekends count: from Wednesday 2 to Monday 7 December is five days late.
		assertThat(DutyPaymentTerms.surcharge(taxes, payBy, LocalDate.of(2026, 12, 7))).isEqualByComparingTo("250.00");
	}

	@Test
	void aSurchargeUnderFiftyYuanIsNotCollectedAndOfFiftyItIs() {
		LocalDate payBy = LocalDate.of(2026, 12, 2);

		assertThat(DutyPaymentTerms.surcharge(new BigDecimal("50000.00"), payBy, payBy.plusDays(1)))
			.as("25.00 CNY").isEqualByComparingTo("0");
		assertThat(DutyPaymentTerms.surcharge(new BigDecimal("50000.00"), payBy, payBy.plusDays(2)))
			.as("50.00 CNY").isEqualByComparingTo("50.00");
		assertThat(DutyPaymentTerms.surcharge(new BigDecimal("12345.67"), payBy, payBy.plusDays(9)))
			.as("55.555515 rounds to the fen").isEqualByComparingTo("55.56");
	}

	@Test
	void underSummaryPaymentAMonthsNoticesArePaidByTheFifthWorkingDayOfTheNextMonth() {
		// November 2026: Tuesday 1 December is the first working day, Monday 7 December the fifth.
		assertThat(DutyPaymentTerms.statementPayBy(java.time.YearMonth.of(2026, 11), AnswerDeadlineUnitTests.ZONE_2026))
			.isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(DutyPaymentTerms.summaryPayBy(LocalDate.of(2026, 11, 2), AnswerDeadlineUnitTests.ZONE_2026))
			.as("a notice of the month's first days waits for the statement").isEqualTo(LocalDate.of(2026, 12, 7));
		// September: 1-7 October are off, Thursday 8, Friday 9, Saturday 10 (worked), Monday 12, Tuesday 13.
		assertThat(DutyPaymentTerms.summaryPayBy(LocalDate.of(2026, 9, 1), AnswerDeadlineUnitTests.ZONE_2026))
			.isEqualTo(LocalDate.of(2026, 10, 13));
	}

	@Test
	void aNoticeOfTheMonthsLastDaysKeepsItsOwnLaterLastDayUnderSummaryPayment() {
		// Wednesday 30 September + 15 is Thursday 15 October, after the statement's Tuesday 13 October.
		assertThat(DutyPaymentTerms.summaryPayBy(LocalDate.of(2026, 9, 30), AnswerDeadlineUnitTests.ZONE_2026))
			.isEqualTo(LocalDate.of(2026, 10, 15));
	}

	@Test
	void aDeclarationReleasedAgainstAGuaranteeForSummaryPaymentIsPaidByTheStatementsLastDayAndAnyOtherByItsOwn() {
		LocalDate notice = LocalDate.of(2026, 11, 2);
		var summary = new Declaration.DutyGuarantee(Declaration.GuaranteeKind.GENERAL, new BigDecimal("5000.00"), null,
				"GG-1", "officer.customs", java.time.Instant.EPOCH, false, true);
		var general = new Declaration.DutyGuarantee(Declaration.GuaranteeKind.GENERAL, new BigDecimal("5000.00"), null,
				"GG-2", "officer.customs", java.time.Instant.EPOCH);
		BigDecimal taxes = new BigDecimal("4000.00");

		assertThat(DutyPaymentTerms.payBy(new Declaration.Duties(taxes, notice, null).withGuarantee(summary),
				AnswerDeadlineUnitTests.ZONE_2026)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(DutyPaymentTerms.payBy(new Declaration.Duties(taxes, notice, null).withGuarantee(general),
				AnswerDeadlineUnitTests.ZONE_2026)).isEqualTo(LocalDate.of(2026, 11, 17));
		assertThat(DutyPaymentTerms.payBy(new Declaration.Duties(taxes, notice, null),
				AnswerDeadlineUnitTests.ZONE_2026)).isEqualTo(LocalDate.of(2026, 11, 17));
	}
}
