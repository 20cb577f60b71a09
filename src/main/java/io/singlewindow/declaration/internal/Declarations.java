package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.declaration.DeclarationQueried;
import io.singlewindow.declaration.DeclarationRejected;
import io.singlewindow.declaration.DeclarationReleased;
import io.singlewindow.declaration.DeclarationSubmitted;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.permit.WriteOffRequest;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.risk.RiskAssessor;
import io.singlewindow.risk.RiskDecision;
import io.singlewindow.risk.RiskRequest;
import io.singlewindow.routing.Routing;
import io.singlewindow.routing.RoutingDecision;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.DutyAssessor;
import io.singlewindow.tariff.ExchangeRates;
import io.singlewindow.tariff.TariffLine;

/**
 * The single window's flow: submit once, assess, route to every agency, decide automatically where a policy can,
 * leave the rest to officers, and consolidate one status. Every change to a declaration first locks its row, so
 * officers' decisions, answers and releases on one declaration are serialised and the consolidated status is always
 * computed from committed task states.
 */
@Service
class Declarations {

	private static final Logger log = LoggerFactory.getLogger(Declarations.class);

	/** At most this many permits are read ahead for one group, whatever its drafts name before validation. */
	private static final int PERMITS_READ_AHEAD = 500;

	private final DeclarationStore store;
	private final DeclarationRows rows;
	private final DeclarationValidation validation;
	private final Enterprises enterprises;
	private final DutyAssessor assessor;
	private final RiskAssessor risk;
	private final Routing routing;
	private final PermitLedger permits;
	private final ExchangeRates rates;
	private final BusinessTime time;
	private final HeldEvents events;
	private final AuditTrail auditTrail;
	private final ZoneCalendar calendar;
	private final AnswerDeadline answerDeadline;
	private final AgencyAgreements agreements;

	Declarations(DeclarationStore store, DeclarationRows rows,
			DeclarationValidation validation, Enterprises enterprises, DutyAssessor assessor, RiskAssessor risk,
			Routing routing, PermitLedger permits, ExchangeRates rates, BusinessTime time,
			HeldEvents events, AuditTrail auditTrail, ZoneCalendar calendar, AgencyAgreements agreements,
			@Value("${singlewindow.declarations.answer-working-days:10}") int answerWorkingDays) {
		this.auditTrail = auditTrail;
		this.agreements = agreements;
		this.calendar = calendar;
		this.answerDeadline = new AnswerDeadline(answerWorkingDays);
		this.store = store;
		this.rows = rows;
		this.validation = validation;
		this.enterprises = enterprises;
		this.assessor = assessor;
		this.risk = risk;
		this.routing = routing;
		this.permits = permits;
		this.rates = rates;
		this.time = time;
		this.events = events;
	}

	/** The result of a submission: {@code created} is false when an earlier submission with the same key is returned. */
	/** @param number and @param status as submitted; {@literal null} for a repeat (read them if needed) */
	record Submission(UUID id, boolean created, String number, DeclarationStatus status) {
	}

	/**
	 * Submits a declaration. A repeat with the same idempotency key (header, else {@code clientReference}) returns the
	 * first declaration; the same key with a different body is refused.
	 *
	 * @throws Problem 403 unless the actor may act for the declarant, 409 {@code ENTERPRISE_NOT_ACTIVE},
	 *     {@code IDEMPOTENCY_KEY_REUSED}, 422 {@code INVALID_INPUT} with every problem
	 */
	@Transactional
	public Submission submit(Actor actor, DeclarationRequest request, String idempotencyKey) {
		return submit(actor, new DeclarationDraft(request, List.of()), idempotencyKey);
	}

	/**
	 * Submits a declaration read from a form or a spreadsheet; a value that could not be read at all is reported with
	 * every other problem, and nothing is stored.
	 */
	@Transactional
	public Submission submit(Actor actor, DeclarationDraft draft, String idempotencyKey) {
		return submitInGroup(actor, draft, idempotencyKey);
	}

