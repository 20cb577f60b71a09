package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.DeclarationCorrected;

/**
 * The aggregate's money and version guards at their exact limits, where mutation testing found them pinned only by
 * the integration tests (PIT, 2026-12-08): a guarantee that covers what is due to the fen, a refund of nothing, the
 * field a general guarantee's too-short validity is named at, a version read before, two instants a microsecond
 * apart, and whether a change is one the store must write.
 */
class DutiesAtTheirLimitsUnitTests {

	static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
	static final LocalDate CLEARED_ON = LocalDate.of(2026, 11, 30);
	static final LocalDate PAY_BY = CLEARED_ON.plusDays(DutyPaymentTerms.DAYS);
	static final BigDecimal TAXES = new BigDecimal("3645.12");

	@Test
	void aGuaranteeThatCoversWhatIsDueToTheFenIsTakenFrom() {
		// 30 days late: 0.05 % a day of 3,645.12 is 54.68, so 3,699.80 is due and the letter covers exactly that.
		var guaranteed = released(new Declaration.Duties(TAXES, CLEARED_ON, null)
			.withGuarantee(guarantee(Declaration.GuaranteeKind.BANK_GUARANTEE, "3699.80", PAY_BY.plusDays(40))));

		assertThat(guaranteed.enforceGuarantee(payment("3699.80", PAY_BY.plusDays(30), "LG-CLAIM"), PAY_BY)).isTrue();
		assertThat(guaranteed.duties().payment().surcharge()).isEqualByComparingTo("54.68");
		assertThat(guaranteed.guaranteeEnforced()).as("the store writes the taking").isTrue();
	}

	@Test
	void aGuaranteeTakenFromBeforeIsNotTakenFromAgainNorWrittenAgain() {
		var guarantee = guarantee(Declaration.GuaranteeKind.BANK_GUARANTEE, "3699.80", PAY_BY.plusDays(40));
		var taken = payment("3699.80", PAY_BY.plusDays(30), "LG-CLAIM").withSurcharge(new BigDecimal("54.68"));
		var readAgain = released(new Declaration.Duties(TAXES, CLEARED_ON, taken).withGuarantee(guarantee.takenFrom()));

		assertThat(readAgain.enforceGuarantee(payment("3699.80", PAY_BY.plusDays(30), "LG-CLAIM"), PAY_BY)).isFalse();
		assertThat(readAgain.guaranteeEnforced()).isFalse();
		assertThat(readAgain.paymentRecorded()).isFalse();
		assertThat(readAgain.timeline()).isEmpty();
	}

