package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.declaration.DeclarationCancellationApplied;
import io.singlewindow.declaration.DeclarationCancellationRefused;
import io.singlewindow.declaration.DeclarationCancelled;
import io.singlewindow.declaration.DeclarationCorrected;
import io.singlewindow.declaration.DeclarationCorrectionApplied;
import io.singlewindow.declaration.DeclarationCorrectionRefused;
import io.singlewindow.declaration.DeclarationDifferenceSettled;
import io.singlewindow.declaration.DeclarationDutiesGuaranteed;
import io.singlewindow.declaration.DeclarationDutiesPaid;
import io.singlewindow.declaration.DeclarationDutiesRefunded;
import io.singlewindow.declaration.DeclarationGuaranteeEnforced;
import io.singlewindow.declaration.DeclarationQueried;
import io.singlewindow.declaration.DeclarationRejected;
import io.singlewindow.declaration.DeclarationReleased;
import io.singlewindow.declaration.DeclarationWithdrawn;
import io.singlewindow.declaration.SupportingDocumentAttached;
import io.singlewindow.risk.RiskDecision;

/**
 * A declaration as its changes see it — its consolidated status and its agencies' tasks: just submitted
 * ({@link #submitted}), or loaded under the declaration's row lock ({@link DeclarationRows#lock}) for a later change.
 * It guards every change (routing a submission or an amendment to its agencies, an officer's decision, the
 * declarant's answer to a question, the withdrawal, the release, an application for the cancellation and customs'
 * decision on it) and records what happened: the tasks opened or decided afresh, the timeline entries, the events
 * other modules hear, and whether the consolidated status moved.
 * {@link DeclarationRows#save} and {@link DeclarationRows#saveRouted} write it back.
 */
final class Declaration {

	/** An agency's task, as a change needs it. */
	record Task(UUID id, AgencyCode agency, TaskStatus status, int version) {
	}

	/** A line of the declaration's timeline, e.g. {@code APPROVED} by {@code officer.ciq} for {@code CIQ}. */
	record TimelineEntry(Instant at, String event, String agency, String actor, String reasonCode, String reason) {
	}

	/**
	 * A task routing opened, or re-opened after an amendment ({@code before} is then its status until now), with the
	 * policy that decided it or left it to officers.
	 */
	record RoutedTask(UUID id, AgencyCode agency, AutomaticDecision.Outcome outcome, String fingerprint,
			TaskStatus before) {

		boolean reopened() {
			return before != null;
		}
	}

	/**
	 * A task as it changed: its new state, who decided or answered, and — for a question — the day by which the
	 * declarant is asked to answer.
	 */
	record TaskChange(Task task, int readVersion, String decidedBy, Instant decidedAt, String reason, String answer,
			LocalDate answerBy) {
	}

	/** The declarant's application for its cancellation, while customs has not decided it. */
	record CancellationApplication(String by, Instant at, String reason) {
	}

	/**
	 * The declarant's application for a correction of its values, while customs has not decided it.
	 *
	 * @param values the declared value asked for, by line number, for the lines it would change
	 */
	record CorrectionApplication(String by, Instant at, String reason, Map<Integer, java.math.BigDecimal> values) {

		CorrectionApplication {
			values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}
	}

	/**
	 * What a cleared declaration owes customs in duties and taxes on its first payment notice (CNY, as assessed and
	 * corrected before the payment), from the day the notice was issued (its clearance), and their payment once
	 * customs recorded it; and what later corrections added on notices of their own and is not paid yet
	 * ({@link TaxDifference}).
	 *
	 * @param differencesUnpaid what corrections' own notices ask customs to collect and is not paid yet, CNY
	 * @param guarantee the guarantee customs accepted for them before their payment, if any
	 * @param refund what customs paid back once the declaration was cancelled, if recorded
	 */
	record Duties(java.math.BigDecimal taxes, LocalDate noticeOn, DutyPayment payment,
			java.math.BigDecimal differencesUnpaid, DutyGuarantee guarantee, DutyPayment refund) {

		static final Duties NONE = new Duties(null, null, null);

		/** Before any correction made a notice of its own, without a guarantee or a refund. */
		Duties(java.math.BigDecimal taxes, LocalDate noticeOn, DutyPayment payment) {
			this(taxes, noticeOn, payment, java.math.BigDecimal.ZERO, null, null);
		}

		/**
		 * What a cancelled declaration's declarant gets back (退税): the taxes its first notice was paid (not the
		 * late-payment surcharge, which paid for the lateness), with what corrections' own notices collected since and
		 * less what they refunded.
		 *
		 * @param settledDifferences the corrections' settled notices, net: collected positive, refunded negative
		 */
		java.math.BigDecimal refundDue(java.math.BigDecimal settledDifferences) {
			java.math.BigDecimal none = java.math.BigDecimal.ZERO;
			java.math.BigDecimal paid = payment == null ? none
					: payment.amount().subtract(payment.surcharge() == null ? none : payment.surcharge());
			return paid.add(settledDifferences).max(none).setScale(2, java.math.RoundingMode.HALF_UP);
		}

		boolean owed() {
			return taxes != null && taxes.signum() > 0 && noticeOn != null;
		}

		boolean unpaid() {
			return owed() && payment == null;
		}

		/**
		 * Whether a guarantee covers the first notice: a correction taken in by it after the guarantee was accepted may
		 * have raised it above what the guarantee covers (then the release waits for the payment again).
		 */
		boolean guaranteed() {
			return guarantee != null && guarantee.amount().compareTo(taxes) >= 0;
		}

		Duties withPayment(DutyPayment paid) {
			return new Duties(taxes, noticeOn, paid, differencesUnpaid, guarantee, refund);
		}

		Duties withTaxes(java.math.BigDecimal asked) {
			return new Duties(asked, noticeOn, payment, differencesUnpaid, guarantee, refund);
		}

		Duties withDifferencesUnpaid(java.math.BigDecimal unpaid) {
			return new Duties(taxes, noticeOn, payment, unpaid, guarantee, refund);
		}

		Duties withGuarantee(DutyGuarantee accepted) {
			return new Duties(taxes, noticeOn, payment, differencesUnpaid, accepted, refund);
		}

		Duties withRefund(DutyPayment paidBack) {
			return new Duties(taxes, noticeOn, payment, differencesUnpaid, guarantee, paidBack);
		}
	}