	/**
	 * {@link #submit(Actor, DeclarationDraft, String)} in the caller's transaction, with no transactional boundary of
	 * its own: a refusal does not mark the transaction for rollback. For a group that writes submissions without a
	 * savepoint each ({@link SubmissionGroups}): a refusal before the header is written leaves nothing behind (every
	 * check reads; the header is the first row a submission writes, see {@link DeclarationRows#headerWritten}), and
	 * the group rolls back itself when one comes later.
	 */
	Submission submitInGroup(Actor actor, DeclarationDraft draft, String idempotencyKey) {
		DeclarationRequest request = draft.request();
		Declarer declarer = declarer(actor, draft);
		Uscc declarant = declarer.uscc();
		Enterprise enterprise = declarer.enterprise();
		// The key answers a client's retry; the reference is the trader's own (a purchase order number), kept as sent.
		// Without a header they are one; with both, a repeat meets either (DeclarationStore#byKeyOrReference).
		String key = firstNonBlank(idempotencyKey, request.clientReference());
		String reference = firstNonBlank(request.clientReference(), idempotencyKey);
		if (reference != null && reference.length() > InputLimits.REFERENCE) {
			throw Problem.invalidField("clientReference", "CLIENT_REFERENCE_TOO_LONG", InputLimits.REFERENCE);
		}
		if (key != null && key.length() > InputLimits.REFERENCE) {
			throw Problem.invalidField("Idempotency-Key", "CLIENT_REFERENCE_TOO_LONG", InputLimits.REFERENCE);
		}
		boolean keyed = key != null;
		DeclarationRequest normalised = request.withDeclarantAndReference(declarant.value(), reference);
		if (!keyed) {
			reference = MADE_UP_REFERENCE + UUID.randomUUID();
		}
		String hash = sha256(normalised.fingerprint());
		LocalDate today = time.today();
		ValidDeclaration d;
		try {
			d = validation.validate(request, declarant, enterprise.nameZh(), time.month());
			// Read only, as every check before the header (a group without savepoints relies on it); taken below.
			agreements.requireServing(actor, declarant, d.flow(), codesOf(d));
		} catch (Problem refused) {
			// A repeat of a declaration accepted before answers with it, even when its body would be refused today
			// (another month's exchange rate, a tariff line ended since, its agency agreement taken by itself): the
			// client retried, it did not declare anew.
			var existing = keyed ? store.byKeyOrReference(declarant.value(), key, reference)
					: java.util.Optional.<DeclarationStore.Keyed>empty();
			if (existing.isPresent()) {
				return repeated(existing.get(), hash);
			}
			throw refused;
		}
		UUID id = UUID.randomUUID();
		Instant now = time.now();
		// A first submission, the usual case, is written without a look-up under its key first: a repeat (or a
		// concurrent submission with the same key, which ON CONFLICT waits for) meets the row and is answered with it.
		// Nothing above writes: a group without savepoints relies on it (submitInGroup).
		String number = rows.insert(id, today, declarant, key, reference, hash, d, actor.username(), now);
		if (number == null) {
			return repeated(store.byKeyOrReference(declarant.value(), key, reference).orElseThrow(), hash);
		}
		agreements.take(actor, declarant, d.flow(), codesOf(d), id, now);
		Declaration submitted = Declaration.submitted(id, number, declarant, actor.username(), now);
		DeclarationStatus status = process(submitted, d, today, now, Map.of());
		events.publish(new DeclarationSubmitted(id, number, declarant, d.flow(), now));
		log.info("event=declaration_submitted number={} declarant={} items={} status={}", number, declarant.value(),
				d.items().size(), status);
		return new Submission(id, true, number, status);
	}

	/**
	 * Reads the permits (and tariff-quota certificates) the lines of a group's {@code drafts} name in one statement,
	 * before its members are checked one by one ({@link PermitLedger#readAhead}). Only a hint: a number read ahead in another spelling than the one
	 * validation keeps, or not at all, is read when its line is checked.
	 */
	void readAheadPermitsOf(List<DeclarationDraft> drafts) {
		java.util.Set<String> numbers = permitNumbersOf(drafts);
		if (!numbers.isEmpty()) {
			permits.readAhead(numbers);
		}
	}

	/**
	 * {@link #readAheadPermitsOf}, locking the permits in the order of their numbers ({@link PermitLedger#lockAhead}):
	 * for a chunk of a batch written while another is, so that two chunks never deadlock on two permits.
	 */
	void lockAheadPermitsOf(List<DeclarationDraft> drafts) {
		java.util.Set<String> numbers = permitNumbersOf(drafts);
		if (!numbers.isEmpty()) {
			permits.lockAhead(numbers);
		}
	}

