package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.declaration.DeclarationQueried;
import io.singlewindow.declaration.DeclarationRejected;
import io.singlewindow.declaration.DeclarationReleased;
import io.singlewindow.declaration.DeclarationCancellationApplied;
import io.singlewindow.declaration.DeclarationCancellationRefused;
import io.singlewindow.declaration.DeclarationCancelled;
import io.singlewindow.declaration.DeclarationCorrected;
import io.singlewindow.declaration.DeclarationCorrectionApplied;
import io.singlewindow.declaration.DeclarationWithdrawn;
import io.singlewindow.declaration.SupportingDocumentAttached;

/** The declaration aggregate guards every change after submission and records what happened, without a database. */
class DeclarationUnitTests {

	static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
	static final UUID CUSTOMS_TASK = UUID.fromString("00000000-0000-0000-0000-00000000000c");
	static final UUID CIQ_TASK = UUID.fromString("00000000-0000-0000-0000-00000000000a");
	static final LocalDate ANSWER_BY = LocalDate.of(2026, 12, 14);

	@Test
	void theLastApprovalClearsTheDeclarationOnceAndPutsItOnTheTimeline() {
		var declaration = underReview(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.PENDING, 0));

		var decided = declaration.decide(CIQ_TASK, TaskStatus.APPROVED, null, null, 0, "officer.ciq", NOW);