	/**
	 * A guarantee customs accepted for the duties and taxes before their payment (税款担保), so that it releases the goods
	 * at once (担保放行, China's Customs Law art. 66 and the Regulations on Customs Guarantees): a cash deposit (保证金) or
	 * a bank's letter of guarantee (保函) valid at least to the last day to pay. The duties stay owed by that day; their
	 * payment discharges it.
	 *
	 * @param amount what it covers, CNY: at least the amount due the day it was accepted
	 * @param validUntil a letter of guarantee's last day; {@literal null} for a deposit
	 * @param reference the bank's letter number or the deposit's receipt
	 * @param enforced whether the payment on record was taken from it ({@link #enforceGuarantee})
	 * @param summary part of a general guarantee for summary payment (汇总征税): the duties are paid with the month's
	 *     others, by {@link DutyPaymentTerms#summaryPayBy}
	 */
	record DutyGuarantee(GuaranteeKind kind, java.math.BigDecimal amount, LocalDate validUntil, String reference,
			String recordedBy, Instant recordedAt, boolean enforced, boolean summary) {

		/** As customs accepted it, before anything was taken from it, not for summary payment. */
		DutyGuarantee(GuaranteeKind kind, java.math.BigDecimal amount, LocalDate validUntil, String reference,
				String recordedBy, Instant recordedAt) {
			this(kind, amount, validUntil, reference, recordedBy, recordedAt, false, false);
		}

		DutyGuarantee takenFrom() {
			return new DutyGuarantee(kind, amount, validUntil, reference, recordedBy, recordedAt, true, summary);
		}

		/** The same guarantee: its record come again. */
		boolean sameAs(DutyGuarantee other) {
			return kind == other.kind && amount.compareTo(other.amount) == 0 && summary == other.summary
					&& java.util.Objects.equals(validUntil, other.validUntil) && reference.equals(other.reference);
		}
	}

	/** The forms of a guarantee for duties customs accepts here. */
	enum GuaranteeKind {
		/** 保证金: money paid to customs, held until the duties are paid. */
		DEPOSIT,
		/** 保函: a bank's letter of guarantee, valid to a day. */
		BANK_GUARANTEE,
		/**
		 * 总担保: part of the cover of the declarant's general guarantee ({@link GeneralGuarantee}, itself a letter or a
		 * deposit), valid as long as it is.
		 */
		GENERAL;

		/**
		 * The form a request names.
		 *
		 * @throws Problem 422 {@code REQUIRED} or {@code GUARANTEE_KIND_UNKNOWN} at {@code kind}
		 */
		static GuaranteeKind read(String kind) {
			if (kind == null || kind.isBlank()) {
				throw Problem.invalidField("kind", "REQUIRED");
			}
			try {
				return valueOf(kind.strip());
			} catch (IllegalArgumentException e) {
				throw Problem.invalidField("kind", "GUARANTEE_KIND_UNKNOWN");
			}
		}
	}

	/**
	 * What a correction changed in duties and taxes, as a notice of its own when it was made once the first notice was
	 * paid, once the goods were released, or when the declaration owed nothing before: customs collects what it adds
	 * (补税), within {@link DutyPaymentTerms#DAYS} days of the correction as on any notice, and refunds what it takes
	 * off (退税). A correction made before the payment changed the first notice instead.
	 *
	 * @param amount the difference, CNY: positive collected, negative refunded
	 * @param noticeOn the day of the correction, in the zone: its notice's day
	 * @param settledApart whether it is a notice of its own
	 * @param settlement its collection or refund as customs recorded it; {@literal null} while not settled
	 */
	record TaxDifference(UUID correctionId, java.math.BigDecimal amount, LocalDate noticeOn, boolean settledApart,
			DutyPayment settlement) {

		/** Collected from the declarant (补税) rather than refunded to it (退税). */
		boolean collected() {
			return amount.signum() > 0;
		}

		/** A notice of its own that moves money. */
		boolean due() {
			return settledApart && amount.signum() != 0;
		}
	}

	/**
	 * A payment of the duties and taxes as customs recorded it from the bank's notice (or its own cashier's receipt).
	 *
	 * @param surcharge the late-payment surcharge it included, as {@link #recordPayment} found it ({@literal null}
	 *     until then)
	 */
	record DutyPayment(java.math.BigDecimal amount, java.math.BigDecimal surcharge, LocalDate paidOn, String reference,
			String recordedBy, Instant recordedAt) {

		DutyPayment withSurcharge(java.math.BigDecimal included) {
			return new DutyPayment(amount, included, paidOn, reference, recordedBy, recordedAt);
		}

		/** The same payment: the bank's notice of it come again. */
		boolean sameAs(DutyPayment other) {
			return amount.compareTo(other.amount) == 0 && paidOn.equals(other.paidOn)
					&& reference.equals(other.reference);
		}
	}

	private final UUID id;
	private final String number;
	private final Uscc declarant;
	private final DeclarationStatus readStatus;
	private final int version;
	private DeclarationStatus status;
	private final Map<UUID, Task> tasks = new LinkedHashMap<>();
	private final List<TaskChange> taskChanges = new ArrayList<>();
	private final List<RoutedTask> routed = new ArrayList<>();
	private final List<UUID> unrouted = new ArrayList<>();
	private final List<TimelineEntry> timeline = new ArrayList<>();
	private final List<Object> events = new ArrayList<>();
	private Instant changedAt;
	private Instant clearedAt;
	private Instant releasedAt;
	private CancellationApplication application;
	private boolean applicationChanged;
	private CorrectionApplication correctionApplication;
	private boolean correctionApplicationChanged;
	private Duties duties = Duties.NONE;
	private boolean paymentRecorded;
	private TaxDifference settledDifference;
	private boolean guaranteeAccepted;
	private boolean guaranteeEnforced;
	private boolean refundRecorded;

	Declaration(UUID id, String number, Uscc declarant, DeclarationStatus status, int version, List<Task> tasks) {
		this.id = id;
		this.version = version;
		this.number = number;
		this.declarant = declarant;
		this.readStatus = status;
		this.status = status;
		tasks.forEach(t -> this.tasks.put(t.id(), t));
	}

	/** As loaded: with the declarant's open application for its cancellation, if any. */
	Declaration withApplication(CancellationApplication open) {
		this.application = open;
		return this;
	}

	/** As loaded: with the declarant's open application for a correction, if any. */
	Declaration withCorrectionApplication(CorrectionApplication open) {
		this.correctionApplication = open;
		return this;
	}

	/** As loaded: with what it owes in duties and taxes and their payment, if recorded. */
	Declaration withDuties(Duties owed) {
		this.duties = owed;
		return this;
	}