	private static java.util.Set<String> permitNumbersOf(List<DeclarationDraft> drafts) {
		java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
		for (DeclarationDraft draft : drafts) {
			List<DeclarationRequest.Item> items = draft.request() == null ? null : draft.request().items();
			for (int i = 0; items != null && i < items.size() && numbers.size() < PERMITS_READ_AHEAD; i++) {
				DeclarationRequest.Item item = items.get(i);
				// a tariff-quota certificate is written off like a permit, so it is read (and locked) ahead with them
				for (String named : item == null ? List.<String>of()
						: java.util.Arrays.asList(item.permitNumber(), item.tariffQuotaCertificate())) {
					String number = named == null ? "" : named.strip();
					if (!number.isEmpty() && number.length() <= InputLimits.REFERENCE) {
						numbers.add(number);
					}
				}
			}
		}
		return numbers;
	}

	private static List<HsCode> codesOf(ValidDeclaration d) {
		return d.items().stream().map(ValidDeclaration.Item::hsCode).toList();
	}

	/** Who declares, once the caller may act for them and they may trade. */
	private record Declarer(Uscc uscc, Enterprise enterprise) {
	}

	/**
	 * The first checks of a submission, shared by {@link #check}: who declares, may the caller act for them, is the
	 * enterprise active, and can every value of the draft be read at all.
	 */
	private Declarer declarer(Actor actor, DeclarationDraft draft) {
		Uscc declarant = declarantOf(actor, draft.request().declarant());
		actor.requireActFor(declarant, OperatorRight.DECLARE);
		Enterprise enterprise = enterprises.requireActive(declarant);
		validation.refuseUnreadable(draft, declarant, enterprise.nameZh(), time.month());
		return new Declarer(declarant, enterprise);
	}

	/**
	 * The refusal a submission of {@code draft} would meet in its validation (who may declare, every field and line),
	 * found without storing anything: what a person sees of each declaration of a workbook before submitting them all.
	 * Refusals that depend on the moment of submission (a permit used up meanwhile) are found only then.
	 */
	java.util.Optional<Problem> check(Actor actor, DeclarationDraft draft) {
		try {
			Declarer declarer = declarer(actor, draft);
			ValidDeclaration valid = validation.validate(draft.request(), declarer.uscc(),
					declarer.enterprise().nameZh(), time.month());
			agreements.requireServing(actor, declarer.uscc(), valid.flow(), codesOf(valid));
			return java.util.Optional.empty();
		}
		catch (Problem problem) {
			return java.util.Optional.of(problem);
		}
	}

