package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;

/**
 * A summary statement's payment over many statements drawn at random (a fixed seed, so a failure repeats): whatever
 * its declarations and the day it is paid, the payment is split over exactly its unpaid declarations, each gets its
 * taxes and its own surcharge (nothing, or 50 CNY and more), the parts add up to what the statement costs that day,
 * a fen more or less is refused, and paid by its last day it costs its taxes alone. Each declaration's last day is
 * its own fifteen days or the statement's fifth working day (7 December 2026), whichever is later.
 */
class SummaryStatementPropertiesUnitTests {

	static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void aStatementsPaymentIsSplitOverItsUnpaidDeclarationsEachWithItsOwnSurcharge() {
		Random random = new Random(20261205);
		int lateSeen = 0;
		for (int n = 0; n < 2000; n++) {
			List<SummaryStatement.Line> lines = new ArrayList<>();
			for (int i = 0, size = 1 + random.nextInt(20); i < size; i++) {
				lines.add(line(random));
			}
			SummaryStatement statement = SummaryStatement.of(NOVEMBER, lines, AnswerDeadlineUnitTests.ZONE_2026);
			LocalDate paidOn = LocalDate.of(2026, 12, 1).plusDays(random.nextInt(120));
			String which = "statement " + n + " paid on " + paidOn;
			for (SummaryStatement.Line l : lines) {
				// Its own fifteen days (moved past holidays), or the statement's fifth working day, whichever is later.
				LocalDate own = DutyPaymentTerms.payBy(l.noticeOn(), AnswerDeadlineUnitTests.ZONE_2026);
				assertThat(l.payBy()).as(which + ": noticed " + l.noticeOn())
					.isEqualTo(own.isAfter(statement.payBy()) ? own : statement.payBy());
			}
			List<UUID> unpaid = statement.unpaid().stream().map(SummaryStatement.Line::id).toList();
			BigDecimal due = statement.amountDue(paidOn);

			if (unpaid.isEmpty()) {
				assertThat(statement.state(paidOn)).as(which).isEqualTo("PAID");
				assertThatThrownBy(() -> statement.split(due, paidOn, "BANK-" + UUID.randomUUID())).as(which)
					.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("SUMMARY_STATEMENT_PAID"));
				continue;
			}
			Map<UUID, BigDecimal> split = statement.split(due, paidOn, "BANK-1");
			assertThat(split.keySet()).as(which).containsExactlyElementsOf(unpaid);
			assertThat(split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(which)
				.isEqualByComparingTo(due);
			for (SummaryStatement.Line l : statement.unpaid()) {
				BigDecimal surcharge = split.get(l.id()).subtract(l.taxes());
				assertThat(surcharge.signum() == 0 || surcharge.compareTo(new BigDecimal("50")) >= 0)
					.as(which + ": " + l.id() + " surcharge " + surcharge).isTrue();
				if (!paidOn.isAfter(l.payBy())) {
					assertThat(surcharge).as(which + ": paid by its own last day").isZero();
				}
				lateSeen += surcharge.signum() > 0 ? 1 : 0;
			}
			for (BigDecimal off : List.of(new BigDecimal("0.01"), new BigDecimal("-0.01"))) {
				assertThatThrownBy(() -> statement.split(due.add(off), paidOn, "BANK-1")).as(which)
					.isInstanceOfSatisfying(Problem.class,
							p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("PAYMENT_AMOUNT_DIFFERS"));
			}
			assertThat(statement.state(paidOn)).as(which)
				.isEqualTo(statement.unpaid().stream().anyMatch(l -> paidOn.isAfter(l.payBy())) ? "OVERDUE" : "OPEN");
			assertThat(statement.amountDue(statement.payBy())).as(which + ": paid on its last day, its taxes alone")
				.isEqualByComparingTo(statement.unpaid().stream().map(SummaryStatement.Line::taxes)
					.reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		// the draw reaches late payments often, and not always
		assertThat(lateSeen).isBetween(500, 30000);
	}

	/** A declaration noticed some day of November: unpaid mostly, some paid, some owing nothing any more. */
	private static SummaryStatement.Line line(Random random) {
		BigDecimal taxes = BigDecimal.valueOf(5001 + random.nextInt(50_000_000), 2);
		LocalDate notice = NOVEMBER.atDay(1 + random.nextInt(30));
		int kind = random.nextInt(10);
		Declaration.DutyPayment payment = kind == 0 ? new Declaration.DutyPayment(taxes, BigDecimal.ZERO.setScale(2),
				notice.plusDays(3), "BANK-0", "officer.customs", Instant.EPOCH) : null;
		var summary = new Declaration.DutyGuarantee(Declaration.GuaranteeKind.GENERAL, taxes, null, "GG-P",
				"officer.customs", Instant.EPOCH, false, true);
		return SummaryStatement.Line.of(UUID.randomUUID(), "N-" + random.nextInt(), kind != 1,
				new Declaration.Duties(taxes, notice, payment).withGuarantee(summary), AnswerDeadlineUnitTests.ZONE_2026);
	}
}