	/** A declaration just stored under {@code number}, before routing: the timeline starts with its submission. */
	static Declaration submitted(UUID id, String number, Uscc declarant, String by, Instant now) {
		Declaration declaration = new Declaration(id, number, declarant, DeclarationStatus.SUBMITTED, 0, List.of());
		declaration.timeline.add(new TimelineEntry(now, "SUBMITTED", null, by, null, null));
		return declaration;
	}

	/**
	 * The declarant amends it (the caller checked that its status allows it and replaced what was declared); routing
	 * follows ({@link #route}).
	 */
	void amended(String by, Instant now) {
		timeline.add(new TimelineEntry(now, "AMENDED", null, by, null, null));
	}

	/**
	 * Routes what was declared to the agencies that must act: each gets a task, decided at once where a policy can
	 * ({@link AutomaticDecision}) and otherwise left to its officers; then the status is consolidated. On an
	 * amendment ({@code previous} holds the tasks it had) an agency that sees the same lines as before keeps its task
	 * and decision, one whose lines changed decides afresh, and one no longer routed loses its task.
	 *
	 * @param work what routing asks of each agency
	 * @param permits the referenced permits, checked for each agency before any is written off
	 */
	void route(ValidDeclaration declared, Map<AgencyCode, AgencyWork> work, RiskDecision channel,
			PermitChecks.Result permits, Map<String, DeclarationRows.PreviousTask> previous, Instant now) {
		if (previous.isEmpty()) {
			work.values().forEach(w -> timeline.add(new TimelineEntry(now, "ROUTED", w.agency().value(), "system",
					String.join(",", w.rules()), w.linesText())));
		}
		List<TaskStatus> statuses = new ArrayList<>();
		for (AgencyWork w : work.values()) {
			AgencyCode agency = w.agency();
			String fingerprint = w.fingerprint(declared, channel.channel());
			DeclarationRows.PreviousTask prior = previous.get(agency.value());
			if (prior != null && prior.fingerprint().equals(fingerprint)) {
				statuses.add(prior.status());
				continue;
			}
			AutomaticDecision.Outcome outcome = AutomaticDecision.decide(w, channel, permits.of(agency));
			statuses.add(outcome.status());
			routed.add(new RoutedTask(prior == null ? UUID.randomUUID() : prior.id(), agency, outcome, fingerprint,
					prior == null ? null : prior.status()));
			if (prior != null) {
				timeline.add(new TimelineEntry(now, "REOPENED", agency.value(), "system", null, w.linesText()));
			}
			if (outcome.automatic()) {
				timeline.add(new TimelineEntry(now, "AUTO_APPROVED", agency.value(), "system", outcome.policy(),
						outcome.note()));
				events.add(new AgencyDecisionRecorded(id, number, agency, outcome.status().name(), "system",
						outcome.policy(), now));
			} else {
				events.add(new AgencyTaskOpened(id, number, agency, outcome.policy(), now));
			}
		}
		previous.forEach((agency, prior) -> {
			if (!work.containsKey(new AgencyCode(agency))) {
				unrouted.add(prior.id());
				timeline.add(new TimelineEntry(now, "UNROUTED", agency, "system", null, null));
			}
		});
		consolidate(statuses, now);
	}

	/**
	 * Records an officer's decision on its agency's pending task and consolidates the declaration's status.
	 *
	 * @param next {@code APPROVED}, {@code REJECTED} or {@code QUERIED}
	 *
	 * @param expectedVersion the task's version the officer read; {@literal null} decides whatever the task is now
	 * @param reason required to reject or query, checked by the caller before the declaration is locked
	 * @param answerBy for a question ({@code QUERIED}) only: the last day the declarant answers in time
	 *     ({@link AnswerDeadline})
	 * @throws Problem 409 {@code DECLARATION_CLOSED} once it is rejected, cleared or released;
	 *     {@code TASK_ALREADY_DECIDED} when another officer decided first; {@code TASK_CHANGED} when an amendment
	 *     re-opened the task since the officer read it
	 */
	Task decide(UUID taskId, TaskStatus next, String reason, LocalDate answerBy, Integer expectedVersion,
			String officer, Instant now) {
		if (next != TaskStatus.APPROVED && next != TaskStatus.REJECTED && next != TaskStatus.QUERIED) {
			throw new IllegalArgumentException("An officer approves, rejects or queries, not " + next);
		}
		if ((next == TaskStatus.QUERIED) != (answerBy != null)) {
			throw new IllegalArgumentException("A question, and only a question, has a day to answer by: " + next);
		}
		if (!status.open()) {
			throw Problem.conflict("DECLARATION_CLOSED", number, status.named());
		}
		Task task = tasks.get(taskId);
		if (task == null) {
			throw Problem.notFound("TASK_NOT_FOUND", taskId);
		}
		if (task.status() != TaskStatus.PENDING) {
			throw Problem.conflict("TASK_ALREADY_DECIDED", taskId);
		}
		if (expectedVersion != null && expectedVersion != task.version()) {
			throw Problem.conflict("TASK_CHANGED", taskId, expectedVersion);
		}
		Task decided = change(task, next, officer, now, reason, null, answerBy);
		timeline.add(new TimelineEntry(now, next.name(), task.agency().value(), officer, null, reason));
		events.add(new AgencyDecisionRecorded(id, number, task.agency(), next.name(), officer, reason, now));
		if (next == TaskStatus.QUERIED) {
			events.add(new DeclarationQueried(id, number, task.agency(), reason, answerBy, now));
		}
		if (next == TaskStatus.REJECTED) {
			events.add(new DeclarationRejected(id, number, task.agency(), reason, now));
		}
		consolidate(now);
		return decided;
	}

	/**
	 * The declarant answers an agency's question: the task goes back to that agency's queue.
	 *
	 * @throws Problem 409 {@code DECLARATION_CLOSED} once it is rejected, withdrawn, cleared or released (a question
	 *     left open there is answered by nobody); {@code TASK_NOT_QUERIED} when the agency asked nothing (or its
	 *     question was answered)
	 */
	void answer(AgencyCode agency, String answer, String by, Instant now) {
		if (!status.open()) {
			throw Problem.conflict("DECLARATION_CLOSED", number, status.named());
		}
		List<Task> queried = tasks.values().stream()
			.filter(t -> t.agency().equals(agency) && t.status() == TaskStatus.QUERIED)
			.toList();
		if (queried.isEmpty()) {
			throw Problem.conflict("TASK_NOT_QUERIED", agency.value());
		}
		queried.forEach(t -> change(t, TaskStatus.PENDING, null, null, null, answer, null));
		timeline.add(new TimelineEntry(now, "ANSWERED", agency.value(), by, null, answer));
		events.add(new AgencyTaskOpened(id, number, agency, "ANSWERED", now));
		consolidate(now);
	}