	/**
	 * What a submission of {@code draft} would be assessed today, its duties and taxes line by line, found without
	 * storing anything after the checks a submission makes (as ASYCUDA's "assess" before registering): what the
	 * declarant sees on the form before sending it. A submission is assessed at the tariff and exchange rate of its own
	 * day; the risk channel and the agencies come only then.
	 *
	 * @throws Problem as a submission of the draft would be refused
	 */
	Assessment estimate(Actor actor, DeclarationDraft draft) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		Declarer declarer = declarer(actor, draft);
		ValidDeclaration valid = validation.validate(draft.request(), declarer.uscc(), declarer.enterprise().nameZh(),
				time.month());
		// its certificates checked as a submission checks them (nothing is written off here), so the estimate is at the
		// in-quota rate only when the submission would be
		return assessWithCertificates(UUID.randomUUID(), declarer.uscc(), valid, time.today()).assessment();
	}

	/** An assessment, with what its lines' tariff-quota certificates would have written off. */
	private record Assessed(Assessment assessment, TariffQuotaCertificates.Result quota) {
	}

	/**
	 * Assesses {@code d}: a line presenting a tariff-quota certificate the ledger would write off at its in-quota rate.
	 * Its customs value, which a certificate's check may read, does not depend on the rate.
	 *
	 * @throws Problem 422 {@code TARIFF_QUOTA_CERTIFICATE_REFUSED} at the line whose certificate would be refused
	 */
	private Assessed assessWithCertificates(UUID id, Uscc declarant, ValidDeclaration d, LocalDate today) {
		Assessment assessment = assess(d, today, Set.of());
		if (!TariffQuotaCertificates.presented(d)) {
			return new Assessed(assessment, TariffQuotaCertificates.Result.NONE);
		}
		Map<Integer, Assessment.Line> valued = lines(assessment);
		TariffQuotaCertificates.Result quota = TariffQuotaCertificates.check(id, declarant, d,
				lineNo -> customsValue(valued, lineNo), permits::check);
		return new Assessed(assess(d, today, quota.inQuota()), quota);
	}

	/** Assesses {@code d} on {@code today}, the lines {@code inQuota} within their tariff quota. */
	private Assessment assess(ValidDeclaration d, LocalDate today, Set<Integer> inQuota) {
		return assessor.assess(new AssessmentRequest(d.flow(), d.incoterm(), d.currency(), d.freight(), d.insurance(),
				today, d.items().stream()
					.map(i -> new AssessmentRequest.Item(i.lineNo(), i.hsCode(), i.value(), i.origin(),
							i.certificateAgreement(), i.legalQuantity(), inQuota.contains(i.lineNo()), i.producer()))
					.toList()));
	}

	private static Map<Integer, Assessment.Line> lines(Assessment assessment) {
		Map<Integer, Assessment.Line> assessed = new LinkedHashMap<>();
		assessment.lines().forEach(l -> assessed.put(l.lineNo(), l));
		return assessed;
	}

	/**
	 * Assesses, selects the channel and routes the declaration to its agencies ({@link Declaration#route}), writes it
	 * and writes permits off. On an amendment, {@code previous} holds the existing tasks.
	 */
	private DeclarationStatus process(Declaration declaration, ValidDeclaration d, LocalDate today, Instant now,
			Map<String, DeclarationRows.PreviousTask> previous) {
		UUID id = declaration.id();
		Uscc declarant = declaration.declarant();
		Assessed withCertificates = assessWithCertificates(id, declarant, d, today);
		Assessment assessment = withCertificates.assessment();
		// The declared amounts are limited so that this holds at every real exchange rate; an absurd rate set by an
		// administrator is refused here, and the whole submission rolls back, rather than failing in the insert.
		for (BigDecimal total : java.util.Arrays.asList(assessment.totalCustomsValueCny(), assessment.totalTaxes())) {
			if (total != null && !InputLimits.MONEY.holds(total)) {
				throw Problem.invalidField("items", "TOO_LARGE", InputLimits.MONEY.largest());
			}
		}
		Map<Integer, Assessment.Line> assessed = lines(assessment);
		RiskDecision channel = risk.assess(new RiskRequest(id, declarant, d.flow(), d.tradeMode(), d.tradingCountry(),
				d.items().stream().map(i -> new RiskRequest.Line(i.lineNo(), i.hsCode(), i.origin(), i.quantity(),
						i.unit(), customsValue(assessed, i.lineNo()))).toList()));
		List<TariffLine> lines = d.items().stream().map(ValidDeclaration.Item::tariffLine).toList();
		Map<HsCode, List<PermitRequirement>> byCode = new java.util.HashMap<>();
		List<List<PermitRequirement>> needs = d.items().stream()
			.map(i -> byCode.computeIfAbsent(i.hsCode(), hs -> permits.requirementsFor(hs, d.flow())))
			.toList();
		List<List<RoutingDecision>> routes = routing.routeAll(d.flow(), lines, needs);
		rows.insertLines(id, d, assessed, routes);

		// Every referenced permit a line needs is checked now; a refusal leaves that agency's task to its officer. The
		// write-offs themselves come last (see the end of this method): they lock the permit until commit, and every
		// other declaration under the same permit waits for that lock.
		PermitChecks.Result permitChecks = PermitChecks.check(id, declarant, d, routes,
				lineNo -> customsValue(assessed, lineNo), permits::check);
		declaration.route(d, AgencyWork.of(routes), channel, permitChecks, previous, now);
		rows.saveRouted(declaration, channel, assessment);
		List<AuditRecord> automaticDecisions = new java.util.ArrayList<>();
		for (Declaration.RoutedTask task : declaration.routedTasks()) {
			if (task.outcome().automatic()) {
				automaticDecisions.add(AuditRecord.of("AGENCY_TASK_AUTO_APPROVED", "AGENCY_TASK", task.id())
					.bySystem("decision-policy").actingFor(task.agency())
					.change(task.before() == null ? null : AuditRecord.state("status", task.before().name()),
							AuditRecord.state("declaration", declaration.number(), "declarant", declarant.value(),
									"status", task.outcome().status().name(), "policy", task.outcome().policy(),
									"note", task.outcome().note())));
			}
		}
		auditTrail.recordAll(automaticDecisions);
		declaration.events().forEach(events::publish);
		if (declaration.clearedNow()) {
			// Built from what is in hand: the hot path of automatic clearance reads nothing back.
			publishCleared(id, declaration.number(), declarant, d.flow(), d.tradeMode(), d.tradingCountry(),
					d.items().stream()
						.map(i -> new ClearedLine(i.lineNo(), i.hsCode(), i.origin(), i.quantity(), i.unit(),
								customsValue(assessed, i.lineNo())))
						.toList(), now);
		}
		// In permit order (see PermitChecks), so that declarations under the same permits lock them in one order.
		for (WriteOffRequest request : inPermitOrder(permitChecks.writeOffs(), withCertificates.quota().writeOffs())) {
			try {
				permits.writeOff(request);
			} catch (Problem refused) {
				// The permit changed since the check above (another declaration took the last quota, an officer
				// suspended it): nothing of this submission is kept, and a retry decides on the permit as it is now.
				throw Problem.conflict("PERMIT_CHANGED_DURING_SUBMISSION", request.permitNumber(), refused.code());
			}
		}
		return declaration.status();
	}

	/** The permits' and the tariff-quota certificates' write-offs together, in permit number and line order. */
	private static List<WriteOffRequest> inPermitOrder(List<WriteOffRequest> permits, List<WriteOffRequest> quotas) {
		if (quotas.isEmpty()) {
			return permits;
		}
		List<WriteOffRequest> all = new java.util.ArrayList<>(permits);
		all.addAll(quotas);
		all.sort(PermitChecks.PERMIT_ORDER);
		return all;
	}

	/** The status is quoted in the reader's language ("is Cleared"), not as its code. */
	static Problem notAmendable(String number, DeclarationStatus status) {
		return Problem.conflict("DECLARATION_NOT_AMENDABLE", number, status.named());
	}

	/**
	 * Replaces a declaration under review or queried by an amended one: permits written off are given back and
	 * written off afresh, and only the agencies whose lines changed decide again (see {@link #process}).
	 *
	 * @throws Problem 409 {@code DECLARATION_NOT_AMENDABLE} once it is rejected, cleared or released
	 */
	@Transactional
	public DeclarationView amend(Actor actor, UUID id, DeclarationRequest request) {
		return amend(actor, id, new DeclarationDraft(request, List.of()));
	}

	/** Amends a declaration from the form; unreadable values are reported with every other problem. */
	@Transactional
	public DeclarationView amend(Actor actor, UUID id, DeclarationDraft draft) {
		DeclarationRequest request = draft.request();
		Declaration locked = rows.lock(id);
		Uscc declarant = locked.declarant();
		actor.requireActFor(declarant, OperatorRight.DECLARE);
		if (!locked.status().amendable()) {
			throw notAmendable(locked.number(), locked.status());
		}
		String amendment = sha256(request.withDeclarantAndReference(declarant.value(), null).fingerprint());
		if (draft.unreadable().isEmpty() && amendment.equals(rows.lastAmendment(id))) {
			// The amendment made last, sent again by a client that got no answer (with the version it was made from,
			// or none): it declares what the declaration already declares, so it is answered as the first time, and
			// makes no new version, re-assessment or timeline entry. Any other amendment goes on to the checks below.
			log.info("event=declaration_amendment_repeated number={}", locked.number());
			return store.find(id).orElseThrow();
		}
		// Someone (an officer's decision, another amendment) may have changed it since the caller read it.
		locked.requireVersion(request.version());
		Enterprise enterprise = enterprises.requireActive(declarant);
		validation.refuseUnreadable(draft, declarant, enterprise.nameZh(), time.month());
		LocalDate today = time.today();
		ValidDeclaration d = validation.validate(request, declarant, enterprise.nameZh(), time.month());
		Instant now = time.now();
		Map<String, DeclarationRows.PreviousTask> previous = rows.previousTasks(id);
		permits.restore(id);
		rows.replaceDeclared(id, d, amendment);
		locked.amended(actor.username(), now);
		DeclarationStatus status = process(locked, d, today, now, previous);
		log.info("event=declaration_amended number={} status={}", locked.number(), status);
		return store.find(id).orElseThrow();
	}

	private Submission repeated(DeclarationStore.Keyed existing, String hash) {
		if (!hash.equals(store.requestHash(existing.id()).orElseThrow())) {
			throw Problem.conflict("IDEMPOTENCY_KEY_REUSED", existing.name());
		}
		return new Submission(existing.id(), false, null, null);
	}

	/**
	 * The declarant a request names, or a trader's own enterprise when it names none.
	 *
	 * @throws Problem 422 at {@code declarant}: {@code REQUIRED} (none named by a broker), the USCC's format codes
	 */
	static Uscc declarantOf(Actor actor, String raw) {
		if (raw == null || raw.isBlank()) {
			if (actor.role() == Role.TRADER && actor.enterprise() != null) {
				return actor.enterprise();
			}
			throw Problem.invalidField("declarant", "REQUIRED");
		}
		try {
			return Uscc.parse(raw);
		} catch (io.singlewindow.core.InvalidValue e) {
			throw Problem.invalidField("declarant", e.code(), raw);
		}
	}

	/** An officer's decision on its agency's task. */
	enum Decision {
		APPROVE, REJECT, QUERY
	}

	/**
	 * Records an officer's decision. Exactly one of two officers deciding the same task wins; the other gets 409
	 * {@code TASK_ALREADY_DECIDED}. The same officer's same decision sent again is answered as the first time.
	 */
	@Transactional
	public DeclarationView decide(Actor actor, UUID taskId, Decision decision, String reason, Integer expectedVersion) {
		var row = store.task(taskId).orElseThrow(() -> Problem.notFound("TASK_NOT_FOUND", taskId));
		AgencyCode agency = new AgencyCode(row.task().agency());
		actor.requireActAs(agency);
		if (decision != Decision.APPROVE && (reason == null || reason.isBlank())) {
			throw Problem.invalidField("reason", "REASON_REQUIRED");
		}
		reason = FreeText.read("reason", reason, InputLimits.REASON);
		TaskStatus next = switch (decision) {
			case APPROVE -> TaskStatus.APPROVED;
			case REJECT -> TaskStatus.REJECTED;
			case QUERY -> TaskStatus.QUERIED;
		};
		Declaration declaration = rows.lock(row.declarationId());
		Instant now = time.now();
		// Counted from the zone's day of this decision's instant, not from a second reading of the clock.
		LocalDate answerBy = next == TaskStatus.QUERIED
				? answerDeadline.answerBy(LocalDate.ofInstant(now, BusinessTime.ZONE), calendar.current()) : null;
		try {
			declaration.decide(taskId, next, blankToNull(reason), answerBy, expectedVersion, actor.username(), now);
		} catch (Problem refused) {
			if (sameDecisionAgain(actor, taskId, next, blankToNull(reason))) {
				return store.find(row.declarationId()).orElseThrow();
			}
			throw refused;
		}
		Map<String, Object> after = AuditRecord.state("declaration", declaration.number(), "declarant",
				declaration.declarant().value(), "status", next.name(), "reason", blankToNull(reason));
		if (answerBy != null) {
			after.put("answerBy", answerBy.toString());
		}
		auditTrail.record(AuditRecord.of("AGENCY_TASK_" + next.name(), "AGENCY_TASK", taskId).by(actor)
			.change(AuditRecord.state("declaration", declaration.number(), "declarant", declaration.declarant().value(),
					"status", "PENDING"), after));
		if (next == TaskStatus.REJECTED) {
			permits.restore(row.declarationId());
			agreements.giveBack(actor, row.declarationId(), DeclarationStatus.REJECTED, now);
		}
		save(declaration);
		log.info("event=agency_decision number={} agency={} decision={} officer={}", declaration.number(), agency,
				next, actor.username());
		return store.find(row.declarationId()).orElseThrow();
	}

	/**
	 * Whether the task, as committed now, holds this very decision of this officer's: the same decision sent again — a
	 * second press of the button, a client's retry after an answer it lost — is answered as the first time and recorded
	 * once. Any other decision of a task decided already stays refused: a repeat never flips a decision.
	 */
	private boolean sameDecisionAgain(Actor actor, UUID taskId, TaskStatus next, String reason) {
		return store.task(taskId).map(DeclarationStore.TaskRow::task)
			.filter(t -> t.status() == next && actor.username().equals(t.decidedBy())
					&& java.util.Objects.equals(t.reason(), reason))
			.isPresent();
	}

	/** The declarant answers an agency's question; the task goes back to that agency's queue. */
	@Transactional
	public DeclarationView answer(Actor actor, UUID declarationId, AgencyCode agency, String answer) {
		Declaration declaration = rows.lock(declarationId);
		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		declaration.answer(agency, requiredText("answer", "REQUIRED", answer), actor.username(), time.now());
		save(declaration);
		return store.find(declarationId).orElseThrow();
	}

	/**
	 * The declarant withdraws a declaration the agencies still review or have queried (the goods will not move, it
	 * was sent twice, …): no officer decides it any more and its permit write-offs and the agency agreement it took
	 * are given back at once, as for a rejection.
	 *
	 * @param expectedVersion the version the declarant read; {@literal null} withdraws it as it is now
	 * @throws Problem 422 {@code REASON_REQUIRED}; 409 {@code DECLARATION_NOT_WITHDRAWABLE} once rejected,
	 *     withdrawn, cleared or released, {@code DECLARATION_CHANGED} when it changed since the declarant read it
	 */
	@Transactional
	public DeclarationView withdraw(Actor actor, UUID id, String reason, Integer expectedVersion) {
		Declaration declaration = rows.lock(id);
		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		return endWithReason(actor, declaration, reason, expectedVersion, Declaration::withdraw,
				"DECLARATION_WITHDRAWN");
	}

	/** A final act with a reason on a declaration: withdrawn by its declarant, cancelled by customs. */
	@FunctionalInterface
	private interface FinalAct {

		void apply(Declaration declaration, String reason, String by, Instant now);
	}

	/**
	 * What a withdrawal and a cancellation both do once the actor's right is checked: the reason read, the version the
	 * actor read compared, the act on the aggregate, the audit entry ({@code action}), the permit write-offs and the
	 * agency agreement given back, the rows written (the act's events heard in this transaction).
	 */
	private DeclarationView endWithReason(Actor actor, Declaration declaration, String rawReason,
			Integer expectedVersion, FinalAct act, String action) {
		String reason = requiredText("reason", "REASON_REQUIRED", rawReason);
		declaration.requireVersion(expectedVersion);
		DeclarationStatus before = declaration.status();
		Instant now = time.now();
		act.apply(declaration, reason, actor.username(), now);
		auditTrail.record(AuditRecord.of(action, "DECLARATION", declaration.id()).by(actor)
			.change(audited(declaration, before), audited(declaration, declaration.status(), "reason", reason)));
		permits.restore(declaration.id());
		agreements.giveBack(actor, declaration.id(), declaration.status(), now);
		save(declaration);
		log.info("event={} number={} by={}", action.toLowerCase(java.util.Locale.ROOT), declaration.number(),
				actor.username());
		return store.find(declaration.id()).orElseThrow();
	}

	/** A declaration's state as the audit trail records a change of its status: number, declarant, status, then more. */
	static Map<String, Object> audited(Declaration declaration, DeclarationStatus status,
			Object... more) {
		var state = AuditRecord.state("number", declaration.number(), "declarant", declaration.declarant().value(),
				"status", status.name());
		state.putAll(AuditRecord.state(more));
		return state;
	}

	/** Text the caller must give (an answer, a reason): refused at its field when blank, else read as free text. */
	static String requiredText(String field, String code, String raw) {
		if (raw == null || raw.isBlank()) {
			throw Problem.invalidField(field, code);
		}
		return FreeText.read(field, raw, InputLimits.REASON).strip();
	}

	/** A customs officer releases the goods of a cleared declaration. */
	@Transactional
	public DeclarationView release(Actor actor, UUID declarationId) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Declaration declaration = rows.lock(declarationId);
		declaration.release(actor.username(), time.now());
		auditTrail.record(AuditRecord.of("DECLARATION_RELEASED", "DECLARATION", declarationId).by(actor)
			.change(audited(declaration, DeclarationStatus.CLEARED), audited(declaration, DeclarationStatus.RELEASED)));
		save(declaration);
		return store.find(declarationId).orElseThrow();
	}

	/**
	 * A customs officer cancels a cleared or released declaration (报关单撤销), on the declarant's application or of
	 * customs' own motion: final; its permit write-offs and its agency agreement are given back and the statistics no
	 * longer count it (their listener takes its lines out in this transaction).
	 *
	 * @param expectedVersion the version the officer read; {@literal null} cancels it as it is now
	 * @throws Problem 403 unless a customs officer; 422 {@code REASON_REQUIRED}; 409
	 *     {@code DECLARATION_NOT_CANCELLABLE} unless cleared or released, {@code DECLARATION_CHANGED} when it changed
	 *     since the officer read it
	 */
	@Transactional
	public DeclarationView cancel(Actor actor, UUID id, String reason, Integer expectedVersion) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		return endWithReason(actor, rows.lock(id), reason, expectedVersion, Declaration::cancel,
				"DECLARATION_CANCELLED");
	}

	/**
	 * The declarant (the trader, or a broker for its principal) applies to customs for the cancellation of a cleared or
	 * released declaration: the declaration stays as it is, customs decides ({@link #cancel} or
	 * {@link #refuseCancellation}).
	 *
	 * @param expectedVersion the version the declarant read; {@literal null} applies whatever it is now
	 * @throws Problem 422 {@code REASON_REQUIRED}; 409 {@code DECLARATION_NOT_CANCELLABLE} unless cleared or
	 *     released, {@code CANCELLATION_ALREADY_APPLIED} while an application waits, {@code DECLARATION_CHANGED}
	 */
	@Transactional
	public DeclarationView applyForCancellation(Actor actor, UUID id, String reason, Integer expectedVersion) {
		Declaration declaration = rows.lock(id);
		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		String why = requiredText("reason", "REASON_REQUIRED", reason);
		declaration.requireVersion(expectedVersion);
		declaration.applyForCancellation(why, actor.username(), time.now());
		auditTrail.record(AuditRecord.of("DECLARATION_CANCELLATION_APPLIED", "DECLARATION", id).by(actor)
			.change(null, audited(declaration, declaration.status(), "reason", why)));
		save(declaration);
		log.info("event=declaration_cancellation_applied number={} by={}", declaration.number(), actor.username());
		return store.find(id).orElseThrow();
	}

	/**
	 * A customs officer refuses the declarant's application for a cancellation, with the reason the declarant reads:
	 * the declaration stays as it is.
	 *
	 * @param appliedAt when the application refused was made, as the caller read it; {@literal null}: whichever waits
	 * @throws Problem 403 unless a customs officer; 422 {@code REASON_REQUIRED}; 409 {@code CANCELLATION_NOT_APPLIED},
	 *     {@code CANCELLATION_APPLICATION_CHANGED}
	 */
	@Transactional
	public DeclarationView refuseCancellation(Actor actor, UUID id, String reason, Instant appliedAt) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Declaration declaration = rows.lock(id);
		String why = requiredText("reason", "REASON_REQUIRED", reason);
		declaration.refuseCancellation(why, actor.username(), time.now(), appliedAt);
		auditTrail.record(AuditRecord.of("DECLARATION_CANCELLATION_REFUSED", "DECLARATION", id).by(actor)
			.change(null, audited(declaration, declaration.status(), "reason", why)));
		save(declaration);
		log.info("event=declaration_cancellation_refused number={} by={}", declaration.number(), actor.username());
		return store.find(id).orElseThrow();
	}

	/** Writes a changed declaration; a clearance also tells the statistics and every follower what was cleared. */
	private void save(Declaration declaration) {
		rows.save(declaration);
		if (declaration.clearedNow()) {
			publishCleared(declaration.id(), declaration.clearedAt());
		}
	}

	private record ClearedLine(int lineNo, HsCode hsCode, io.singlewindow.core.CountryCode origin,
			BigDecimal quantity, UnitCode unit, BigDecimal valueCny) {
	}

	private void publishCleared(UUID id, Instant clearedAt) {
		DeclarationView d = store.find(id).orElseThrow();
		publishCleared(id, d.number(), Uscc.parse(d.declarant()), TradeFlow.valueOf(d.flow()), d.tradeMode(),
				io.singlewindow.core.CountryCode.of(d.tradingCountry()), d.items().stream()
					.map(i -> new ClearedLine(i.lineNo(), new HsCode(i.hsCode()),
							io.singlewindow.core.CountryCode.of(i.origin()), i.quantity(), new UnitCode(i.unit()),
							i.customsValueCny()))
					.toList(), clearedAt);
	}

	private void publishCleared(UUID id, String number, Uscc declarant, TradeFlow flow, String tradeMode,
			io.singlewindow.core.CountryCode tradingCountry, List<ClearedLine> lines, Instant clearedAt) {
		BigDecimal usd = rates.rate(CurrencyCode.USD, java.time.YearMonth.from(clearedAt.atZone(BusinessTime.ZONE)))
			.orElse(null);
		events.publish(new DeclarationCleared(id, number, declarant, flow, clearedAt, tradeMode, tradingCountry,
				lines.stream()
					.map(l -> new DeclarationCleared.Line(l.lineNo(), l.hsCode(), l.origin(), l.quantity(), l.unit(),
							l.valueCny(), usd == null || l.valueCny() == null ? null
									: l.valueCny().divide(usd, 2, RoundingMode.HALF_UP)))
					.toList()));
		log.info("event=declaration_cleared number={} declarant={}", number, declarant.value());
	}

	private static BigDecimal customsValue(Map<Integer, Assessment.Line> assessed, int lineNo) {
		Assessment.Line line = assessed.get(lineNo);
		return line == null ? null : line.customsValueCny();
	}

	private static String firstNonBlank(String a, String b) {
		if (a != null && !a.isBlank()) {
			return a.strip();
		}
		return b == null || b.isBlank() ? null : b.strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** How a reference the platform made up for a declaration sent without one begins. */
	static final String MADE_UP_REFERENCE = "auto:";

	/** {@code reference} unless the platform made it up ({@link #MADE_UP_REFERENCE}); then {@literal null}. */
	static String ownReference(String reference) {
		return reference == null || reference.startsWith(MADE_UP_REFERENCE) ? null : reference;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