	@Test
	void aGeneralGuaranteeEndingBeforeTheLastDayToPayIsRefusedAtItsReferenceALetterAtItsValidity() {
		var owing = cleared(new Declaration.Duties(TAXES, CLEARED_ON, null));

		assertThatThrownBy(() -> owing.acceptGuarantee(
				guarantee(Declaration.GuaranteeKind.GENERAL, "3645.12", PAY_BY.minusDays(1)), TAXES, PAY_BY))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.fieldProblems().getFirst().field()).isEqualTo("reference");
				assertThat(p.fieldProblems().getFirst().code()).isEqualTo("GUARANTEE_EXPIRES_TOO_SOON");
			});
		assertThatThrownBy(() -> owing.acceptGuarantee(
				guarantee(Declaration.GuaranteeKind.BANK_GUARANTEE, "3645.12", PAY_BY.minusDays(1)), TAXES, PAY_BY))
			.isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.fieldProblems().getFirst().field()).isEqualTo("validUntil"));
		assertThat(owing.guaranteeAccepted()).isFalse();
		// A deposit has no last day: it is held until the duties are paid.
		assertThat(owing.acceptGuarantee(guarantee(Declaration.GuaranteeKind.DEPOSIT, "3645.12", null), TAXES, PAY_BY))
			.isTrue();
	}

	@Test
	void aCancelledDeclarationOwedNothingBackHasNoRefundToRecord() {
		var cancelled = new Declaration(UUID.randomUUID(), "XM2026120800000002", declarant(),
				DeclarationStatus.CANCELLED, 5, List.of(customsApproved()))
			.withDuties(new Declaration.Duties(TAXES, CLEARED_ON, null));

		assertThatThrownBy(() -> cancelled.recordRefund(payment("0.00", CLEARED_ON.plusDays(40), "R-0"),
				BigDecimal.ZERO.setScale(2)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("NOTHING_TO_REFUND"));
		assertThat(cancelled.refundRecorded()).isFalse();
		assertThat(cancelled.timeline()).isEmpty();
	}

	@Test
	void aRefundOnRecordAlreadyIsNotWrittenAgain() {
		var refund = payment("3645.12", CLEARED_ON.plusDays(40), "R-1");
		var readAgain = new Declaration(UUID.randomUUID(), "XM2026120800000003", declarant(),
				DeclarationStatus.CANCELLED, 6, List.of(customsApproved()))
			.withDuties(new Declaration.Duties(TAXES, CLEARED_ON, payment("3645.12", CLEARED_ON, "ICBC-1"))
				.withRefund(refund.withSurcharge(BigDecimal.ZERO.setScale(2))));

		assertThat(readAgain.recordRefund(refund, TAXES)).isFalse();
		assertThat(readAgain.refundRecorded()).isFalse();
	}

	@Test
	void aChangeMadeOnAVersionReadBeforeIsRefusedOneWithoutAVersionIsNot() {
		var declaration = cleared(Declaration.Duties.NONE);

		assertThatThrownBy(() -> declaration.requireVersion(2))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_CHANGED"));
		declaration.requireVersion(3);
		declaration.requireVersion(null);
	}

	@Test
	void twoInstantsAreTheSameUnderAMicrosecondApartWhateverTheirYears() {
		assertThat(Declaration.sameInstant(NOW, NOW.plusNanos(999))).isTrue();
		assertThat(Declaration.sameInstant(NOW.plusNanos(999), NOW)).isTrue();
		assertThat(Declaration.sameInstant(NOW, NOW.plusNanos(1_000))).as("as PostgreSQL keeps them").isFalse();
		assertThat(Declaration.sameInstant(Instant.parse("0001-01-01T00:00:00Z"), NOW)).isFalse();
	}

	@Test
	void aCorrectionWhereNoneWasAppliedForLeavesNoApplicationToWrite() {
		var released = released(Declaration.Duties.NONE);

		assertThat(released.correctionApplicationChanged()).isFalse();
		released.correct(new DeclarationCorrected(released.id(), released.number(), declarant(), "officer.customs",
				"credit note", NOW, new BigDecimal("520.00"), new BigDecimal("455.00"),
				List.of(new DeclarationCorrected.Line(1, new BigDecimal("3500.00"), new BigDecimal("492.96")))));
		assertThat(released.correctionApplicationChanged()).isFalse();
		assertThat(released.timeline()).extracting(Declaration.TimelineEntry::event).containsExactly("CORRECTED");
	}

	private static Declaration cleared(Declaration.Duties duties) {
		return new Declaration(UUID.randomUUID(), "XM2026120800000001", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customsApproved())).withDuties(duties);
	}

	private static Declaration released(Declaration.Duties duties) {
		return new Declaration(UUID.randomUUID(), "XM2026120800000004", declarant(), DeclarationStatus.RELEASED, 4,
				List.of(customsApproved())).withDuties(duties);
	}

	private static Declaration.Task customsApproved() {
		return new Declaration.Task(UUID.randomUUID(), AgencyCode.CUSTOMS, TaskStatus.AUTO_APPROVED, 0);
	}

	private static Declaration.DutyGuarantee guarantee(Declaration.GuaranteeKind kind, String amount,
			LocalDate validUntil) {
		return new Declaration.DutyGuarantee(kind, new BigDecimal(amount), validUntil, "G-" + kind, "officer.customs",
				NOW);
	}

	private static Declaration.DutyPayment payment(String amount, LocalDate paidOn, String reference) {
		return new Declaration.DutyPayment(new BigDecimal(amount), null, paidOn, reference, "officer.customs", NOW);
	}

	private static Uscc declarant() {
		return Uscc.parse("91110000802100433B");
	}
}