	/**
	 * The declarant attaches a supporting document (the caller stores it): the agencies read it with the declaration,
	 * and their systems hear of it.
	 * It changes neither the status nor the version a declarant's amendment or withdrawal is checked against — a
	 * document sent while an amendment is being typed does not refuse the amendment.
	 *
	 * @throws Problem 409 {@code DECLARATION_CLOSED_TO_DOCUMENTS} once it is rejected, withdrawn, cleared or released:
	 *     what the agencies decided on is the record, and a later document would read as if they had seen it
	 */
	void attach(SupportingDocument document) {
		if (!status.open()) {
			throw Problem.conflict("DECLARATION_CLOSED_TO_DOCUMENTS", number, status.named());
		}
		timeline.add(new TimelineEntry(document.attachedAt(), "DOCUMENT_ATTACHED", null, document.attachedBy(),
				document.kind().name(), document.fileName()));
		events.add(new SupportingDocumentAttached(id, number, declarant, document.id(), document.kind().name(),
				document.fileName(), document.sha256(), document.attachedBy(), document.attachedAt()));
	}

	/**
	 * The declarant withdraws it while the agencies still review it or wait for an answer: its status is final, no
	 * officer decides its tasks any more (they stay as they were, like those of a rejected declaration), and what it
	 * wrote off permits is the caller's to give back. After a clearance the goods are the agencies' business: a
	 * cleared declaration is not withdrawn by its declarant.
	 *
	 * @param reason why, required (the caller reads and checks it)
	 * @throws Problem 409 {@code DECLARATION_NOT_WITHDRAWABLE} unless it is under review or queried
	 */
	void withdraw(String reason, String by, Instant now) {
		if (!status.amendable()) {
			throw Problem.conflict("DECLARATION_NOT_WITHDRAWABLE", number, status.named());
		}
		status = DeclarationStatus.WITHDRAWN;
		changedAt = now;
		timeline.add(new TimelineEntry(now, "WITHDRAWN", null, by, null, reason));
		events.add(new DeclarationWithdrawn(id, number, declarant, by, reason, now));
	}