		assertThat(decided).isEqualTo(new Declaration.Task(CIQ_TASK, AgencyCode.CIQ, TaskStatus.APPROVED, 1));
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.CLEARED);
		assertThat(declaration.statusMoved()).isTrue();
		assertThat(declaration.clearedNow()).isTrue();
		assertThat(declaration.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("APPROVED", "CLEARED");
		assertThat(declaration.events()).singleElement().isInstanceOf(AgencyDecisionRecorded.class);
		assertThat(declaration.taskChanges()).singleElement()
			.satisfies(c -> assertThat(c.readVersion()).isZero())
			.satisfies(c -> assertThat(c.decidedBy()).isEqualTo("officer.ciq"));
	}

	@Test
	void anApprovalWhileAnotherAgencyStillReviewsLeavesItUnderReview() {
		var declaration = underReview(customs(TaskStatus.PENDING, 0), ciq(TaskStatus.PENDING, 0));

		declaration.decide(CIQ_TASK, TaskStatus.APPROVED, null, null, null, "officer.ciq", NOW);

		assertThat(declaration.status()).isEqualTo(DeclarationStatus.UNDER_REVIEW);
		assertThat(declaration.statusMoved()).isFalse();
		assertThat(declaration.clearedNow()).isFalse();
		assertThat(declaration.timeline()).extracting(Declaration.TimelineEntry::event).containsExactly("APPROVED");
	}

	@Test
	void aRejectionRejectsTheDeclarationAndTellsEveryone() {
		var declaration = underReview(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.PENDING, 0));

		declaration.decide(CIQ_TASK, TaskStatus.REJECTED, "no quarantine certificate", null, null, "officer.ciq", NOW);

		assertThat(declaration.status()).isEqualTo(DeclarationStatus.REJECTED);
		assertThat(declaration.events()).hasExactlyElementsOfTypes(AgencyDecisionRecorded.class,
				DeclarationRejected.class);
		assertThatThrownBy(() -> declaration.decide(CUSTOMS_TASK, TaskStatus.APPROVED, null, null, null, "officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_CLOSED"));
	}

	@Test
	void ofTwoOfficersDecidingOneTaskTheSecondIsToldItIsDecided() {
		var declaration = underReview(customs(TaskStatus.PENDING, 0), ciq(TaskStatus.PENDING, 0));
		declaration.decide(CIQ_TASK, TaskStatus.QUERIED, "which farm?", ANSWER_BY, 0, "officer.ciq", NOW);

		assertThatThrownBy(() -> declaration.decide(CIQ_TASK, TaskStatus.APPROVED, null, null, 0, "officer.ciq2", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("TASK_ALREADY_DECIDED"));
	}

	@Test
	void aDecisionOnATaskReopenedSinceTheOfficerReadItIsRefused() {
		var declaration = underReview(customs(TaskStatus.PENDING, 0), ciq(TaskStatus.PENDING, 3));

		assertThatThrownBy(() -> declaration.decide(CIQ_TASK, TaskStatus.APPROVED, null, null, 2, "officer.ciq", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("TASK_CHANGED"));
		assertThat(declaration.taskChanges()).isEmpty();
		assertThat(declaration.events()).isEmpty();
	}

	@Test
	void aQueryIsAnsweredByTheDeclarantAndGoesBackToTheAgencysQueue() {
		var declaration = underReview(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.PENDING, 0));
		declaration.decide(CIQ_TASK, TaskStatus.QUERIED, "which farm?", ANSWER_BY, null, "officer.ciq", NOW);
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.QUERIED);
		assertThat(declaration.taskChanges()).last().satisfies(c -> assertThat(c.answerBy()).isEqualTo(ANSWER_BY));
		assertThat(declaration.events()).filteredOn(DeclarationQueried.class::isInstance)
			.singleElement()
			.satisfies(e -> assertThat(((DeclarationQueried) e).answerBy()).isEqualTo(ANSWER_BY));

		declaration.answer(AgencyCode.CIQ, "Fazenda Santa Ines, Minas Gerais", "trader.coffee", NOW);

		assertThat(declaration.status()).isEqualTo(DeclarationStatus.UNDER_REVIEW);
		assertThat(declaration.taskChanges()).last()
			.satisfies(c -> assertThat(c.task().status()).isEqualTo(TaskStatus.PENDING))
			.satisfies(c -> assertThat(c.task().version()).isEqualTo(2))
			.satisfies(c -> assertThat(c.answer()).isEqualTo("Fazenda Santa Ines, Minas Gerais"))
			.satisfies(c -> assertThat(c.answerBy()).as("answered: no date is left to meet").isNull());
		assertThat(declaration.events()).hasExactlyElementsOfTypes(AgencyDecisionRecorded.class,
				DeclarationQueried.class, AgencyTaskOpened.class);
		assertThatThrownBy(() -> declaration.answer(AgencyCode.CIQ, "again", "trader.coffee", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("TASK_NOT_QUERIED"));
	}

	@Test
	void aQuestionAndOnlyAQuestionHasADayToAnswerBy() {
		var declaration = underReview(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.PENDING, 0));

		assertThatThrownBy(() -> declaration.decide(CIQ_TASK, TaskStatus.QUERIED, "which farm?", null, null,
				"officer.ciq", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> declaration.decide(CIQ_TASK, TaskStatus.APPROVED, null, ANSWER_BY, null,
				"officer.ciq", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThat(declaration.taskChanges()).isEmpty();
	}

	@Test
	void goodsThatOweDutiesAreReleasedOnlyOnceCustomsRecordedTheirPaymentInFull() {
		LocalDate clearedOn = LocalDate.of(2026, 11, 30);
		LocalDate payBy = clearedOn.plusDays(DutyPaymentTerms.DAYS);
		var owing = new Declaration(UUID.randomUUID(), "XM2026113000000002", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(new java.math.BigDecimal("3645.12"), clearedOn, null));

		assertThatThrownBy(() -> owing.release("officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DUTIES_UNPAID"));
		assertThatThrownBy(() -> owing.recordPayment(payment("3645.11", clearedOn, "ICBC-1"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("PAYMENT_AMOUNT_DIFFERS"));
		assertThatThrownBy(() -> owing.recordPayment(payment("3645.12", clearedOn.minusDays(1), "ICBC-1"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("PAYMENT_BEFORE_NOTICE"));
		assertThat(owing.paymentRecorded()).isFalse();
		assertThat(owing.timeline()).isEmpty();

		assertThat(owing.recordPayment(payment("3645.12", payBy, "ICBC-1"), payBy)).isTrue();
		assertThat(owing.paymentRecorded()).isTrue();
		assertThat(owing.timeline()).extracting(Declaration.TimelineEntry::event).containsExactly("DUTIES_PAID");
		assertThat(owing.events()).singleElement().isInstanceOf(io.singlewindow.declaration.DeclarationDutiesPaid.class);
		assertThat(owing.recordPayment(payment("3645.12", payBy, "ICBC-1"), payBy)).as("the same notice again")
			.isFalse();
		assertThatThrownBy(() -> owing.recordPayment(payment("3645.12", payBy, "ICBC-2"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DUTIES_ALREADY_PAID"));
		assertThat(owing.timeline()).hasSize(1);

		owing.release("officer.customs", NOW);
		assertThat(owing.status()).isEqualTo(DeclarationStatus.RELEASED);
	}

	@Test
	void aDeclarationThatOwesNothingHasNothingToPayAndOneUnderReviewNothingYet() {
		var nothingOwed = new Declaration(UUID.randomUUID(), "XM2026113000000003", declarant(),
				DeclarationStatus.CLEARED, 3, List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(java.math.BigDecimal.ZERO, LocalDate.of(2026, 11, 30), null));
		var underReview = underReview(customs(TaskStatus.PENDING, 0));

		assertThatThrownBy(() -> nothingOwed.recordPayment(payment("1", LocalDate.of(2026, 11, 30), "X"), ANSWER_BY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("NO_DUTIES_DUE"));
		assertThatThrownBy(() -> underReview.recordPayment(payment("1", LocalDate.of(2026, 11, 30), "X"), ANSWER_BY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CLEARED"));
		nothingOwed.release("officer.customs", NOW);
		assertThat(nothingOwed.status()).isEqualTo(DeclarationStatus.RELEASED);
	}

	private static Declaration.DutyPayment payment(String amount, LocalDate paidOn, String reference) {
		return new Declaration.DutyPayment(new java.math.BigDecimal(amount), null, paidOn, reference, "officer.customs",
				NOW);
	}

	@Test
	void onlyAClearedDeclarationIsReleasedAndOnlyOnce() {
		var underReview = underReview(customs(TaskStatus.PENDING, 0));
		var cleared = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)));

		assertThatThrownBy(() -> underReview.release("officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CLEARED"));
		cleared.release("officer.customs", NOW);
		assertThat(cleared.status()).isEqualTo(DeclarationStatus.RELEASED);
		assertThat(cleared.releasedAt()).isEqualTo(NOW);
		assertThat(cleared.events()).singleElement().isInstanceOf(DeclarationReleased.class);
		assertThatThrownBy(() -> cleared.release("officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CLEARED"));
	}

	@Test
	void theDeclarantWithdrawsADeclarationUnderReviewAndNoOfficerDecidesItAnyMore() {
		var declaration = underReview(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.PENDING, 0));

		declaration.withdraw("the buyer cancelled the order", "trader.coffee", NOW);

		assertThat(declaration.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
		assertThat(declaration.statusMoved()).isTrue();
		assertThat(declaration.clearedNow()).isFalse();
		assertThat(declaration.changedAt()).isEqualTo(NOW);
		assertThat(declaration.timeline()).singleElement()
			.isEqualTo(new Declaration.TimelineEntry(NOW, "WITHDRAWN", null, "trader.coffee", null,
					"the buyer cancelled the order"));
		assertThat(declaration.events()).singleElement().isEqualTo(new DeclarationWithdrawn(declaration.id(),
				declaration.number(), declarant(), "trader.coffee", "the buyer cancelled the order", NOW));
		assertThat(declaration.taskChanges()).as("its tasks stay as they were").isEmpty();
		assertThatThrownBy(() -> declaration.decide(CIQ_TASK, TaskStatus.APPROVED, null, null, 0, "officer.ciq", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_CLOSED"));
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
	}

	@Test
	void aQueriedDeclarationIsWithdrawnAndItsOpenQuestionIsAnsweredByNobody() {
		var declaration = underReview(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.PENDING, 0));
		declaration.decide(CIQ_TASK, TaskStatus.QUERIED, "which farm?", ANSWER_BY, null, "officer.ciq", NOW);

		declaration.withdraw("shipped under another declaration", "trader.coffee", NOW);

		assertThat(declaration.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
		assertThatThrownBy(() -> declaration.answer(AgencyCode.CIQ, "Fazenda Santa Ines", "trader.coffee", NOW))
			.as("an answer would put the task back in a queue and consolidate the status afresh")
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_CLOSED"));
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
	}

	@Test
	void onlyADeclarationUnderReviewOrQueriedIsWithdrawn() {
		for (DeclarationStatus closed : List.of(DeclarationStatus.REJECTED, DeclarationStatus.WITHDRAWN,
				DeclarationStatus.CLEARED, DeclarationStatus.RELEASED, DeclarationStatus.CANCELLED)) {
			var declaration = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), closed, 3,
					List.of(customs(TaskStatus.AUTO_APPROVED, 0)));

			assertThatThrownBy(() -> declaration.withdraw("too late", "trader.coffee", NOW)).as(closed.name())
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_WITHDRAWABLE"));
			assertThat(declaration.status()).isEqualTo(closed);
			assertThat(declaration.events()).isEmpty();
			assertThat(declaration.timeline()).isEmpty();
		}
	}

	@Test
	void customsCancelsAReleasedDeclarationAndItsAgenciesDecisionsStayOnRecord() {
		var released = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.RELEASED,
				4, List.of(customs(TaskStatus.AUTO_APPROVED, 0), ciq(TaskStatus.APPROVED, 1)));

		released.cancel("export not shipped: the vessel was cancelled", "officer.customs", NOW);

		assertThat(released.status()).isEqualTo(DeclarationStatus.CANCELLED);
		assertThat(released.statusMoved()).isTrue();
		assertThat(released.clearedNow()).as("the statistics do not hear it cleared again").isFalse();
		assertThat(released.changedAt()).isEqualTo(NOW);
		assertThat(released.timeline()).singleElement()
			.isEqualTo(new Declaration.TimelineEntry(NOW, "CANCELLED", "CUSTOMS", "officer.customs", null,
					"export not shipped: the vessel was cancelled"));
		assertThat(released.events()).singleElement().isEqualTo(new DeclarationCancelled(released.id(),
				released.number(), declarant(), "officer.customs", "export not shipped: the vessel was cancelled",
				NOW));
		assertThat(released.taskChanges()).isEmpty();
		assertThatThrownBy(() -> released.cancel("again", "officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CANCELLABLE"));
		assertThatThrownBy(() -> released.release("officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CLEARED"));
		assertThat(released.events()).hasSize(1);
	}

	@Test
	void aClearedDeclarationIsCancelledBeforeItsRelease() {
		var cleared = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)));

		cleared.cancel("declared twice", "officer.customs", NOW);

		assertThat(cleared.status()).isEqualTo(DeclarationStatus.CANCELLED);
		assertThat(cleared.releasedAt()).isNull();
	}

	@Test
	void onlyAClearedOrReleasedDeclarationIsCancelledByCustoms() {
		for (DeclarationStatus notCleared : List.of(DeclarationStatus.UNDER_REVIEW, DeclarationStatus.QUERIED,
				DeclarationStatus.REJECTED, DeclarationStatus.WITHDRAWN, DeclarationStatus.CANCELLED)) {
			var declaration = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), notCleared, 3,
					List.of(customs(TaskStatus.PENDING, 0)));

			assertThatThrownBy(() -> declaration.cancel("not shipped", "officer.customs", NOW)).as(notCleared.name())
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CANCELLABLE"));
			assertThat(declaration.status()).isEqualTo(notCleared);
			assertThat(declaration.events()).isEmpty();
			assertThat(declaration.timeline()).isEmpty();
		}
	}

	@Test
	void customsCorrectsAReleasedDeclarationsValuesWhichStaysReleasedAtANewVersion() {
		var released = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.RELEASED,
				4, List.of(customs(TaskStatus.AUTO_APPROVED, 0)));
		var correction = correction(released, "credit note CN-17");

		released.correct(correction);

		assertThat(released.status()).isEqualTo(DeclarationStatus.RELEASED);
		assertThat(released.statusMoved()).as("no status webhook, no second clearance").isFalse();
		assertThat(released.clearedNow()).isFalse();
		assertThat(released.changedAt()).as("its version moves on: a response printed before is out of date")
			.isEqualTo(NOW);
		assertThat(released.timeline()).singleElement().isEqualTo(
				new Declaration.TimelineEntry(NOW, "CORRECTED", "CUSTOMS", "officer.customs", null, "credit note CN-17"));
		assertThat(released.events()).singleElement().isEqualTo(correction);
		assertThat(released.taskChanges()).isEmpty();
		assertThat(correction.taxDifference()).isEqualByComparingTo("-65.00");
	}

	@Test
	void onlyAClearedOrReleasedDeclarationIsCorrectedByCustoms() {
		for (DeclarationStatus notCleared : List.of(DeclarationStatus.UNDER_REVIEW, DeclarationStatus.QUERIED,
				DeclarationStatus.REJECTED, DeclarationStatus.WITHDRAWN, DeclarationStatus.CANCELLED)) {
			var declaration = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), notCleared, 3,
					List.of(customs(TaskStatus.PENDING, 0)));

			assertThatThrownBy(declaration::requireCorrectable).as(notCleared.name())
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CORRECTABLE"));
			assertThatThrownBy(() -> declaration.correct(correction(declaration, "wrong value"))).as(notCleared.name())
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CORRECTABLE"));
			assertThat(declaration.changedAt()).isNull();
			assertThat(declaration.events()).isEmpty();
			assertThat(declaration.timeline()).isEmpty();
		}
	}

	@Test
	void theDeclarantAppliesForACorrectionCustomsRefusesItAndACorrectionDecidesTheNext() {
		var released = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.RELEASED,
				4, List.of(customs(TaskStatus.AUTO_APPROVED, 0)));
		var application = new Declaration.CorrectionApplication("trader.coffee", NOW, "credit note",
				java.util.Map.of(1, new java.math.BigDecimal("2500.00")));

		released.applyForCorrection(application);

		assertThat(released.correctionApplication()).isEqualTo(application);
		assertThat(released.correctionApplicationChanged()).isTrue();
		assertThat(released.changedAt()).as("a request, not a change: no new version").isNull();
		assertThat(released.events()).singleElement().isEqualTo(new DeclarationCorrectionApplied(released.id(),
				released.number(), declarant(), "trader.coffee", "credit note", NOW));
		assertThatThrownBy(() -> released.applyForCorrection(application))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("CORRECTION_ALREADY_APPLIED"));
		// What a standard message sent again asks is recognised as the application that waits; anything else is not.
		assertThat(released.correctionAppliedAs("credit note", java.util.Map.of(1, new java.math.BigDecimal("2500.0"))))
			.isTrue();
		assertThat(released.correctionAppliedAs("another note", application.values())).isFalse();
		assertThat(released.correctionAppliedAs("credit note", java.util.Map.of(1, new java.math.BigDecimal("2400"))))
			.isFalse();
		assertThat(released.correctionAppliedAs("credit note", java.util.Map.of(1, new java.math.BigDecimal("2500"),
				2, java.math.BigDecimal.ONE))).isFalse();
		assertThatThrownBy(() -> released.refuseCorrection("no", "officer.customs", NOW, NOW.minusSeconds(60)))
			.isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.code()).isEqualTo("CORRECTION_APPLICATION_CHANGED"));

		released.refuseCorrection("the credit note is not signed", "officer.customs", NOW, NOW);

		assertThat(released.correctionApplication()).isNull();
		assertThat(released.correctionAppliedAs("credit note", application.values())).as("none waits").isFalse();
		assertThat(released.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("CORRECTION_APPLIED", "CORRECTION_REFUSED");
		assertThatThrownBy(() -> released.refuseCorrection("again", "officer.customs", NOW, null))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("CORRECTION_NOT_APPLIED"));

		released.applyForCorrection(application);
		released.correct(correction(released, "signed credit note"));
		assertThat(released.correctionApplication()).as("decided by the correction").isNull();
		assertThat(released.status()).isEqualTo(DeclarationStatus.RELEASED);
	}

	@Test
	void onlyAClearedOrReleasedDeclarationsCorrectionIsAppliedFor() {
		var underReview = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(),
				DeclarationStatus.UNDER_REVIEW, 1, List.of(customs(TaskStatus.PENDING, 0)));
		assertThatThrownBy(() -> underReview.applyForCorrection(new Declaration.CorrectionApplication("trader.coffee",
				NOW, "wrong value", java.util.Map.of(1, java.math.BigDecimal.TEN))))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CORRECTABLE"));
		assertThat(underReview.events()).isEmpty();
	}

	@Test
	void aCorrectionBeforeThePaymentChangesTheFirstNoticeAndOneAfterItIsANoticeOfItsOwnThatReleaseWaitsFor() {
		LocalDate clearedOn = LocalDate.of(2026, 11, 30);
		var unpaid = new Declaration(UUID.randomUUID(), "XM2026113000000004", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(new java.math.BigDecimal("520.00"), clearedOn, null));
		assertThat(unpaid.correct(correction(unpaid, "credit note"))).as("taken in by the first notice").isFalse();
		assertThat(unpaid.duties().taxes()).isEqualByComparingTo("455.00");

		var paid = new Declaration(UUID.randomUUID(), "XM2026113000000005", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(new java.math.BigDecimal("455.00"), clearedOn,
					payment("455.00", clearedOn, "ICBC-1").withSurcharge(java.math.BigDecimal.ZERO)));
		var audit = new DeclarationCorrected(paid.id(), paid.number(), declarant(), "officer.customs", "audit", NOW,
				new java.math.BigDecimal("455.00"), new java.math.BigDecimal("520.00"), List.of());
		assertThat(paid.correct(audit)).as("a notice of its own").isTrue();
		assertThat(paid.duties().taxes()).as("the paid notice asks what it asked").isEqualByComparingTo("455.00");
		assertThat(paid.duties().differencesUnpaid()).isEqualByComparingTo("65.00");
		assertThatThrownBy(() -> paid.release("officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DIFFERENCE_UNPAID"));

		var released = new Declaration(UUID.randomUUID(), "XM2026113000000006", declarant(),
				DeclarationStatus.RELEASED, 4, List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(new java.math.BigDecimal("520.00"), clearedOn, null));
		assertThat(released.correct(correction(released, "credit note"))).as("after the release: its own").isTrue();
		assertThat(released.duties().differencesUnpaid()).as("a refund owes the declarant").isZero();
	}

	@Test
	void whatACorrectionAddedIsCollectedWithTheSurchargeOfEachDayLateAndWhatItTookOffIsRefundedWithout() {
		LocalDate correctedOn = LocalDate.of(2026, 12, 1);
		LocalDate payBy = correctedOn.plusDays(DutyPaymentTerms.DAYS);
		var paid = new Declaration(UUID.randomUUID(), "XM2026113000000007", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(new java.math.BigDecimal("4000.00"), LocalDate.of(2026, 11, 30),
					payment("4000.00", LocalDate.of(2026, 11, 30), "ICBC-1"),
					new java.math.BigDecimal("20000.00"), null, null));
		var added = new Declaration.TaxDifference(UUID.randomUUID(), new java.math.BigDecimal("20000.00"), correctedOn,
				true, null);
		LocalDate late = payBy.plusDays(10);

		assertThatThrownBy(() -> paid.settleDifference(added, payment("20000.00", late, "ICBC-2"), payBy))
			.as("ten days late: 0.05 % a day, 100.00").isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("SETTLEMENT_AMOUNT_DIFFERS"));
		assertThatThrownBy(() -> paid.settleDifference(added, payment("20000.00", correctedOn.minusDays(1), "ICBC-2"),
				payBy)).isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("SETTLEMENT_BEFORE_NOTICE"));
		assertThat(paid.settledDifference()).isNull();
		assertThat(paid.settleDifference(added, payment("20100.00", late, "ICBC-2"), payBy)).isTrue();
		assertThat(paid.settledDifference().settlement().surcharge()).isEqualByComparingTo("100.00");
		assertThat(paid.duties().differencesUnpaid()).isZero();
		assertThat(paid.timeline()).extracting(Declaration.TimelineEntry::event).containsExactly("DIFFERENCE_COLLECTED");
		assertThat(paid.events()).singleElement()
			.isInstanceOfSatisfying(io.singlewindow.declaration.DeclarationDifferenceSettled.class,
					e -> assertThat(e.kind()).isEqualTo("COLLECT"));
		var settled = new Declaration.TaxDifference(added.correctionId(), added.amount(), correctedOn, true,
				paid.settledDifference().settlement());
		assertThat(paid.settleDifference(settled, payment("20100.00", late, "ICBC-2"), payBy))
			.as("the bank's notice again").isFalse();
		assertThatThrownBy(() -> paid.settleDifference(settled, payment("20100.00", late, "ICBC-3"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DIFFERENCE_ALREADY_SETTLED"));
		paid.release("officer.customs", NOW);

		var refunded = new Declaration(UUID.randomUUID(), "XM2026113000000008", declarant(),
				DeclarationStatus.RELEASED, 4, List.of(customs(TaskStatus.AUTO_APPROVED, 0)));
		var takenOff = new Declaration.TaxDifference(UUID.randomUUID(), new java.math.BigDecimal("-20000.00"),
				correctedOn, true, null);
		assertThatThrownBy(() -> refunded.settleDifference(takenOff, payment("20100.00", late, "R-1"), payBy))
			.as("no surcharge on a refund").isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("SETTLEMENT_AMOUNT_DIFFERS"));
		assertThat(refunded.settleDifference(takenOff, payment("20000.00", late, "R-1"), payBy)).isTrue();
		assertThat(refunded.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("DIFFERENCE_REFUNDED");

		var takenIn = new Declaration.TaxDifference(UUID.randomUUID(), new java.math.BigDecimal("-65.00"), correctedOn,
				false, null);
		assertThatThrownBy(() -> refunded.settleDifference(takenIn, payment("65.00", late, "R-2"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("NO_DIFFERENCE_DUE"));
	}

	@Test
	void aGuaranteeCoveringWhatIsDueLetsCustomsReleaseTheGoodsBeforeThePayment() {
		LocalDate clearedOn = LocalDate.of(2026, 11, 30);
		LocalDate payBy = clearedOn.plusDays(DutyPaymentTerms.DAYS);
		java.math.BigDecimal due = new java.math.BigDecimal("3645.12");
		var owing = new Declaration(UUID.randomUUID(), "XM2026113000000009", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(due, clearedOn, null));

		assertThatThrownBy(() -> owing.acceptGuarantee(letter("3645.11", payBy, "LG-1"), due, payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("GUARANTEE_TOO_SMALL"));
		assertThatThrownBy(() -> owing.acceptGuarantee(letter("3645.12", payBy.minusDays(1), "LG-1"), due, payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("GUARANTEE_EXPIRES_TOO_SOON"));
		assertThat(owing.guaranteeAccepted()).isFalse();

		assertThat(owing.acceptGuarantee(letter("3645.12", payBy, "LG-1"), due, payBy)).isTrue();
		assertThat(owing.guaranteeAccepted()).isTrue();
		assertThat(owing.timeline()).extracting(Declaration.TimelineEntry::event).containsExactly("DUTIES_GUARANTEED");
		assertThat(owing.acceptGuarantee(letter("3645.12", payBy, "LG-1"), due, payBy)).as("the same again").isFalse();
		assertThatThrownBy(() -> owing.acceptGuarantee(letter("4000.00", payBy, "LG-2"), due, payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DUTIES_ALREADY_GUARANTEED"));
		owing.release("officer.customs", NOW);
		assertThat(owing.status()).isEqualTo(DeclarationStatus.RELEASED);
		assertThat(owing.duties().unpaid()).as("still owed by its last day").isTrue();
		assertThat(owing.recordPayment(payment("3645.12", payBy, "ICBC-1"), payBy)).isTrue();

		var paid = new Declaration(UUID.randomUUID(), "XM2026113000000010", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(due, clearedOn, payment("3645.12", clearedOn, "ICBC-2")));
		assertThatThrownBy(() -> paid.acceptGuarantee(new Declaration.DutyGuarantee(Declaration.GuaranteeKind.DEPOSIT,
				due, null, "DEP-1", "officer.customs", NOW), due, payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DUTIES_ALREADY_PAID"));
	}

	@Test
	void customsTakesWhatIsDueFromTheGuaranteeOnlyOnceTheLastDayPassedAndOnlyWhatItCovers() {
		LocalDate clearedOn = LocalDate.of(2026, 11, 30);
		LocalDate payBy = clearedOn.plusDays(DutyPaymentTerms.DAYS);
		java.math.BigDecimal taxes = new java.math.BigDecimal("3645.12");
		var guaranteed = new Declaration(UUID.randomUUID(), "XM2026113000000011", declarant(), DeclarationStatus.RELEASED,
				4, List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(taxes, clearedOn, null).withGuarantee(letter("3700.00", payBy.plusDays(40),
					"LG-3")));

		assertThatThrownBy(() -> guaranteed.enforceGuarantee(payment("3645.12", payBy, "LG-3-CLAIM"), payBy))
			.as("the declarant may still pay on the last day")
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("DUTIES_NOT_YET_OVERDUE"));
		assertThatThrownBy(() -> guaranteed.enforceGuarantee(payment("3645.12", payBy.plusDays(41), "LG-3-CLAIM"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("GUARANTEE_EXPIRED"));
		// 40 days late: 0.05 % a day of 3,645.12 is 72.90, and the letter covers 3,700.00 only.
		assertThatThrownBy(() -> guaranteed.enforceGuarantee(payment("3718.02", payBy.plusDays(40), "LG-3-CLAIM"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("GUARANTEE_DOES_NOT_COVER"));
		assertThatThrownBy(() -> guaranteed.enforceGuarantee(payment("3645.12", payBy.plusDays(30), "LG-3-CLAIM"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("PAYMENT_AMOUNT_DIFFERS"));
		assertThat(guaranteed.paymentRecorded()).isFalse();

		assertThat(guaranteed.enforceGuarantee(payment("3699.80", payBy.plusDays(30), "LG-3-CLAIM"), payBy)).isTrue();
		assertThat(guaranteed.duties().payment().surcharge()).isEqualByComparingTo("54.68");
		assertThat(guaranteed.duties().guarantee().enforced()).isTrue();
		assertThat(guaranteed.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("GUARANTEE_ENFORCED");
		assertThat(guaranteed.enforceGuarantee(payment("3699.80", payBy.plusDays(30), "LG-3-CLAIM"), payBy))
			.as("the same again").isFalse();

		var unguaranteed = new Declaration(UUID.randomUUID(), "XM2026113000000012", declarant(),
				DeclarationStatus.CLEARED, 3, List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withDuties(new Declaration.Duties(taxes, clearedOn, null));
		assertThatThrownBy(() -> unguaranteed.enforceGuarantee(payment("3645.12", payBy.plusDays(1), "X"), payBy))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DUTIES_NOT_GUARANTEED"));
	}

	@Test
	void aCancelledDeclarationIsOwedBackTheTaxesPaidNotTheSurchargeWithWhatCorrectionsSettled() {
		LocalDate clearedOn = LocalDate.of(2026, 11, 30);
		var paidLate = new Declaration.Duties(new java.math.BigDecimal("4000.00"), clearedOn,
				payment("4060.00", clearedOn.plusDays(30), "ICBC-1").withSurcharge(new java.math.BigDecimal("60.00")));
		assertThat(paidLate.refundDue(java.math.BigDecimal.ZERO)).isEqualByComparingTo("4000.00");
		assertThat(paidLate.refundDue(new java.math.BigDecimal("553.80"))).as("and what a correction collected")
			.isEqualByComparingTo("4553.80");
		assertThat(paidLate.refundDue(new java.math.BigDecimal("-400.00"))).as("less what one refunded")
			.isEqualByComparingTo("3600.00");

		var cancelled = new Declaration(UUID.randomUUID(), "XM2026113000000011", declarant(),
				DeclarationStatus.CANCELLED, 5, List.of(customs(TaskStatus.AUTO_APPROVED, 0))).withDuties(paidLate);
		assertThatThrownBy(() -> cancelled.recordRefund(payment("4060.00", clearedOn.plusDays(40), "R-1"),
				new java.math.BigDecimal("4000.00"))).isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("REFUND_AMOUNT_DIFFERS"));
		assertThat(cancelled.recordRefund(payment("4000.00", clearedOn.plusDays(40), "R-1"),
				new java.math.BigDecimal("4000.00"))).isTrue();
		assertThat(cancelled.timeline()).extracting(Declaration.TimelineEntry::event).containsExactly("DUTIES_REFUNDED");
		assertThat(cancelled.recordRefund(payment("4000.00", clearedOn.plusDays(40), "R-1"), java.math.BigDecimal.ZERO))
			.as("the bank's notice again").isFalse();

		var released = new Declaration(UUID.randomUUID(), "XM2026113000000012", declarant(),
				DeclarationStatus.RELEASED, 5, List.of(customs(TaskStatus.AUTO_APPROVED, 0))).withDuties(paidLate);
		assertThatThrownBy(() -> released.recordRefund(payment("4000.00", clearedOn.plusDays(40), "R-2"),
				new java.math.BigDecimal("4000.00"))).isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CANCELLED"));
	}

	private static Declaration.DutyGuarantee letter(String amount, LocalDate validUntil, String reference) {
		return new Declaration.DutyGuarantee(Declaration.GuaranteeKind.BANK_GUARANTEE, new java.math.BigDecimal(amount),
				validUntil, reference, "officer.customs", NOW);
	}

	private static DeclarationCorrected correction(Declaration declaration, String reason) {
		return new DeclarationCorrected(declaration.id(), declaration.number(), declarant(), "officer.customs", reason,
				NOW, new java.math.BigDecimal("520.00"), new java.math.BigDecimal("455.00"),
				List.of(new DeclarationCorrected.Line(1, new java.math.BigDecimal("3500.00"),
						new java.math.BigDecimal("492.96"))));
	}

	@Test
	void theDeclarantAppliesForTheCancellationOfAReleasedDeclarationAndCustomsRefusesIt() {
		var released = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.RELEASED,
				4, List.of(customs(TaskStatus.AUTO_APPROVED, 0)));

		released.applyForCancellation("the buyer sent the goods back", "trader.coffee", NOW);

		assertThat(released.application())
			.isEqualTo(new Declaration.CancellationApplication("trader.coffee", NOW, "the buyer sent the goods back"));
		assertThat(released.applicationChanged()).isTrue();
		assertThat(released.changedAt()).as("a request about it, not a change of it: no new version").isNull();
		assertThat(released.status()).as("customs decides").isEqualTo(DeclarationStatus.RELEASED);
		assertThat(released.statusMoved()).isFalse();
		assertThat(released.events()).singleElement().isEqualTo(new DeclarationCancellationApplied(released.id(),
				released.number(), declarant(), "trader.coffee", "the buyer sent the goods back", NOW));
		assertThatThrownBy(() -> released.applyForCancellation("again", "trader.coffee", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("CANCELLATION_ALREADY_APPLIED"));

		assertThatThrownBy(() -> released.refuseCancellation("read another", "officer.customs", NOW,
				NOW.minusSeconds(60)))
			.as("another application than the one read").isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.code()).isEqualTo("CANCELLATION_APPLICATION_CHANGED"));
		for (Instant farOff : List.of(Instant.MIN, Instant.MAX, Instant.parse("0001-01-01T00:00:00Z"))) {
			assertThatThrownBy(() -> released.refuseCancellation("no", "officer.customs", NOW, farOff)).as("%s", farOff)
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("CANCELLATION_APPLICATION_CHANGED"));
		}
		released.refuseCancellation("the goods were sold on in the zone", "officer.customs", NOW, NOW.plusNanos(999));

		assertThat(released.application()).isNull();
		assertThat(released.changedAt()).isNull();
		assertThat(released.status()).isEqualTo(DeclarationStatus.RELEASED);
		assertThat(released.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("CANCELLATION_APPLIED", "CANCELLATION_REFUSED");
		assertThat(released.timeline().getLast()).isEqualTo(new Declaration.TimelineEntry(NOW, "CANCELLATION_REFUSED",
				"CUSTOMS", "officer.customs", null, "the goods were sold on in the zone"));
		assertThat(released.events()).last().isEqualTo(new DeclarationCancellationRefused(released.id(),
				released.number(), declarant(), "officer.customs", "the goods were sold on in the zone", NOW));
		assertThatThrownBy(() -> released.refuseCancellation("again", "officer.customs", NOW, null))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("CANCELLATION_NOT_APPLIED"));
	}

	@Test
	void theCancellationDecidesTheDeclarantsApplication() {
		var cleared = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.CLEARED, 3,
				List.of(customs(TaskStatus.AUTO_APPROVED, 0)))
			.withApplication(new Declaration.CancellationApplication("trader.coffee", NOW, "declared twice"));

		cleared.cancel("declared twice: XM2026113000000002 stands", "officer.customs", NOW);

		assertThat(cleared.application()).isNull();
		assertThat(cleared.applicationChanged()).isTrue();
		assertThat(cleared.status()).isEqualTo(DeclarationStatus.CANCELLED);
	}

	@Test
	void onlyAClearedOrReleasedDeclarationsCancellationIsAppliedFor() {
		for (DeclarationStatus notCleared : List.of(DeclarationStatus.UNDER_REVIEW, DeclarationStatus.QUERIED,
				DeclarationStatus.REJECTED, DeclarationStatus.WITHDRAWN, DeclarationStatus.CANCELLED)) {
			var declaration = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), notCleared, 3,
					List.of(customs(TaskStatus.PENDING, 0)));

			assertThatThrownBy(() -> declaration.applyForCancellation("not shipped", "trader.coffee", NOW))
				.as(notCleared.name())
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_NOT_CANCELLABLE"));
			assertThat(declaration.application()).isNull();
			assertThat(declaration.applicationChanged()).isFalse();
		}
	}

	@Test
	void aQuestionLeftOpenOnARejectedDeclarationIsNotAnswered() {
		var declaration = underReview(customs(TaskStatus.PENDING, 0), ciq(TaskStatus.PENDING, 0));
		declaration.decide(CIQ_TASK, TaskStatus.QUERIED, "which farm?", ANSWER_BY, null, "officer.ciq", NOW);
		declaration.decide(CUSTOMS_TASK, TaskStatus.REJECTED, "undervalued", null, null, "officer.customs", NOW);

		assertThatThrownBy(() -> declaration.answer(AgencyCode.CIQ, "Fazenda Santa Ines", "trader.coffee", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("DECLARATION_CLOSED"));
	}

	@Test
	void aDocumentAttachedWhileTheAgenciesDecideIsOnTheTimelineAndChangesNothingElse() {
		var declaration = underReview(customs(TaskStatus.PENDING, 0), ciq(TaskStatus.QUERIED, 1));

		var certificate = document(declaration, DocumentKind.CERTIFICATE_OF_ORIGIN, "co.pdf");

		declaration.attach(certificate);

		assertThat(declaration.timeline()).containsExactly(new Declaration.TimelineEntry(NOW, "DOCUMENT_ATTACHED", null,
				"trader.coffee", "CERTIFICATE_OF_ORIGIN", "co.pdf"));
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.UNDER_REVIEW);
		assertThat(declaration.changedAt()).as("no new version: an amendment being typed is not refused").isNull();
		assertThat(declaration.taskChanges()).isEmpty();
		assertThat(declaration.events()).containsExactly(new SupportingDocumentAttached(declaration.id(),
				declaration.number(), declarant(), certificate.id(), "CERTIFICATE_OF_ORIGIN", "co.pdf",
				certificate.sha256(), "trader.coffee", NOW));
	}

	@Test
	void aDeclarationTheAgenciesDecidedOrItsDeclarantWithdrewTakesNoDocument() {
		for (DeclarationStatus closed : List.of(DeclarationStatus.REJECTED, DeclarationStatus.WITHDRAWN,
				DeclarationStatus.CLEARED, DeclarationStatus.RELEASED, DeclarationStatus.CANCELLED)) {
			var declaration = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), closed, 3,
					List.of(customs(TaskStatus.AUTO_APPROVED, 0)));

			assertThatThrownBy(() -> declaration.attach(document(declaration, DocumentKind.INVOICE, "late.pdf")))
				.as(closed.name())
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.code()).isEqualTo("DECLARATION_CLOSED_TO_DOCUMENTS"));
			assertThat(declaration.timeline()).isEmpty();
			assertThat(declaration.events()).isEmpty();
		}
		var submitted = new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(),
				DeclarationStatus.SUBMITTED, 0, List.of());
		submitted.attach(document(submitted, DocumentKind.INVOICE, "invoice.pdf"));
		assertThat(submitted.timeline()).hasSize(1);
	}

	@Test
	void anOfficerOnlyApprovesRejectsOrQueries() {
		var declaration = underReview(ciq(TaskStatus.PENDING, 0));

		assertThatThrownBy(() -> declaration.decide(CIQ_TASK, TaskStatus.AUTO_APPROVED, null, null, null, "officer.ciq", NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static SupportingDocument document(Declaration declaration, DocumentKind kind, String fileName) {
		return new SupportingDocument(UUID.randomUUID(), declaration.id(), kind, fileName, "application/pdf", 1024,
				"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "trader.coffee", NOW);
	}

	private static Declaration underReview(Declaration.Task... tasks) {
		return new Declaration(UUID.randomUUID(), "XM2026113000000001", declarant(), DeclarationStatus.UNDER_REVIEW, 2,
				List.of(tasks));
	}

	private static Uscc declarant() {
		return Uscc.parse("91110000802100433B");
	}

	private static Declaration.Task customs(TaskStatus status, int version) {
		return new Declaration.Task(CUSTOMS_TASK, AgencyCode.CUSTOMS, status, version);
	}

	private static Declaration.Task ciq(TaskStatus status, int version) {
		return new Declaration.Task(CIQ_TASK, AgencyCode.CIQ, status, version);
	}
}
