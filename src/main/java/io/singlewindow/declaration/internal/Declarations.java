package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.NumericColumn;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.declaration.DeclarationQueried;
import io.singlewindow.declaration.DeclarationRejected;
import io.singlewindow.declaration.DeclarationReleased;
import io.singlewindow.declaration.DeclarationSubmitted;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.permit.WriteOffRequest;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.risk.Channel;
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

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	/** Automatic decision policies, by their stable reason codes. */
	static final String CUSTOMS_GREEN_CHANNEL = "CUSTOMS_GREEN_CHANNEL";
	static final String CUSTOMS_CHANNEL_CHECK = "CUSTOMS_CHANNEL_CHECK";
	static final String PERMIT_WRITTEN_OFF = "PERMIT_WRITTEN_OFF";
	static final String PERMIT_NOT_REFERENCED = "PERMIT_NOT_REFERENCED";
	static final String OFFICER_REVIEW = "OFFICER_REVIEW";
	static final String PERMIT_WRITE_OFF_FAILED = "PERMIT_WRITE_OFF_FAILED";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final DeclarationStore store;
	private final DeclarationValidation validation;
	private final Enterprises enterprises;
	private final DutyAssessor assessor;
	private final RiskAssessor risk;
	private final Routing routing;
	private final PermitLedger permits;
	private final ExchangeRates rates;
	private final BusinessTime time;
	private final ApplicationEventPublisher events;
	private final Webhooks webhooks;
	private final AuditTrail auditTrail;

	Declarations(JdbcClient jdbc, JdbcTemplate batch, DeclarationStore store,
			DeclarationValidation validation, Enterprises enterprises, DutyAssessor assessor, RiskAssessor risk,
			Routing routing, PermitLedger permits, ExchangeRates rates, BusinessTime time,
			ApplicationEventPublisher events, Webhooks webhooks, AuditTrail auditTrail) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.webhooks = webhooks;
		this.batch = batch;
		this.store = store;
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
		DeclarationRequest request = draft.request();
		Uscc declarant = declarantOf(actor, request.declarant());
		actor.requireActFor(declarant);
		Enterprise enterprise = enterprises.requireActive(declarant);
		validation.refuseUnreadable(draft, declarant, enterprise.nameZh(), time.month());
		String key = firstNonBlank(idempotencyKey, request.clientReference());
		if (key != null && key.length() > InputLimits.REFERENCE) {
			throw Problem.invalidField("clientReference", "CLIENT_REFERENCE_TOO_LONG", InputLimits.REFERENCE);
		}
		boolean keyed = key != null;
		if (!keyed) {
			key = "auto:" + UUID.randomUUID();
		}
		DeclarationRequest normalised = request.withDeclarantAndReference(declarant.value(), keyed ? key : null);
		String hash = sha256(normalised.fingerprint());
		if (keyed) {
			var existing = store.idByReference(declarant.value(), key);
			if (existing.isPresent()) {
				return repeated(existing.get(), hash, key);
			}
		}
		LocalDate today = time.today();
		ValidDeclaration d = validation.validate(request, declarant, enterprise.nameZh(), time.month());
		UUID id = UUID.randomUUID();
		Instant now = time.now();
		// The number is drawn in the insert itself: XM + business date + 8-digit sequence.
		String number = jdbc.sql("""
				INSERT INTO declaration (id, number, declarant, client_reference, request_hash, flow, trade_mode,
				    transport_mode, port, origin_country, destination_country, trading_country, currency, incoterm,
				    freight, insurance, packages, gross_weight, net_weight, consignor, consignee, status, submitted_by,
				    submitted_at, updated_at)
				VALUES (?, ? || lpad(nextval('declaration_number_seq')::text, 8, '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				    ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)
				ON CONFLICT (declarant, client_reference) DO NOTHING RETURNING number""")
			.params(id, "XM" + today.format(DAY), declarant.value(), key, hash, d.flow().name(), d.tradeMode(),
					d.transportMode(), d.port().value(), d.originCountry().value(), d.destinationCountry().value(),
					d.tradingCountry().value(), d.currency().value(), d.incoterm(), d.freight(), d.insurance(),
					d.packages(), d.grossWeight(), d.netWeight(), d.consignor(), d.consignee(), actor.username(),
					Timestamp.from(now), Timestamp.from(now))
			.query(String.class)
			.optional()
			.orElse(null);
		if (number == null) {
			// A concurrent submission with the same key committed first (ON CONFLICT waited for it).
			return repeated(store.idByReference(declarant.value(), key).orElseThrow(), hash, key);
		}
		List<Object[]> timeline = new ArrayList<>();
		timeline.add(event(id, now, "SUBMITTED", null, actor.username(), null, null));
		DeclarationStatus status = process(id, number, declarant, d, today, now, timeline, Map.of(),
				DeclarationStatus.SUBMITTED);
		events.publishEvent(new DeclarationSubmitted(id, number, declarant, d.flow(), now));
		log.info("event=declaration_submitted number={} declarant={} items={} status={}", number, declarant.value(),
				d.items().size(), status);
		return new Submission(id, true, number, status);
	}

	/**
	 * The refusal a submission of {@code draft} would meet in its validation (who may declare, every field and line),
	 * found without storing anything: what a person sees of each declaration of a workbook before submitting them all.
	 * Refusals that depend on the moment of submission (a permit used up meanwhile) are found only then.
	 */
	java.util.Optional<Problem> check(Actor actor, DeclarationDraft draft) {
		try {
			Uscc declarant = declarantOf(actor, draft.request().declarant());
			actor.requireActFor(declarant);
			Enterprise enterprise = enterprises.requireActive(declarant);
			validation.refuseUnreadable(draft, declarant, enterprise.nameZh(), time.month());
			validation.validate(draft.request(), declarant, enterprise.nameZh(), time.month());
			return java.util.Optional.empty();
		}
		catch (Problem problem) {
			return java.util.Optional.of(problem);
		}
	}

	/** A task as an amendment finds it. */
	private record PreviousTask(UUID id, TaskStatus status, String fingerprint) {
	}

	/**
	 * Assesses, selects the channel, routes, writes permits off and creates or re-opens the agencies' tasks, then
	 * stores the consolidated status. On an amendment, {@code previous} holds the existing tasks: a task whose
	 * agency sees the same lines as before keeps its decision, one whose lines changed is decided afresh, and an
	 * agency no longer routed loses its task.
	 */
	private DeclarationStatus process(UUID id, String number, Uscc declarant, ValidDeclaration d, LocalDate today,
			Instant now, List<Object[]> timeline, Map<String, PreviousTask> previous, DeclarationStatus before) {
		Assessment assessment = assessor.assess(new AssessmentRequest(d.flow(), d.incoterm(), d.currency(),
				d.freight(), d.insurance(), today, d.items().stream()
					.map(i -> new AssessmentRequest.Item(i.lineNo(), i.hsCode(), i.value(), i.origin(),
							i.certificateAgreement()))
					.toList()));
		// The declared amounts are limited so that this holds at every real exchange rate; an absurd rate set by an
		// administrator is refused here, and the whole submission rolls back, rather than failing in the insert.
		for (BigDecimal total : java.util.Arrays.asList(assessment.totalCustomsValueCny(), assessment.totalTaxes())) {
			if (total != null && !InputLimits.MONEY.holds(total)) {
				throw Problem.invalidField("items", "TOO_LARGE", NumericColumn.quoted(total));
			}
		}
		Map<Integer, Assessment.Line> assessed = new LinkedHashMap<>();
		assessment.lines().forEach(l -> assessed.put(l.lineNo(), l));
		RiskDecision channel = risk.assess(new RiskRequest(id, declarant, d.flow(), d.tradeMode(), d.tradingCountry(),
				d.items().stream().map(i -> new RiskRequest.Line(i.lineNo(), i.hsCode(), i.origin(), i.quantity(),
						i.unit(), customsValue(assessed, i.lineNo()))).toList()));
		List<TariffLine> lines = d.items().stream().map(ValidDeclaration.Item::tariffLine).toList();
		Map<HsCode, List<PermitRequirement>> byCode = new java.util.HashMap<>();
		List<List<PermitRequirement>> needs = d.items().stream()
			.map(i -> byCode.computeIfAbsent(i.hsCode(), hs -> permits.requirementsFor(hs, d.flow())))
			.toList();
		List<List<RoutingDecision>> routes = routing.routeAll(d.flow(), lines, needs);

		insertItems(id, d, assessed);
		insertRoutes(id, routes);

		Map<AgencyCode, List<Integer>> agencyLines = new LinkedHashMap<>();
		Map<AgencyCode, Set<String>> agencyRules = new LinkedHashMap<>();
		Map<AgencyCode, Boolean> onlyPermits = new LinkedHashMap<>();
		for (int i = 0; i < routes.size(); i++) {
			for (RoutingDecision r : routes.get(i)) {
				agencyLines.computeIfAbsent(r.agency(), a -> new ArrayList<>()).add(i + 1);
				agencyRules.computeIfAbsent(r.agency(), a -> new LinkedHashSet<>()).add(r.ruleCode());
				onlyPermits.merge(r.agency(), r.permitCatalogueCode() != null, Boolean::logicalAnd);
			}
		}
		Map<AgencyCode, String> fingerprints = new LinkedHashMap<>();
		agencyLines.forEach((agency, lineNos) -> {
			StringBuilder seen = new StringBuilder();
			if (agency.equals(AgencyCode.CUSTOMS)) {
				// Customs answers for the whole declaration: any change of header or lines re-opens its task.
				seen.append(d.flow()).append(d.tradeMode()).append(d.transportMode()).append(d.port())
					.append(d.originCountry()).append(d.destinationCountry()).append(d.tradingCountry())
					.append(d.currency()).append(d.incoterm()).append(plain(d.freight())).append(plain(d.insurance()))
					.append(d.packages()).append(plain(d.grossWeight())).append(plain(d.netWeight())).append(channel.channel());
			}
			lineNos.stream().distinct().sorted().forEach(n -> seen.append('|').append(fingerprintOf(d.items().get(n - 1))));
			fingerprints.put(agency, sha256(seen.toString()));
		});
		if (previous.isEmpty()) {
			agencyRules.forEach((agency, rules) -> timeline.add(event(id, now, "ROUTED", agency.value(), "system",
					String.join(",", rules), "lines " + agencyLines.get(agency).stream().distinct().toList())));
		}

		// Check every referenced permit a line needs; a refusal leaves that agency's task to its officer. The write-offs
		// themselves come last (see the end of this method): they lock the permit until commit, and every other
		// declaration under the same permit waits for that lock.
		List<WriteOffRequest> writeOffs = new ArrayList<>();
		// What the lines checked so far will take from each permit: a later line is checked for the sum, so that two
		// lines which fit one by one but not together are told apart now, not at the write-off.
		Map<String, WriteOffRequest> taken = new LinkedHashMap<>();
		Set<String> acceptedLines = new java.util.HashSet<>();
		Map<AgencyCode, List<String>> permitNotes = new LinkedHashMap<>();
		Map<AgencyCode, Boolean> permitsOk = new LinkedHashMap<>();
		// Lines for which an agency's own permit was written off: that agency has already said yes to them.
		Map<AgencyCode, Set<Integer>> coveredLines = new LinkedHashMap<>();
		for (int i = 0; i < routes.size(); i++) {
			ValidDeclaration.Item item = d.items().get(i);
			for (RoutingDecision r : routes.get(i)) {
				if (r.permitCatalogueCode() == null) {
					continue;
				}
				String note;
				boolean ok = false;
				if (item.permitNumber() == null) {
					note = "line " + item.lineNo() + ": " + PERMIT_NOT_REFERENCED + " " + r.permitCatalogueCode();
				} else {
					WriteOffRequest request = new WriteOffRequest(id, item.lineNo(), item.permitNumber(), declarant,
							item.hsCode(), item.quantity(), customsValue(assessed, item.lineNo()));
					String line = item.permitNumber() + "#" + item.lineNo();
					String failure = null;
					if (!acceptedLines.contains(line)) {
						WriteOffRequest earlier = taken.get(item.permitNumber());
						WriteOffRequest together = earlier == null ? request
								: new WriteOffRequest(id, item.lineNo(), item.permitNumber(), declarant, item.hsCode(),
										sum(earlier.quantity(), request.quantity()), sum(earlier.valueCny(), request.valueCny()));
						failure = permits.check(together).orElse(null);
						if (failure == null) {
							taken.put(item.permitNumber(), together);
							acceptedLines.add(line);
							writeOffs.add(request);
						}
					}
					ok = failure == null;
					note = "line " + item.lineNo() + ": " + (ok ? PERMIT_WRITTEN_OFF : failure) + " "
							+ item.permitNumber();
				}
				permitNotes.computeIfAbsent(r.agency(), a -> new ArrayList<>()).add(note);
				permitsOk.merge(r.agency(), ok, Boolean::logicalAnd);
				if (ok) {
					coveredLines.computeIfAbsent(r.agency(), a -> new java.util.HashSet<>()).add(item.lineNo());
				}
			}
		}

		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> reopens = new ArrayList<>();
		List<TaskStatus> statuses = new ArrayList<>();
		for (AgencyCode agency : agencyRules.keySet()) {
			PreviousTask prior = previous.get(agency.value());
			if (prior != null && prior.fingerprint().equals(fingerprints.get(agency))) {
				statuses.add(prior.status());
				continue;
			}
			TaskStatus status;
			String policy;
			String note = permitNotes.containsKey(agency) ? String.join("; ", permitNotes.get(agency)) : null;
			if (agency.equals(AgencyCode.CUSTOMS)) {
				boolean green = channel.channel() == Channel.GREEN;
				status = green ? TaskStatus.AUTO_APPROVED : TaskStatus.PENDING;
				policy = green ? CUSTOMS_GREEN_CHANNEL : CUSTOMS_CHANNEL_CHECK;
				note = channel.channel() + " " + channel.reasonCode() + (note == null ? "" : "; " + note);
			} else if (permitsOk.getOrDefault(agency, false)
					&& coveredLines.getOrDefault(agency, Set.of()).containsAll(agencyLines.get(agency))) {
				// Every line the agency was routed for carries a permit it issued, valid and written off — also when
				// another rule (e.g. an inspection category) routed the same line to it: the permit is its answer.
				status = TaskStatus.AUTO_APPROVED;
				policy = PERMIT_WRITTEN_OFF;
			} else if (onlyPermits.get(agency)) {
				status = TaskStatus.PENDING;
				policy = note != null && note.contains(PERMIT_NOT_REFERENCED) ? PERMIT_NOT_REFERENCED
						: PERMIT_WRITE_OFF_FAILED;
			} else {
				status = TaskStatus.PENDING;
				policy = OFFICER_REVIEW;
			}
			statuses.add(status);
			boolean auto = status == TaskStatus.AUTO_APPROVED;
			UUID taskId = prior == null ? UUID.randomUUID() : prior.id();
			if (prior == null) {
				inserts.add(new Object[] { taskId, id, agency.value(), status.name(), policy, note,
						auto ? "system" : null, auto ? Timestamp.from(now) : null, fingerprints.get(agency),
						Timestamp.from(now) });
			} else {
				reopens.add(new Object[] { status.name(), policy, note, auto ? "system" : null,
						auto ? Timestamp.from(now) : null, fingerprints.get(agency), prior.id() });
				timeline.add(event(id, now, "REOPENED", agency.value(), "system", null,
						"lines " + agencyLines.get(agency).stream().distinct().toList()));
			}
			if (auto) {
				auditTrail.record(AuditRecord.of("AGENCY_TASK_AUTO_APPROVED", "AGENCY_TASK", taskId)
					.bySystem("decision-policy").actingFor(agency)
					.change(prior == null ? null : AuditRecord.state("status", prior.status().name()),
							AuditRecord.state("declaration", number, "declarant", declarant.value(), "status",
									status.name(), "policy", policy, "note", note)));
				timeline.add(event(id, now, "AUTO_APPROVED", agency.value(), "system", policy, note));
				events.publishEvent(new AgencyDecisionRecorded(id, number, agency, status.name(), "system", policy,
						now));
			} else {
				events.publishEvent(new AgencyTaskOpened(id, number, agency, policy, now));
			}
		}
		previous.forEach((agency, prior) -> {
			if (!agencyRules.containsKey(new AgencyCode(agency))) {
				jdbc.sql("DELETE FROM agency_task WHERE id = ?").param(prior.id()).update();
				timeline.add(event(id, now, "UNROUTED", agency, "system", null, null));
			}
		});
		batch.batchUpdate("""
				INSERT INTO agency_task (id, declaration_id, agency, status, policy_code, note, decided_by, decided_at,
				    fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
		batch.batchUpdate("""
				UPDATE agency_task SET status = ?, policy_code = ?, note = ?, decided_by = ?, decided_at = ?,
				    reason = NULL, answer = NULL, fingerprint = ?, version = version + 1 WHERE id = ?""", reopens);

		DeclarationStatus status = DeclarationStatus.consolidate(statuses);
		jdbc.sql("""
				UPDATE declaration SET status = ?, channel = ?, channel_reason_code = ?, channel_reason = ?,
				    exchange_rate = ?, total_customs_value = ?, total_duty = ?, total_excise = ?, total_vat = ?,
				    total_taxes = ?, cleared_at = ?, updated_at = ?, version = version + 1 WHERE id = ?""")
			.params(status.name(), channel.channel().name(), channel.reasonCode(), channel.reason(),
					assessment.exchangeRate(), assessment.totalCustomsValueCny(), assessment.totalDuty(),
					assessment.totalExcise(), assessment.totalVat(), assessment.totalTaxes(),
					status == DeclarationStatus.CLEARED ? Timestamp.from(now) : null, Timestamp.from(now), id)
			.update();
		if (status != before) {
			timeline.add(event(id, now, status.name(), null, "system", null, null));
			webhooks.enqueue(declarant.value(), id, number, status.name(), now);
		}
		insertEvents(timeline);
		if (status == DeclarationStatus.CLEARED) {
			// Built from what is in hand: the hot path of automatic clearance reads nothing back.
			publishCleared(id, number, declarant, d.flow(), d.tradeMode(), d.tradingCountry(), d.items().stream()
				.map(i -> new ClearedLine(i.lineNo(), i.hsCode(), i.origin(), i.quantity(), i.unit(),
						customsValue(assessed, i.lineNo())))
				.toList(), now);
		}
		// In permit order, so that two declarations under the same permits take their locks in the same order.
		writeOffs.sort(java.util.Comparator.comparing(WriteOffRequest::permitNumber)
			.thenComparingInt(WriteOffRequest::lineNo));
		for (WriteOffRequest request : writeOffs) {
			try {
				permits.writeOff(request);
			} catch (Problem refused) {
				// The permit changed since the check above (another declaration took the last quota, an officer
				// suspended it): nothing of this submission is kept, and a retry decides on the permit as it is now.
				throw Problem.conflict("PERMIT_CHANGED_DURING_SUBMISSION", request.permitNumber(), refused.code());
			}
		}
		return status;
	}

	/** The status is quoted in the reader's language ("is Cleared"), not as its code. */
	static Problem notAmendable(String number, DeclarationStatus status) {
		return Problem.conflict("DECLARATION_NOT_AMENDABLE", number,
				new DefaultMessageSourceResolvable(new String[] { "declaration.status." + status.name() }, status.name()));
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
		Locked locked = lock(id);
		Uscc declarant = Uscc.parse(locked.declarant());
		actor.requireActFor(declarant);
		if (!locked.status().amendable()) {
			throw notAmendable(locked.number(), locked.status());
		}
		if (request.version() != null && request.version() != locked.version()) {
			// Someone (an officer's decision, another amendment) changed it since the caller read it.
			throw Problem.conflict("DECLARATION_CHANGED", locked.number(), request.version(), locked.version());
		}
		Enterprise enterprise = enterprises.requireActive(declarant);
		validation.refuseUnreadable(draft, declarant, enterprise.nameZh(), time.month());
		LocalDate today = time.today();
		ValidDeclaration d = validation.validate(request, declarant, enterprise.nameZh(), time.month());
		Instant now = time.now();
		Map<String, PreviousTask> previous = new LinkedHashMap<>();
		jdbc.sql("SELECT id, agency, status, fingerprint FROM agency_task WHERE declaration_id = ?").param(id)
			.query((rs, n) -> previous.put(rs.getString("agency"), new PreviousTask(rs.getObject("id", UUID.class),
					TaskStatus.valueOf(rs.getString("status")), rs.getString("fingerprint"))))
			.list();
		permits.restore(id);
		jdbc.sql("DELETE FROM declaration_route WHERE declaration_id = ?").param(id).update();
		jdbc.sql("DELETE FROM declaration_item WHERE declaration_id = ?").param(id).update();
		jdbc.sql("""
				UPDATE declaration SET flow = ?, trade_mode = ?, transport_mode = ?, port = ?, origin_country = ?,
				    destination_country = ?, trading_country = ?, currency = ?, incoterm = ?, freight = ?,
				    insurance = ?, packages = ?, gross_weight = ?, net_weight = ?, consignor = ?, consignee = ?
				WHERE id = ?""")
			.params(d.flow().name(), d.tradeMode(), d.transportMode(), d.port().value(), d.originCountry().value(),
					d.destinationCountry().value(), d.tradingCountry().value(), d.currency().value(), d.incoterm(),
					d.freight(), d.insurance(), d.packages(), d.grossWeight(), d.netWeight(), d.consignor(),
					d.consignee(), id)
			.update();
		List<Object[]> timeline = new ArrayList<>();
		timeline.add(event(id, now, "AMENDED", null, actor.username(), null, null));
		DeclarationStatus status = process(id, locked.number(), declarant, d, today, now, timeline, previous,
				locked.status());
		log.info("event=declaration_amended number={} status={}", locked.number(), status);
		return store.find(id).orElseThrow();
	}

	private static String fingerprintOf(ValidDeclaration.Item i) {
		return String.join("~", String.valueOf(i.lineNo()), i.hsCode().value(), i.description(), plain(i.quantity()),
				i.unit().value(), plain(i.statisticalQuantity()), plain(i.value()), i.origin().value(),
				String.valueOf(i.permitNumber()), String.valueOf(i.certificateAgreement()),
				String.valueOf(i.certificateNumber()));
	}

	private static BigDecimal sum(BigDecimal a, BigDecimal b) {
		return a == null ? b : b == null ? a : a.add(b);
	}

	private static String plain(BigDecimal n) {
		return n == null ? "" : n.stripTrailingZeros().toPlainString();
	}

	private Submission repeated(UUID id, String hash, String key) {
		if (!hash.equals(store.requestHash(id).orElseThrow())) {
			throw Problem.conflict("IDEMPOTENCY_KEY_REUSED", key);
		}
		return new Submission(id, false, null, null);
	}

	private static Uscc declarantOf(Actor actor, String raw) {
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

	private void insertItems(UUID id, ValidDeclaration d, Map<Integer, Assessment.Line> assessed) {
		List<Object[]> rows = new ArrayList<>();
		for (ValidDeclaration.Item i : d.items()) {
			Assessment.Line a = assessed.get(i.lineNo());
			rows.add(new Object[] { id, i.lineNo(), i.hsCode().value(), i.description(), i.quantity(),
					i.unit().value(), i.statisticalQuantity(), i.value(), i.origin().value(), i.permitNumber(),
					i.certificateAgreement(), i.certificateNumber(), a == null ? null : a.customsValueCny(),
					a == null ? null : a.rateBasis(), a == null ? null : a.dutyRate(), a == null ? null : a.duty(),
					a == null ? null : a.exciseRate(), a == null ? null : a.excise(), a == null ? null : a.vatRate(),
					a == null ? null : a.vat(), a == null ? null : String.join("\n", a.steps()) });
		}
		batch.batchUpdate("""
				INSERT INTO declaration_item (declaration_id, line_no, hs_code, description, quantity, unit,
				    statistical_quantity, value, origin, permit_number, certificate_agreement, certificate_number,
				    customs_value_cny, rate_basis, duty_rate, duty, excise_rate, excise, vat_rate, vat, steps)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	private void insertRoutes(UUID id, List<List<RoutingDecision>> routes) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < routes.size(); i++) {
			for (RoutingDecision r : routes.get(i)) {
				rows.add(new Object[] { id, i + 1, r.agency().value(), r.ruleCode(), r.reason() });
			}
		}
		batch.batchUpdate("""
				INSERT INTO declaration_route (declaration_id, line_no, agency, rule_code, reason)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
	}

	private static Object[] event(UUID declarationId, Instant at, String event, String agency, String actor,
			String reasonCode, String reason) {
		return new Object[] { UUID.randomUUID(), declarationId, Timestamp.from(at), event, agency, actor, reasonCode,
				reason };
	}

	private void insertEvents(List<Object[]> rows) {
		batch.batchUpdate("""
				INSERT INTO declaration_event (id, declaration_id, at, event, agency, actor, reason_code, reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** An officer's decision on its agency's task. */
	enum Decision {
		APPROVE, REJECT, QUERY
	}

	/**
	 * Records an officer's decision. Exactly one of two officers deciding the same task wins; the other gets 409
	 * {@code TASK_ALREADY_DECIDED}.
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
		Locked locked = lock(row.declarationId());
		if (!locked.status().open()) {
			throw Problem.conflict("DECLARATION_CLOSED", locked.number(), locked.status().name());
		}
		TaskStatus next = switch (decision) {
			case APPROVE -> TaskStatus.APPROVED;
			case REJECT -> TaskStatus.REJECTED;
			case QUERY -> TaskStatus.QUERIED;
		};
		Instant now = time.now();
		int updated = jdbc.sql("""
				UPDATE agency_task SET status = ?, decided_by = ?, decided_at = ?, reason = ?, version = version + 1
				WHERE id = ? AND status = 'PENDING' AND (CAST(? AS INT) IS NULL OR version = ?)""")
			.params(next.name(), actor.username(), Timestamp.from(now), blankToNull(reason), taskId, expectedVersion,
					expectedVersion)
			.update();
		if (updated == 0) {
			// Read under the declaration's lock: what changed since the officer looked?
			var current = store.task(taskId).orElseThrow(() -> Problem.notFound("TASK_NOT_FOUND", taskId));
			if (current.task().status() != TaskStatus.PENDING) {
				throw Problem.conflict("TASK_ALREADY_DECIDED", taskId);
			}
			// An amendment re-opened the task with other lines since the officer read it.
			throw Problem.conflict("TASK_CHANGED", taskId, expectedVersion);
		}
		auditTrail.record(AuditRecord.of("AGENCY_TASK_" + next.name(), "AGENCY_TASK", taskId).by(actor)
			.change(AuditRecord.state("declaration", locked.number(), "declarant", locked.declarant(), "status",
					"PENDING"), AuditRecord.state("declaration", locked.number(), "declarant", locked.declarant(),
							"status", next.name(), "reason", blankToNull(reason))));
		List<Object[]> timeline = new ArrayList<>();
		timeline.add(event(row.declarationId(), now, next.name(), agency.value(), actor.username(), null,
				blankToNull(reason)));
		events.publishEvent(new AgencyDecisionRecorded(row.declarationId(), locked.number(), agency, next.name(),
				actor.username(), blankToNull(reason), now));
		if (next == TaskStatus.QUERIED) {
			events.publishEvent(new DeclarationQueried(row.declarationId(), locked.number(), agency, reason, now));
		}
		if (next == TaskStatus.REJECTED) {
			permits.restore(row.declarationId());
			events.publishEvent(new DeclarationRejected(row.declarationId(), locked.number(), agency, reason, now));
		}
		reconsolidate(row.declarationId(), locked, timeline, now);
		log.info("event=agency_decision number={} agency={} decision={} officer={}", locked.number(), agency, next,
				actor.username());
		return store.find(row.declarationId()).orElseThrow();
	}

	/** The declarant answers an agency's question; the task goes back to that agency's queue. */
	@Transactional
	public DeclarationView answer(Actor actor, UUID declarationId, AgencyCode agency, String answer) {
		Locked locked = lock(declarationId);
		actor.requireActFor(Uscc.parse(locked.declarant()));
		if (answer == null || answer.isBlank()) {
			throw Problem.invalidField("answer", "REQUIRED");
		}
		answer = FreeText.read("answer", answer, InputLimits.REASON);
		Instant now = time.now();
		int updated = jdbc.sql("""
				UPDATE agency_task SET status = 'PENDING', answer = ?, decided_by = NULL, decided_at = NULL,
				    version = version + 1 WHERE declaration_id = ? AND agency = ? AND status = 'QUERIED'""")
			.params(answer.strip(), declarationId, agency.value())
			.update();
		if (updated == 0) {
			throw Problem.conflict("TASK_NOT_QUERIED", agency.value());
		}
		List<Object[]> timeline = new ArrayList<>();
		timeline.add(event(declarationId, now, "ANSWERED", agency.value(), actor.username(), null, answer.strip()));
		events.publishEvent(new AgencyTaskOpened(declarationId, locked.number(), agency, "ANSWERED", now));
		reconsolidate(declarationId, locked, timeline, now);
		return store.find(declarationId).orElseThrow();
	}

	/** A customs officer releases the goods of a cleared declaration. */
	@Transactional
	public DeclarationView release(Actor actor, UUID declarationId) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Locked locked = lock(declarationId);
		if (locked.status() != DeclarationStatus.CLEARED) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED", locked.number(), locked.status().name());
		}
		Instant now = time.now();
		jdbc.sql("UPDATE declaration SET status = 'RELEASED', released_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), declarationId).update();
		insertEvents(List.<Object[]>of(event(declarationId, now, "RELEASED", "CUSTOMS", actor.username(), null, null)));
		auditTrail.record(AuditRecord.of("DECLARATION_RELEASED", "DECLARATION", declarationId).by(actor)
			.change(AuditRecord.state("number", locked.number(), "declarant", locked.declarant(), "status", "CLEARED"),
					AuditRecord.state("number", locked.number(), "declarant", locked.declarant(), "status", "RELEASED")));
		webhooks.enqueue(locked.declarant(), declarationId, locked.number(), "RELEASED", now);
		events.publishEvent(new DeclarationReleased(declarationId, locked.number(), Uscc.parse(locked.declarant()),
				now));
		return store.find(declarationId).orElseThrow();
	}

	private record Locked(String number, String declarant, DeclarationStatus status, int version) {
	}

	private Locked lock(UUID declarationId) {
		return jdbc.sql("SELECT number, declarant, status, version FROM declaration WHERE id = ? FOR UPDATE")
			.param(declarationId)
			.query((rs, n) -> new Locked(rs.getString("number"), rs.getString("declarant"),
					DeclarationStatus.valueOf(rs.getString("status")), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", declarationId));
	}

	private void reconsolidate(UUID id, Locked locked, List<Object[]> timeline, Instant now) {
		List<TaskStatus> statuses = jdbc.sql("SELECT status FROM agency_task WHERE declaration_id = ?").param(id)
			.query((rs, n) -> TaskStatus.valueOf(rs.getString(1))).list();
		DeclarationStatus status = DeclarationStatus.consolidate(statuses);
		if (status != locked.status()) {
			timeline.add(event(id, now, status.name(), null, "system", null, null));
			webhooks.enqueue(locked.declarant(), id, locked.number(), status.name(), now);
		}
		jdbc.sql("""
				UPDATE declaration SET status = ?, updated_at = ?, version = version + 1,
				    cleared_at = CASE WHEN ? THEN ? ELSE cleared_at END WHERE id = ?""")
			.params(status.name(), Timestamp.from(now), status == DeclarationStatus.CLEARED, Timestamp.from(now), id)
			.update();
		insertEvents(timeline);
		if (status == DeclarationStatus.CLEARED && locked.status() != DeclarationStatus.CLEARED) {
			publishCleared(id, now);
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
		events.publishEvent(new DeclarationCleared(id, number, declarant, flow, clearedAt, tradeMode, tradingCountry,
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

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