	/**
	 * Customs releases the goods, once their duties and taxes are paid or a guarantee covers them (a declaration that
	 * owes none is released at once).
	 *
	 * @throws Problem 409 {@code DECLARATION_NOT_CLEARED} unless every agency has cleared it (and it is not released),
	 *     {@code DUTIES_UNPAID} while the duties and taxes it owes are not paid, {@code DIFFERENCE_UNPAID} while what
	 *     a correction's own notice asks is not
	 */
	void release(String officer, Instant now) {
		if (status != DeclarationStatus.CLEARED) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED", number, status.named());
		}
		if (duties.unpaid() && !duties.guaranteed()) {
			throw Problem.conflict("DUTIES_UNPAID", number, duties.taxes().toPlainString());
		}
		if (duties.differencesUnpaid().signum() > 0) {
			throw Problem.conflict("DIFFERENCE_UNPAID", number, duties.differencesUnpaid().toPlainString());
		}
		status = DeclarationStatus.RELEASED;
		changedAt = now;
		releasedAt = now;
		timeline.add(new TimelineEntry(now, "RELEASED", AgencyCode.CUSTOMS.value(), officer, null, null));
		events.add(new DeclarationReleased(id, number, declarant, now));
	}

	/**
	 * Customs records the payment of the duties and taxes, as the bank reported it: the whole amount due on the day
	 * paid, the taxes and any late-payment surcharge ({@link DutyPaymentTerms}), in one payment, as a payment notice is
	 * paid. The goods may then be released. Its version moves on: a response printed before it says the duties are
	 * owed, so it is out of date.
	 *
	 * @param payBy the last day to pay without a surcharge
	 * @return {@literal false} when this very payment is on record already (the bank's notice came again): nothing
	 *     changes
	 * @throws Problem 409 {@code DECLARATION_NOT_CLEARED} unless cleared or released, {@code NO_DUTIES_DUE} when it
	 *     owes nothing, {@code DUTIES_ALREADY_PAID} when another payment settled them; 422 {@code PAYMENT_BEFORE_NOTICE}
	 *     at {@code paidOn}, {@code PAYMENT_AMOUNT_DIFFERS} at {@code amount} (with the amount due that day)
	 */
	boolean recordPayment(DutyPayment payment, LocalDate payBy) {
		if (!status.cancellable()) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED", number, status.named());
		}
		if (!duties.owed()) {
			throw Problem.conflict("NO_DUTIES_DUE", number);
		}
		if (duties.payment() != null) {
			if (duties.payment().sameAs(payment)) {
				return false;
			}
			throw Problem.conflict("DUTIES_ALREADY_PAID", number, duties.payment().paidOn(),
					duties.payment().reference());
		}
		if (payment.paidOn().isBefore(duties.noticeOn())) {
			throw Problem.invalidField("paidOn", "PAYMENT_BEFORE_NOTICE", duties.noticeOn());
		}
		java.math.BigDecimal surcharge = DutyPaymentTerms.surcharge(duties.taxes(), payBy, payment.paidOn());
		java.math.BigDecimal due = duties.taxes().add(surcharge);
		if (payment.amount().compareTo(due) != 0) {
			throw Problem.invalidField("amount", "PAYMENT_AMOUNT_DIFFERS", due.toPlainString(), payment.paidOn());
		}
		duties = duties.withPayment(payment.withSurcharge(surcharge));
		paymentRecorded = true;
		changedAt = payment.recordedAt();
		timeline.add(new TimelineEntry(payment.recordedAt(), "DUTIES_PAID", AgencyCode.CUSTOMS.value(),
				payment.recordedBy(), null, payment.reference()));
		events.add(new DeclarationDutiesPaid(id, number, declarant, payment.amount(), payment.paidOn(),
				payment.reference(), payment.recordedBy(), payment.recordedAt()));
		return true;
	}

	/**
	 * Customs accepts a guarantee for the duties and taxes before their payment (担保放行): the goods may then be
	 * released at once; the duties stay owed by their last day, a surcharge after it as before. Its version moves on.
	 *
	 * @param amountDue what paying costs on the day it is accepted (the taxes and any surcharge so far)
	 * @param payBy the last day to pay without a surcharge, which a letter of guarantee must cover
	 * @return {@literal false} when this very guarantee is on record already: nothing changes
	 * @throws Problem 409 {@code DECLARATION_NOT_CLEARED} unless cleared and not yet released, {@code NO_DUTIES_DUE},
	 *     {@code DUTIES_ALREADY_PAID}, {@code DUTIES_ALREADY_GUARANTEED} when another guarantee is on record; 422
	 *     {@code GUARANTEE_TOO_SMALL} at {@code amount} (with the amount due), {@code GUARANTEE_EXPIRES_TOO_SOON} at
	 *     {@code validUntil} (with the last day to pay; at {@code reference} for a general guarantee)
	 */
	boolean acceptGuarantee(DutyGuarantee guarantee, java.math.BigDecimal amountDue, LocalDate payBy) {
		if (duties.guarantee() != null && duties.guarantee().sameAs(guarantee)) {
			return false;
		}
		if (status != DeclarationStatus.CLEARED) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED", number, status.named());
		}
		if (!duties.owed()) {
			throw Problem.conflict("NO_DUTIES_DUE", number);
		}
		if (duties.payment() != null) {
			throw Problem.conflict("DUTIES_ALREADY_PAID", number, duties.payment().paidOn(),
					duties.payment().reference());
		}
		if (duties.guarantee() != null) {
			throw Problem.conflict("DUTIES_ALREADY_GUARANTEED", number, duties.guarantee().reference());
		}
		if (guarantee.amount().compareTo(amountDue) < 0) {
			throw Problem.invalidField("amount", "GUARANTEE_TOO_SMALL", amountDue.toPlainString());
		}
		if (guarantee.validUntil() != null && guarantee.validUntil().isBefore(payBy)) {
			// A general guarantee's validity is its own: the officer named it by its reference.
			throw Problem.invalidField(guarantee.kind() == GuaranteeKind.GENERAL ? "reference" : "validUntil",
					"GUARANTEE_EXPIRES_TOO_SOON", payBy);
		}
		duties = duties.withGuarantee(guarantee);
		guaranteeAccepted = true;
		changedAt = guarantee.recordedAt();
		timeline.add(new TimelineEntry(changedAt, "DUTIES_GUARANTEED", AgencyCode.CUSTOMS.value(),
				guarantee.recordedBy(), null, guarantee.reference()));
		events.add(new DeclarationDutiesGuaranteed(id, number, declarant, guarantee.kind().name(), guarantee.amount(),
				guarantee.validUntil(), guarantee.reference(), guarantee.recordedBy(), changedAt));
		return true;
	}

	/**
	 * The last day to pay passed unpaid: customs takes the duties and taxes, with the late-payment surcharge of the day
	 * it takes them, from the guarantee it released the goods against (从担保中抵缴, the Regulations on Customs
	 * Guarantees) — the deposit converted, or the bank's payment under its letter — as one payment of the whole amount
	 * due that day, which the guarantee must cover. Before the last day passed the declarant may still pay; a bank's
	 * letter is called on while it is valid. Its version moves on.
	 *
	 * @param taken what customs took, the day it took it (the bank paid) and the reference of that
	 * @param payBy the last day to pay without a surcharge
	 * @return {@literal false} when this very taking is on record already: nothing changes
	 * @throws Problem 409 {@code DECLARATION_NOT_CLEARED} unless cleared or released, {@code DUTIES_NOT_GUARANTEED},
	 *     {@code DUTIES_ALREADY_PAID}; 422 {@code DUTIES_NOT_YET_OVERDUE} or {@code GUARANTEE_EXPIRED} at
	 *     {@code paidOn}, {@code GUARANTEE_DOES_NOT_COVER} or {@code PAYMENT_AMOUNT_DIFFERS} at {@code amount} (with the
	 *     amount due that day)
	 */
	boolean enforceGuarantee(DutyPayment taken, LocalDate payBy) {
		if (!status.cancellable()) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED", number, status.named());
		}
		DutyGuarantee guarantee = duties.guarantee();
		if (!duties.owed() || guarantee == null) {
			throw Problem.conflict("DUTIES_NOT_GUARANTEED", number);
		}
		if (duties.payment() != null) {
			if (guarantee.enforced() && duties.payment().sameAs(taken)) {
				return false;
			}
			throw Problem.conflict("DUTIES_ALREADY_PAID", number, duties.payment().paidOn(),
					duties.payment().reference());
		}
		if (!taken.paidOn().isAfter(payBy)) {
			throw Problem.invalidField("paidOn", "DUTIES_NOT_YET_OVERDUE", payBy);
		}
		if (guarantee.validUntil() != null && taken.paidOn().isAfter(guarantee.validUntil())) {
			throw Problem.invalidField("paidOn", "GUARANTEE_EXPIRED", guarantee.validUntil());
		}
		java.math.BigDecimal surcharge = DutyPaymentTerms.surcharge(duties.taxes(), payBy, taken.paidOn());
		java.math.BigDecimal due = duties.taxes().add(surcharge);
		if (due.compareTo(guarantee.amount()) > 0) {
			throw Problem.invalidField("amount", "GUARANTEE_DOES_NOT_COVER", guarantee.amount().toPlainString(),
					due.toPlainString(), taken.paidOn());
		}
		if (taken.amount().compareTo(due) != 0) {
			throw Problem.invalidField("amount", "PAYMENT_AMOUNT_DIFFERS", due.toPlainString(), taken.paidOn());
		}
		duties = duties.withPayment(taken.withSurcharge(surcharge)).withGuarantee(guarantee.takenFrom());
		paymentRecorded = true;
		guaranteeEnforced = true;
		changedAt = taken.recordedAt();
		timeline.add(new TimelineEntry(changedAt, "GUARANTEE_ENFORCED", AgencyCode.CUSTOMS.value(), taken.recordedBy(),
				null, taken.reference()));
		events.add(new DeclarationGuaranteeEnforced(id, number, declarant, guarantee.kind().name(), taken.amount(),
				taken.paidOn(), taken.reference(), taken.recordedBy(), changedAt));
		return true;
	}

	/**
	 * Customs records the refund of what a cancelled declaration's declarant paid ({@link Duties#refundDue}), as its
	 * bank paid it back: the whole amount at once. Its version moves on.
	 *
	 * @param refundDue what is owed back, as {@link Duties#refundDue} gives it with the corrections' settled notices
	 * @return {@literal false} when this very refund is on record already: nothing changes
	 * @throws Problem 409 {@code DECLARATION_NOT_CANCELLED} unless cancelled, {@code NOTHING_TO_REFUND} when nothing
	 *     was paid, {@code DUTIES_ALREADY_REFUNDED} when another refund is on record; 422 {@code REFUND_AMOUNT_DIFFERS}
	 *     at {@code amount} (with the amount owed back)
	 */
	boolean recordRefund(DutyPayment refund, java.math.BigDecimal refundDue) {
		if (status != DeclarationStatus.CANCELLED) {
			throw Problem.conflict("DECLARATION_NOT_CANCELLED", number, status.named());
		}
		if (duties.refund() != null) {
			if (duties.refund().sameAs(refund)) {
				return false;
			}
			throw Problem.conflict("DUTIES_ALREADY_REFUNDED", number, duties.refund().paidOn(),
					duties.refund().reference());
		}
		if (refundDue.signum() <= 0) {
			throw Problem.conflict("NOTHING_TO_REFUND", number);
		}
		if (refund.amount().compareTo(refundDue) != 0) {
			throw Problem.invalidField("amount", "REFUND_AMOUNT_DIFFERS", refundDue.toPlainString());
		}
		duties = duties.withRefund(refund.withSurcharge(java.math.BigDecimal.ZERO.setScale(2)));
		refundRecorded = true;
		changedAt = refund.recordedAt();
		timeline.add(new TimelineEntry(changedAt, "DUTIES_REFUNDED", AgencyCode.CUSTOMS.value(), refund.recordedBy(),
				null, refund.reference()));
		events.add(new DeclarationDutiesRefunded(id, number, declarant, refund.amount(), refund.paidOn(),
				refund.reference(), refund.recordedBy(), changedAt));
		return true;
	}

	/**
	 * Customs cancels it after the agencies cleared it (报关单撤销: an export that was not shipped, goods returned, a
	 * declaration made twice): its status is final, the goods are no longer declared under it, and what it wrote off
	 * permits and counted in the statistics is the callers' and listeners' to take back. The agencies' decisions stay
	 * on record as they were. Before a clearance there is nothing for customs to cancel: the declarant withdraws, an
	 * agency rejects.
	 *
	 * @param reason why, required (the caller reads and checks it)
	 * @throws Problem 409 {@code DECLARATION_NOT_CANCELLABLE} unless it is cleared or released
	 */
	void cancel(String reason, String officer, Instant now) {
		if (!status.cancellable()) {
			throw Problem.conflict("DECLARATION_NOT_CANCELLABLE", number, status.named());
		}
		status = DeclarationStatus.CANCELLED;
		changedAt = now;
		decideApplication();
		timeline.add(new TimelineEntry(now, "CANCELLED", AgencyCode.CUSTOMS.value(), officer, null, reason));
		events.add(new DeclarationCancelled(id, number, declarant, officer, reason, now));
	}

	/**
	 * Customs corrects what was declared after the agencies cleared it (报关单修改: a value the seller's credit note or
	 * an audit found wrong): the caller assessed the corrected lines again and writes them; the status stays, the
	 * version moves on (a response printed before is out of date, rightly), and the correction is on the timeline with
	 * its reason. The agencies' decisions stay on record as they were. Before a clearance the declarant amends instead.
	 *
	 * <p>
	 * What it changes in duties and taxes goes on the first payment notice while that is not paid; once it is paid,
	 * once the goods are released, or when the declaration owed nothing before, it is a notice of its own
	 * ({@link TaxDifference}, settled by {@link #settleDifference}).
	 *
	 * @param correction what changed, as the caller assessed it (its reason read and checked)
	 * @return whether its difference is a notice of its own
	 * @throws Problem 409 {@code DECLARATION_NOT_CORRECTABLE} unless it is cleared or released
	 */
	boolean correct(DeclarationCorrected correction) {
		requireCorrectable();
		if (!correction.declarationId().equals(id)) {
			throw new IllegalArgumentException("A correction of " + correction.declarationId() + " for " + id);
		}
		changedAt = correction.correctedAt();
		if (correctionApplication != null) {
			// Decided by this correction, whatever values customs settled on.
			correctionApplication = null;
			correctionApplicationChanged = true;
		}
		timeline.add(new TimelineEntry(changedAt, "CORRECTED", AgencyCode.CUSTOMS.value(), correction.correctedBy(),
				null, correction.reason()));
		events.add(correction);
		java.math.BigDecimal difference = correction.taxDifference();
		boolean apart = difference.signum() != 0
				&& (duties.payment() != null || status == DeclarationStatus.RELEASED || !duties.owed());
		if (apart) {
			duties = duties.withDifferencesUnpaid(
					duties.differencesUnpaid().add(difference.max(java.math.BigDecimal.ZERO)));
		}
		else if (duties.taxes() != null) {
			duties = duties.withTaxes(duties.taxes().add(difference));
		}
		return apart;
	}

	/**
	 * Customs records the settlement of a correction's own notice ({@link TaxDifference}): the collection of what it
	 * added, as the bank reported it — the whole amount due on the day paid, with a late-payment surcharge after its
	 * last day as on any notice ({@link DutyPaymentTerms}) — or the refund of what it took off, as customs paid it
	 * back (no surcharge on a refund). Its version moves on.
	 *
	 * @param payBy the notice's last day to pay without a surcharge (a collection's)
	 * @return {@literal false} when this very settlement is on record already: nothing changes
	 * @throws Problem 409 {@code DECLARATION_NOT_CLEARED} unless cleared or released, {@code NO_DIFFERENCE_DUE} when
	 *     the correction is no notice of its own, {@code DIFFERENCE_ALREADY_SETTLED} when another settlement is on
	 *     record; 422 {@code SETTLEMENT_BEFORE_NOTICE} at {@code paidOn}, {@code SETTLEMENT_AMOUNT_DIFFERS} at
	 *     {@code amount} (with the amount due that day)
	 */
	boolean settleDifference(TaxDifference difference, DutyPayment settlement, LocalDate payBy) {
		if (!status.cancellable()) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED", number, status.named());
		}
		if (!difference.due()) {
			throw Problem.conflict("NO_DIFFERENCE_DUE", number);
		}
		if (difference.settlement() != null) {
			if (difference.settlement().sameAs(settlement)) {
				return false;
			}
			throw Problem.conflict("DIFFERENCE_ALREADY_SETTLED", number, difference.settlement().paidOn(),
					difference.settlement().reference());
		}
		if (settlement.paidOn().isBefore(difference.noticeOn())) {
			throw Problem.invalidField("paidOn", "SETTLEMENT_BEFORE_NOTICE", difference.noticeOn());
		}
		java.math.BigDecimal owed = difference.amount().abs();
		java.math.BigDecimal surcharge = difference.collected()
				? DutyPaymentTerms.surcharge(owed, payBy, settlement.paidOn())
				: java.math.BigDecimal.ZERO.setScale(2);
		java.math.BigDecimal due = owed.add(surcharge);
		if (settlement.amount().compareTo(due) != 0) {
			throw Problem.invalidField("amount", "SETTLEMENT_AMOUNT_DIFFERS", due.toPlainString(),
					settlement.paidOn());
		}
		settledDifference = new TaxDifference(difference.correctionId(), difference.amount(), difference.noticeOn(),
				true, settlement.withSurcharge(surcharge));
		if (difference.collected()) {
			duties = duties.withDifferencesUnpaid(
					duties.differencesUnpaid().subtract(owed).max(java.math.BigDecimal.ZERO));
		}
		changedAt = settlement.recordedAt();
		timeline.add(new TimelineEntry(changedAt,
				difference.collected() ? "DIFFERENCE_COLLECTED" : "DIFFERENCE_REFUNDED", AgencyCode.CUSTOMS.value(),
				settlement.recordedBy(), null, settlement.reference()));
		events.add(new DeclarationDifferenceSettled(id, number, declarant, difference.correctionId(),
				difference.collected() ? "COLLECT" : "REFUND", settlement.amount(), surcharge, settlement.paidOn(),
				settlement.reference(), settlement.recordedBy(), changedAt));
		return true;
	}

	/**
	 * Whether the application for a correction that waits asks for exactly these values for this reason: the same
	 * application sent again, which changes nothing.
	 */
	boolean correctionAppliedAs(String reason, Map<Integer, java.math.BigDecimal> values) {
		if (correctionApplication == null || !correctionApplication.reason().equals(reason)
				|| !correctionApplication.values().keySet().equals(values.keySet())) {
			return false;
		}
		return values.entrySet().stream()
			.allMatch(v -> correctionApplication.values().get(v.getKey()).compareTo(v.getValue()) == 0);
	}

	/**
	 * The declarant applies to customs for a correction of its values (报关单修改申请): it stays as it is until customs
	 * corrects it ({@link #correct}) or refuses the application ({@link #refuseCorrection}). Like an application for a
	 * cancellation, a request about the declaration, not a change of it: its version and time of last change stay.
	 *
	 * @param applied who, when, why and the values asked for (the caller checked them as a correction's)
	 * @throws Problem 409 {@code DECLARATION_NOT_CORRECTABLE} unless it is cleared or released,
	 *     {@code CORRECTION_ALREADY_APPLIED} while an application waits for customs
	 */
	void applyForCorrection(CorrectionApplication applied) {
		requireCorrectable();
		if (correctionApplication != null) {
			throw Problem.conflict("CORRECTION_ALREADY_APPLIED", number, correctionApplication.by());
		}
		correctionApplication = applied;
		correctionApplicationChanged = true;
		timeline.add(new TimelineEntry(applied.at(), "CORRECTION_APPLIED", null, applied.by(), null, applied.reason()));
		events.add(new DeclarationCorrectionApplied(id, number, declarant, applied.by(), applied.reason(), applied.at()));
	}

	/**
	 * The declarant's application for a correction that waits for customs, as the caller names it.
	 *
	 * @param applied when the application was made, as read; {@literal null}: whichever waits
	 * @throws Problem 409 {@code CORRECTION_NOT_APPLIED} when none waits, {@code CORRECTION_APPLICATION_CHANGED} when
	 *     another one than {@code applied} waits
	 */
	CorrectionApplication correctionApplied(Instant applied) {
		if (correctionApplication == null) {
			throw Problem.conflict("CORRECTION_NOT_APPLIED", number);
		}
		if (applied != null && !sameInstant(applied, correctionApplication.at())) {
			throw Problem.conflict("CORRECTION_APPLICATION_CHANGED", number, correctionApplication.at(), applied);
		}
		return correctionApplication;
	}

	/**
	 * Customs refuses the declarant's application for a correction, with its reason: the declaration stays as it is,
	 * and the declarant may apply again.
	 *
	 * @param applied when the application refused was made, as read; {@literal null}: whichever waits
	 * @throws Problem 409 {@code CORRECTION_NOT_APPLIED} when none waits, {@code CORRECTION_APPLICATION_CHANGED} when
	 *     another one than {@code applied} waits
	 */
	void refuseCorrection(String reason, String officer, Instant now, Instant applied) {
		correctionApplied(applied);
		correctionApplication = null;
		correctionApplicationChanged = true;
		timeline.add(new TimelineEntry(now, "CORRECTION_REFUSED", AgencyCode.CUSTOMS.value(), officer, null, reason));
		events.add(new DeclarationCorrectionRefused(id, number, declarant, officer, reason, now));
	}

	/**
	 * Refuses a change sent with the version the caller read when the declaration has moved on since.
	 *
	 * @param read the version the caller read; {@literal null} changes it as it is now
	 * @throws Problem 409 {@code DECLARATION_CHANGED}
	 */
	void requireVersion(Integer read) {
		if (read != null && read != version) {
			throw Problem.conflict("DECLARATION_CHANGED", number, read, version);
		}
	}

	/**
	 * Refuses a correction before the caller assesses it ({@link #correct} asks it again).
	 *
	 * @throws Problem 409 {@code DECLARATION_NOT_CORRECTABLE} unless it is cleared or released
	 */
	void requireCorrectable() {
		if (!status.cancellable()) {
			throw Problem.conflict("DECLARATION_NOT_CORRECTABLE", number, status.named());
		}
	}

	/**
	 * The declarant applies to customs for its cancellation (报关单撤销申请): it stays as it is until customs cancels it
	 * ({@link #cancel}) or refuses the application ({@link #refuseCancellation}). An application, like its refusal, is
	 * a request about the declaration, not a change of it: what was declared and decided and its status stay, and so do
	 * its version and the time of its last change ({@link #changedAt}) — a response printed before is still current,
	 * and the public verification page tells nobody that an application was made. Its own state guards it
	 * ({@code CANCELLATION_ALREADY_APPLIED}, {@code CANCELLATION_NOT_APPLIED}).
	 *
	 * @param reason why, required (the caller reads and checks it)
	 * @throws Problem 409 {@code DECLARATION_NOT_CANCELLABLE} unless it is cleared or released;
	 *     {@code CANCELLATION_ALREADY_APPLIED} while an application waits for customs
	 */
	void applyForCancellation(String reason, String by, Instant now) {
		if (!status.cancellable()) {
			throw Problem.conflict("DECLARATION_NOT_CANCELLABLE", number, status.named());
		}
		if (application != null) {
			throw Problem.conflict("CANCELLATION_ALREADY_APPLIED", number, application.by());
		}
		application = new CancellationApplication(by, now, reason);
		applicationChanged = true;
		timeline.add(new TimelineEntry(now, "CANCELLATION_APPLIED", null, by, null, reason));
		events.add(new DeclarationCancellationApplied(id, number, declarant, by, reason, now));
	}

	/**
	 * Customs refuses the declarant's application for its cancellation, with its reason: the declaration stays as it
	 * is, and the declarant may apply again.
	 *
	 * @param applied when the application being refused was made, as the officer or system read it; {@literal null}:
	 *     whichever waits
	 * @throws Problem 409 {@code CANCELLATION_NOT_APPLIED} when no application waits,
	 *     {@code CANCELLATION_APPLICATION_CHANGED} when another one than {@code applied} waits (the declarant applied
	 *     anew since: it is read before it is refused)
	 */
	void refuseCancellation(String reason, String officer, Instant now, Instant applied) {
		if (application == null) {
			throw Problem.conflict("CANCELLATION_NOT_APPLIED", number);
		}
		if (applied != null && !sameInstant(applied, application.at())) {
			throw Problem.conflict("CANCELLATION_APPLICATION_CHANGED", number, application.at(), applied);
		}
		decideApplication();
		timeline.add(new TimelineEntry(now, "CANCELLATION_REFUSED", AgencyCode.CUSTOMS.value(), officer, null, reason));
		events.add(new DeclarationCancellationRefused(id, number, declarant, officer, reason, now));
	}

	/**
	 * Whether two times name the same moment as stored: the database keeps microseconds (rounded, not truncated), and a
	 * time read back from it is compared with one that may carry nanoseconds (an event's, as sent to other systems).
	 */
	static boolean sameInstant(Instant a, Instant b) {
		// Compared as durations: toNanos() of two far-apart times (a year 1 sent by anyone) would overflow.
		return java.time.Duration.between(a, b).abs().compareTo(ONE_MICROSECOND) < 0;
	}

	private static final java.time.Duration ONE_MICROSECOND = java.time.Duration.ofNanos(1_000);

	private void decideApplication() {
		if (application != null) {
			application = null;
			applicationChanged = true;
		}
	}

	/**
	 * The one status the declarant sees, from the tasks as they are now: a status that moved is put on the timeline
	 * (the declarant's webhooks hear of it when it is written).
	 */
	private void consolidate(Instant now) {
		consolidate(tasks.values().stream().map(Task::status).toList(), now);
	}

	private void consolidate(List<TaskStatus> statuses, Instant now) {
		DeclarationStatus next = DeclarationStatus.consolidate(statuses);
		changedAt = now;
		if (next != status) {
			timeline.add(new TimelineEntry(now, next.name(), null, "system", null, null));
			if (next == DeclarationStatus.CLEARED) {
				clearedAt = now;
			}
			status = next;
		}
	}

	private Task change(Task task, TaskStatus next, String decidedBy, Instant decidedAt, String reason,
			String answer, LocalDate answerBy) {
		Task changed = new Task(task.id(), task.agency(), next, task.version() + 1);
		tasks.put(task.id(), changed);
		taskChanges.add(new TaskChange(changed, task.version(), decidedBy, decidedAt, reason, answer, answerBy));
		return changed;
	}

	UUID id() {
		return id;
	}

	String number() {
		return number;
	}

	Uscc declarant() {
		return declarant;
	}

	DeclarationStatus status() {
		return status;
	}

	/** The version it had when it was locked: an amendment sent with another one is refused. */
	int version() {
		return version;
	}

	/** The status it had when it was locked. */
	DeclarationStatus readStatus() {
		return readStatus;
	}

	/** Whether this change cleared it: the statistics and the agencies hear of the clearance once. */
	boolean clearedNow() {
		return clearedAt != null;
	}

	boolean statusMoved() {
		return status != readStatus;
	}

	/** When it last changed; {@literal null} when nothing did. */
	Instant changedAt() {
		return changedAt;
	}

	Instant clearedAt() {
		return clearedAt;
	}

	Instant releasedAt() {
		return releasedAt;
	}

	/** The application for its cancellation waiting for customs; {@literal null} when none. */
	CancellationApplication application() {
		return application;
	}

	/** Whether this change applied for its cancellation or decided the application (its row is written). */
	boolean applicationChanged() {
		return applicationChanged;
	}

	/** The application for a correction waiting for customs; {@literal null} when none. */
	CorrectionApplication correctionApplication() {
		return correctionApplication;
	}

	/** What it owes in duties and taxes, and their payment if recorded. */
	Duties duties() {
		return duties;
	}

	/** Whether a payment of its duties was recorded by this change. */
	boolean paymentRecorded() {
		return paymentRecorded;
	}

	/** Whether a refund of its duties was recorded by this change. */
	boolean refundRecorded() {
		return refundRecorded;
	}

	/** Whether the duties were taken from their guarantee by this change. */
	boolean guaranteeEnforced() {
		return guaranteeEnforced;
	}

	/** Whether a guarantee for its duties was accepted by this change. */
	boolean guaranteeAccepted() {
		return guaranteeAccepted;
	}

	/** The correction's notice this change settled, with its settlement; {@literal null} when none. */
	TaxDifference settledDifference() {
		return settledDifference;
	}

	/** Whether this change applied for a correction or decided the application (its row is written). */
	boolean correctionApplicationChanged() {
		return correctionApplicationChanged;
	}

	/** Tasks routing opened or decided afresh, in the order of the agencies' work. */
	List<RoutedTask> routedTasks() {
		return Collections.unmodifiableList(routed);
	}

	/** Tasks of agencies an amendment no longer routes to. */
	List<UUID> unroutedTasks() {
		return Collections.unmodifiableList(unrouted);
	}

	List<TaskChange> taskChanges() {
		return Collections.unmodifiableList(taskChanges);
	}

	List<TimelineEntry> timeline() {
		return Collections.unmodifiableList(timeline);
	}

	/** The events to publish once its rows are written, in the order they happened. */
	List<Object> events() {
		return Collections.unmodifiableList(events);
	}
}
