package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.calendar.WorkingCalendar;
import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Cursor;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LikePattern;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.core.WorkQueueFilter;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TransactionLock;

/**
 * Permit applications in the four modes of the reform, and the issuing agency's decisions on them. Every method
 * validates everything before it writes anything; state changes are conditional updates on the application's
 * version, so of two officers deciding at once exactly one succeeds and the other is told.
 */
@Component
class PermitApplications {

	private static final Logger log = LoggerFactory.getLogger(PermitApplications.class);

	static final int MAX_TEXT = 1000;
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1E16");

	private static final String COLUMNS = """
			a.id, a.reference, a.catalogue_code, a.applicant_uscc, a.mode, a.issuing_agency, a.scope, a.goods,
			a.requested_quantity, a.quota_unit, a.requested_value, a.documents, a.commitment_signed_by,
			a.commitment_signed_at, a.status, a.submitted_by, a.submitted_at, a.due_date, a.decided_by, a.decided_at,
			a.reason, p.number AS permit_number, a.version""";

	/** What an applicant submits. */
	record ApplicationForm(String catalogueCode, String applicant, String scope, List<String> goods,
			BigDecimal requestedQuantity, BigDecimal requestedValue, List<String> documents, Boolean commitmentSigned) {
	}

	/**
	 * An officer's decision.
	 *
	 * @param decision {@code APPROVE}, {@code REJECT} or {@code REQUEST_DOCUMENTS}
	 * @param grantedQuantity for APPROVE of a quantity quota: less than requested, if the agency grants less
	 * @param version the application's version the officer saw; a stale one is refused
	 */
	record DecisionForm(String decision, String reason, BigDecimal grantedQuantity, BigDecimal grantedValue,
			Integer version) {
	}

	/** The applicant's answer to a request for documents. */
	record SupplementForm(List<String> documents, String note, Integer version) {
	}

	enum Decision {
		APPROVE, REJECT, REQUEST_DOCUMENTS
	}

	private final JdbcClient jdbc;
	private final PermitCatalogue catalogue;
	private final IssuedPermits permits;
	private final Enterprises enterprises;
	private final BusinessTime time;
	private final AuditTrail auditTrail;
	private final ZoneCalendar calendar;

	PermitApplications(JdbcClient jdbc, PermitCatalogue catalogue, IssuedPermits permits, Enterprises enterprises,
			BusinessTime time, AuditTrail auditTrail, ZoneCalendar calendar) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.permits = permits;
		this.enterprises = enterprises;
		this.time = time;
		this.calendar = calendar;
	}

	/** The zone's working days, by which review deadlines are counted. */
	WorkingCalendar workingCalendar() {
		return calendar.current();
	}

	/**
	 * Applies for the permit of a catalogue entry on behalf of an enterprise, handled as the entry's mode says.
	 *
	 * @throws Problem 422 with every invalid field; 403 unless {@code actor} acts for the applicant; 409
	 *     {@code ENTERPRISE_NOT_ACTIVE}, {@code PERMIT_APPLICATION_PENDING} or {@code PERMIT_ALREADY_HELD}
	 */
	@Transactional
	PermitApplication apply(Actor actor, ApplicationForm form) {
		var violations = new Violations();
		violations.required(form.applicant(), "applicant");
		Uscc applicant = form.applicant() == null ? null : violations.read("applicant", () -> Uscc.parse(form.applicant()));
		violations.throwIfAny();
		actor.requireActFor(applicant, OperatorRight.APPLY_FOR_PERMITS);

		CatalogueEntry entry = null;
		if (form.catalogueCode() == null || form.catalogueCode().isBlank()) {
			violations.add("catalogueCode", "REQUIRED");
		} else {
			entry = catalogue.find(form.catalogueCode().strip().toUpperCase(Locale.ROOT)).filter(CatalogueEntry::active)
				.orElse(null);
			violations.check(entry != null, "catalogueCode", "PERMIT_CATALOGUE_ENTRY_NOT_FOUND", form.catalogueCode());
		}
		List<String> goods = List.of();
		if (entry != null && entry.mode() != PermitMode.APPROVAL_CANCELLED) {
			violations.required(form.scope(), "scope");
			violations.text("scope", form.scope(), MAX_TEXT);
			goods = readGoods(entry, form.goods(), violations);
			checkQuota(entry, form.requestedQuantity(), form.requestedValue(), "requested", violations);
			checkDocuments(entry, form.documents(), violations);
			if (entry.mode() == PermitMode.NOTIFICATION_COMMITMENT) {
				violations.check(Boolean.TRUE.equals(form.commitmentSigned()), "commitmentSigned", "PERMIT_COMMITMENT_NOT_SIGNED");
			}
		}
		violations.throwIfAny();
		enterprises.requireActive(applicant);

		// Applications of one enterprise for one entry queue up here, so "apply twice" cannot slip through a race.
		TransactionLock.take(jdbc, "permit-application:" + applicant.value() + ":" + entry.code());
		if (entry.mode() != PermitMode.APPROVAL_CANCELLED) {
			refuseDuplicate(entry, applicant);
		}

		Instant now = time.now();
		LocalDate today = time.today();
		UUID id = UUID.randomUUID();
		// Locale.ROOT: ASCII digits whatever the server's locale (ServerLocaleIntegrationTests).
		String reference = String.format(Locale.ROOT, "PA-%d-%06d", today.getYear(),
				jdbc.sql("SELECT nextval('permit_application_seq')").query(Long.class).single());
		ApplicationStatus status = switch (entry.mode()) {
			case APPROVAL_CANCELLED -> ApplicationStatus.NOT_REQUIRED;
			case FILING -> ApplicationStatus.FILED;
			case NOTIFICATION_COMMITMENT -> ApplicationStatus.ISSUED;
			case OPTIMISED_APPROVAL -> ApplicationStatus.UNDER_REVIEW;
		};
		LocalDate due = entry.mode() == PermitMode.OPTIMISED_APPROVAL ? calendar.after(today, entry.reviewDays()) : null;
		boolean commitment = entry.mode() == PermitMode.NOTIFICATION_COMMITMENT;
		boolean cancelled = entry.mode() == PermitMode.APPROVAL_CANCELLED;
		BigDecimal quantity = entry.quotaKind() == QuotaKind.QUANTITY ? form.requestedQuantity() : null;
		BigDecimal value = entry.quotaKind() == QuotaKind.VALUE ? form.requestedValue() : null;
		try {
			jdbc.sql("""
					INSERT INTO permit_application (id, reference, catalogue_code, applicant_uscc, mode, issuing_agency, scope,
					    goods, requested_quantity, quota_unit, requested_value, documents, commitment_signed_by,
					    commitment_signed_at, status, submitted_by, submitted_at, due_date)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, reference, entry.code(), applicant.value(), entry.mode().name(), entry.issuingAgency().value(),
						cancelled ? "" : form.scope().strip(), String.join(",", goods), quantity,
						quantity == null ? null : entry.quotaUnit(), value,
						cancelled ? "" : String.join("\n", documents(form.documents())),
						commitment ? actor.username() : null, commitment ? Timestamp.from(now) : null, status.name(),
						actor.username(), Timestamp.from(now), due)
				.update();
		} catch (DuplicateKeyException e) {
			throw Problem.conflict("PERMIT_APPLICATION_PENDING", applicant.value(), entry.code());
		}
		step(id, "SUBMITTED", null, actor.username());
		if (entry.mode().issuesOnSubmission()) {
			IssuedPermit permit = permits.issue(new IssuedPermits.Grant(entry, applicant, id, form.scope().strip(), goods,
					quantity, value, today, actor.username()));
			jdbc.sql("UPDATE permit_application SET permit_id = ? WHERE id = ?").params(permit.id(), id).update();
			step(id, commitment ? "ISSUED_ON_COMMITMENT" : "FILED", permit.number(), actor.username());
			auditTrail.record(AuditRecord.of(commitment ? "PERMIT_ISSUED_ON_COMMITMENT" : "PERMIT_ISSUED_ON_FILING",
					"PERMIT", permit.number()).by(actor).actingFor(applicant)
				.change(null, AuditRecord.state("application", reference, "catalogue", entry.code(), "holder",
						applicant.value(), "quotaQuantity", quantity, "quotaValue", value, "status", "IN_FORCE")));
		}
		log.info("event=permit_applied reference={} catalogue={} applicant={} mode={} status={}", reference,
				entry.code(), applicant.value(), entry.mode(), status);
		return get(id);
	}

	/**
	 * Decides an application under review.
	 *
	 * @throws Problem 403 unless the actor is an officer of the issuing agency; 422 for a missing reason or an
	 *     unknown decision; 409 {@code PERMIT_APPLICATION_ALREADY_DECIDED}, {@code PERMIT_APPLICATION_AWAITING_DOCUMENTS}
	 *     or {@code PERMIT_APPLICATION_CHANGED} (someone decided since the officer looked)
	 */
	@Transactional
	PermitApplication decide(Actor actor, UUID id, DecisionForm form) {
		PermitApplication application = get(id);
		actor.requireActAs(application.issuingAgency());
		var violations = new Violations();
		Decision decision = null;
		if (form.decision() == null || form.decision().isBlank()) {
			violations.add("decision", "REQUIRED");
		} else {
			decision = Arrays.stream(Decision.values()).filter(d -> d.name().equalsIgnoreCase(form.decision().strip()))
				.findFirst().orElse(null);
			violations.check(decision != null, "decision", "PERMIT_DECISION_UNKNOWN", form.decision());
		}
		if (decision == Decision.REJECT || decision == Decision.REQUEST_DOCUMENTS) {
			violations.required(form.reason(), "reason");
		}
		violations.text("reason", form.reason(), MAX_TEXT);
		if (decision == Decision.APPROVE) {
			checkGranted(application, form, violations);
		}
		violations.throwIfAny();
		requireUnderReview(application, form.version());

		ApplicationStatus next = switch (decision) {
			case APPROVE -> ApplicationStatus.APPROVED;
			case REJECT -> ApplicationStatus.REJECTED;
			case REQUEST_DOCUMENTS -> ApplicationStatus.DOCUMENTS_REQUESTED;
		};
		if (decision == Decision.APPROVE) {
			enterprises.requireActive(application.applicant());
		}
		boolean finalDecision = decision != Decision.REQUEST_DOCUMENTS;
		int updated = jdbc.sql("""
				UPDATE permit_application SET status = ?, reason = ?, decided_by = ?, decided_at = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = 'UNDER_REVIEW'""")
			.params(next.name(), blankToNull(form.reason()), finalDecision ? actor.username() : null,
					finalDecision ? Timestamp.from(time.now()) : null, id, application.version())
			.update();
		if (updated == 0) {
			// Someone else decided between our read and our write; report what they did.
			requireUnderReview(get(id), application.version());
			throw Problem.conflict("PERMIT_APPLICATION_CHANGED", application.reference());
		}
		step(id, decision.name(), blankToNull(form.reason()), actor.username());
		if (decision == Decision.APPROVE) {
			CatalogueEntry entry = catalogue.get(application.catalogueCode());
			BigDecimal quantity = form.grantedQuantity() != null ? form.grantedQuantity() : application.requestedQuantity();
			BigDecimal value = form.grantedValue() != null ? form.grantedValue() : application.requestedValue();
			IssuedPermit permit = permits.issue(new IssuedPermits.Grant(entry, application.applicant(), id,
					application.scope(), application.goods(), quantity, value, time.today(), actor.username()));
			jdbc.sql("UPDATE permit_application SET permit_id = ? WHERE id = ?").params(permit.id(), id).update();
		}
		PermitApplication decided = get(id);
		auditTrail.record(AuditRecord.of("PERMIT_APPLICATION_" + next.name(), "PERMIT_APPLICATION",
				application.reference()).by(actor)
			.change(AuditRecord.state("applicant", application.applicant().value(), "status",
					application.status().name()), AuditRecord.state("applicant", application.applicant().value(),
							"status", next.name(), "reason", decided.reason(), "permit", decided.permitNumber(),
							"grantedQuantity", form.grantedQuantity(), "grantedValue", form.grantedValue())));
		log.info("event=permit_application_decided reference={} decision={} officer={}", application.reference(),
				decision, actor.username());
		return get(id);
	}

	/**
	 * The applicant supplies the documents the officer asked for; the application goes back to the queue with a fresh
	 * statutory deadline (the clock stops while the agency waits for the applicant).
	 */
	@Transactional
	PermitApplication supplement(Actor actor, UUID id, SupplementForm form) {
		PermitApplication application = get(id);
		actor.requireActFor(application.applicant(), OperatorRight.APPLY_FOR_PERMITS);
		CatalogueEntry entry = catalogue.get(application.catalogueCode());
		var violations = new Violations();
		checkDocuments(entry, form.documents(), violations);
		violations.text("note", form.note(), MAX_TEXT);
		violations.throwIfAny();
		if (application.status() != ApplicationStatus.DOCUMENTS_REQUESTED) {
			throw Problem.conflict("PERMIT_APPLICATION_NOT_AWAITING_DOCUMENTS", application.reference(),
					Problem.named("permit.application.status.", application.status()));
		}
		if (form.version() != null && form.version() != application.version()) {
			throw Problem.conflict("PERMIT_APPLICATION_CHANGED", application.reference());
		}
		int updated = jdbc.sql("""
				UPDATE permit_application SET status = 'UNDER_REVIEW', documents = ?, due_date = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = 'DOCUMENTS_REQUESTED'""")
			.params(String.join("\n", documents(form.documents())), calendar.after(time.today(), entry.reviewDays()),
					id, application.version())
			.update();
		if (updated == 0) {
			throw Problem.conflict("PERMIT_APPLICATION_CHANGED", application.reference());
		}
		step(id, "SUPPLEMENTED", blankToNull(form.note()), actor.username());
		return get(id);
	}

	private void requireUnderReview(PermitApplication application, Integer seenVersion) {
		switch (application.status()) {
			case UNDER_REVIEW -> {
				if (seenVersion != null && seenVersion != application.version()) {
					throw Problem.conflict("PERMIT_APPLICATION_CHANGED", application.reference());
				}
			}
			case DOCUMENTS_REQUESTED -> throw Problem.conflict("PERMIT_APPLICATION_AWAITING_DOCUMENTS",
					application.reference());
			default -> throw Problem.conflict("PERMIT_APPLICATION_ALREADY_DECIDED", application.reference(),
					Problem.named("permit.application.status.", application.status()));
		}
	}

	private void refuseDuplicate(CatalogueEntry entry, Uscc applicant) {
		boolean pending = jdbc.sql("""
				SELECT count(*) FROM permit_application WHERE applicant_uscc = ? AND catalogue_code = ?
				AND status IN ('UNDER_REVIEW', 'DOCUMENTS_REQUESTED')""")
			.params(applicant.value(), entry.code())
			.query(Long.class).single() > 0;
		if (pending) {
			throw Problem.conflict("PERMIT_APPLICATION_PENDING", applicant.value(), entry.code());
		}
		// Goods permits are granted per consignment or contract, so holding one does not bar the next; an
		// activity permit is held once.
		if (!entry.isGoodsPermit()) {
			LocalDate today = time.today();
			Optional<IssuedPermit> held = permits.heldBy(applicant).stream()
				.filter(p -> p.catalogueCode().equals(entry.code()))
				.filter(p -> p.status(today) == PermitStatus.IN_FORCE || p.status(today) == PermitStatus.SUSPENDED)
				.findFirst();
			if (held.isPresent()) {
				throw Problem.conflict("PERMIT_ALREADY_HELD", applicant.value(), entry.code(), held.get().number());
			}
		}
	}

	private static List<String> readGoods(CatalogueEntry entry, List<String> raw, Violations violations) {
		if (!entry.isGoodsPermit()) {
			return List.of();
		}
		List<String> given = raw == null ? List.of() : raw.stream().filter(s -> s != null && !s.isBlank()).toList();
		if (given.isEmpty()) {
			violations.add("goods", "REQUIRED");
			return List.of();
		}
		violations.check(given.size() <= 50, "goods", "SIZE", 50);
		List<String> goods = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String field = "goods[" + i + "]";
			String rawCode = given.get(i);
			HsCode code = violations.read(field, () -> HsCode.of(rawCode));
			if (code != null) {
				if (entry.coversAnyFlow(code)) {
					if (!goods.contains(code.value())) {
						goods.add(code.value());
					}
				} else {
					violations.add(field, "PERMIT_GOODS_OUTSIDE_SCOPE", code.value(), entry.code());
				}
			}
		}
		return goods;
	}

	static void checkQuota(CatalogueEntry entry, BigDecimal quantity, BigDecimal value, String prefix,
			Violations violations) {
		String quantityField = prefix + "Quantity";
		String valueField = prefix + "Value";
		if (entry.quotaKind() == QuotaKind.QUANTITY) {
			violations.required(quantity, quantityField);
			checkAmount(quantity, 3, quantityField, violations);
		}
		if (entry.quotaKind() == QuotaKind.VALUE) {
			violations.required(value, valueField);
			checkAmount(value, 2, valueField, violations);
		}
	}

	private static void checkAmount(BigDecimal amount, int scale, String field, Violations violations) {
		if (amount == null) {
			return;
		}
		violations.check(amount.signum() > 0, field, "TOO_SMALL", BigDecimal.ONE.scaleByPowerOfTen(-scale));
		violations.check(amount.compareTo(MAX_AMOUNT) < 0, field, "TOO_LARGE",
				MAX_AMOUNT.subtract(BigDecimal.ONE.scaleByPowerOfTen(-scale)));
		violations.check(amount.stripTrailingZeros().scale() <= scale, field, "PERMIT_TOO_MANY_DECIMALS", scale);
	}

	private void checkGranted(PermitApplication application, DecisionForm form, Violations violations) {
		if (form.grantedQuantity() != null) {
			checkAmount(form.grantedQuantity(), 3, "grantedQuantity", violations);
			violations.check(application.requestedQuantity() != null
					&& form.grantedQuantity().compareTo(application.requestedQuantity()) <= 0, "grantedQuantity",
					"PERMIT_GRANT_EXCEEDS_REQUEST", application.requestedQuantity());
		}
		if (form.grantedValue() != null) {
			checkAmount(form.grantedValue(), 2, "grantedValue", violations);
			violations.check(application.requestedValue() != null
					&& form.grantedValue().compareTo(application.requestedValue()) <= 0, "grantedValue",
					"PERMIT_GRANT_EXCEEDS_REQUEST", application.requestedValue());
		}
	}

	/** One reference (contract number, file name …) for every document the catalogue entry requires. */
	private static void checkDocuments(CatalogueEntry entry, List<String> given, Violations violations) {
		List<String> documents = documents(given);
		for (int i = 0; i < entry.documentsZh().size(); i++) {
			boolean present = i < documents.size() && !documents.get(i).isBlank();
			// Named in both languages: the problem's text is in the caller's, the document list in the entry's two.
			String name = entry.documentsZh().get(i)
					+ (entry.documentsEn().size() > i ? " / " + entry.documentsEn().get(i) : "");
			violations.check(present, "documents[" + i + "]", "PERMIT_DOCUMENT_MISSING", name);
			if (present) {
				violations.line("documents[" + i + "]", documents.get(i), 200);
			}
		}
	}

	private static List<String> documents(List<String> given) {
		return given == null ? List.of() : given.stream().map(s -> s == null ? "" : s.strip().replace("\n", " ")).toList();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private void step(UUID applicationId, String action, String note, String actor) {
		jdbc.sql("INSERT INTO permit_application_step (id, application_id, action, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), applicationId, action, note, actor, Timestamp.from(time.now()))
			.update();
	}

	Optional<PermitApplication> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM permit_application a LEFT JOIN permit p ON p.id = a.permit_id WHERE a.id = ?")
			.param(id)
			.query(PermitApplications::map)
			.optional();
	}

	/** @throws Problem 404 {@code PERMIT_APPLICATION_NOT_FOUND} */
	PermitApplication get(UUID id) {
		return find(id).orElseThrow(() -> Problem.notFound("PERMIT_APPLICATION_NOT_FOUND", id));
	}

	List<PermitApplication> of(Uscc applicant) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM permit_application a LEFT JOIN permit p ON p.id = a.permit_id
				WHERE a.applicant_uscc = ? ORDER BY a.submitted_at DESC, a.reference DESC""")
			.param(applicant.value())
			.query(PermitApplications::map)
			.list();
	}

	/** One page of {@link #of(Uscc)} after the cursor (keyset on the submission time, the reference). */
	ListPage<PermitApplication> of(Uscc applicant, PageRequest page) {
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + COLUMNS + """
				 FROM permit_application a LEFT JOIN permit p ON p.id = a.permit_id
				WHERE a.applicant_uscc = :applicant""" + (after == null ? ""
				: " AND (a.submitted_at, a.reference) < (:at, :reference)")
				+ " ORDER BY a.submitted_at DESC, a.reference DESC LIMIT :limit")
			.param("applicant", applicant.value()).param("limit", page.rows());
		if (after != null) {
			query = query.param("at", after.atUtc()).param("reference", after.key());
		}
		return page.page(query.query(PermitApplications::map).list(),
				a -> new Cursor(a.submittedAt(), a.reference()));
	}

	/**
	 * What an officer narrows the agency's queue to, read in SQL so that the page reads no more than it shows (it
	 * filtered the whole queue in memory before, however long it had grown).
	 *
	 * @param status          one of the queue's statuses, or {@literal null}: both
	 * @param filter          the search over reference and USCC, the waiting time and the order
	 * @param applicantsNamed the enterprises whose name matched the search (their applications match too)
	 * @param submittedBefore only applications submitted before it, or {@literal null}: any
	 * @param limit           how many rows at most
	 */
	record QueueSearch(ApplicationStatus status, WorkQueueFilter filter, Collection<Uscc> applicantsNamed,
			Instant submittedBefore, int limit) {

		/**
		 * The SQL order: the queue's own (due date) unless waiting time is chosen. Ordering by name is the reader's
		 * language's collation, done on the rows read (the longest waiting), as on the declaration queue.
		 */
		private String orderBy() {
			return switch (filter.order()) {
				case WorkQueueFilter.NEWEST -> "a.submitted_at DESC, a.reference DESC";
				case WorkQueueFilter.OLDEST, WorkQueueFilter.ENTERPRISE -> "a.submitted_at, a.reference";
				default -> QUEUED_BY;
			};
		}
	}

	/**
	 * What waits for an agency's officers, as their home page counts it: applications under review, and those of them
	 * past their statutory deadline on {@code today} (read off {@code permit_application_queue_idx}).
	 */
	record Backlog(long underReview, long overdue) {
	}

	Backlog backlogOf(AgencyCode agency, LocalDate today) {
		return jdbc.sql("""
				SELECT count(*) AS under_review, count(*) FILTER (WHERE due_date < :today) AS overdue
				FROM permit_application WHERE issuing_agency = :agency AND status = 'UNDER_REVIEW'""")
			.param("agency", agency.value()).param("today", today)
			.query((rs, n) -> new Backlog(rs.getLong("under_review"), rs.getLong("overdue")))
			.single();
	}

	/** How many of these enterprises' applications wait for documents their agency asked for. */
	long awaitingDocumentsOf(Collection<Uscc> applicants) {
		if (applicants.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				SELECT count(*) FROM permit_application
				WHERE applicant_uscc IN (:applicants) AND status = 'DOCUMENTS_REQUESTED'""")
			.param("applicants", applicants.stream().map(Uscc::value).toList())
			.query(Long.class)
			.single();
	}

	/** The agency's work queue as an officer narrowed it: applications under review or awaiting documents. */
	List<PermitApplication> queueOf(AgencyCode agency, QueueSearch search) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM permit_application a LEFT JOIN permit p ON p.id = a.permit_id\n"
				+ """
						WHERE a.issuing_agency = :agency AND a.status IN ('UNDER_REVIEW', 'DOCUMENTS_REQUESTED')
						  AND (:status = '' OR a.status = :status)
						  AND (lower(a.reference) LIKE :like OR lower(a.applicant_uscc) LIKE :like
						       OR a.applicant_uscc = ANY(:named))
						  AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR a.submitted_at < :before)
						ORDER BY\s""" + search.orderBy() + " LIMIT :limit")
			.param("agency", agency.value())
			.param("status", search.status() == null ? "" : search.status().name())
			.param("like", LikePattern.containing(search.filter().search()))
			.param("named", search.applicantsNamed().stream().map(Uscc::value).toArray(String[]::new))
			.param("before", search.submittedBefore() == null ? null : Timestamp.from(search.submittedBefore()))
			.param("limit", search.limit())
			.query(PermitApplications::map)
			.list();
	}

	/** As many as the queue answered whole before it was paged; the most a page holds. */
	static final int QUEUED = PageRequest.MAX_LIMIT;

	/**
	 * The queue's order: under review before awaiting documents, then the earliest last day (none last), the earliest
	 * submitted, the reference (unique).
	 */
	private static final String QUEUED_BY = "a.status DESC, COALESCE(a.due_date, DATE '9999-12-31'), a.submitted_at, "
			+ "a.reference";

	/** One page of the agency's whole queue after the cursor, in the queue's order: keyset on it. */
	ListPage<PermitApplication> queueOf(AgencyCode agency, PageRequest page) {
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + COLUMNS + " FROM permit_application a LEFT JOIN permit p ON p.id = a.permit_id"
				+ " WHERE a.issuing_agency = :agency AND a.status IN ('UNDER_REVIEW', 'DOCUMENTS_REQUESTED')"
				+ (after == null ? "" : """
						 AND (a.status < :status OR (a.status = :status
						  AND (COALESCE(a.due_date, DATE '9999-12-31'), a.submitted_at, a.reference) > (:due, :at, :reference)))""")
				+ " ORDER BY " + QUEUED_BY + " LIMIT :limit")
			.param("agency", agency.value()).param("limit", page.rows());
		if (after != null) {
			QueuedAfter last = QueuedAfter.of(after);
			query = query.param("status", last.status()).param("due", last.due()).param("at", after.atUtc())
				.param("reference", last.reference());
		}
		return page.page(query.query(PermitApplications::map).list(), QueuedAfter::cursorOf);
	}

	/** Where a page of the queue ended: the last application's status, last day (none: 9999-12-31) and reference. */
	private record QueuedAfter(String status, LocalDate due, String reference) {

		private static final LocalDate NONE = LocalDate.of(9999, 12, 31);

		static Cursor cursorOf(PermitApplication last) {
			return new Cursor(last.submittedAt(), last.status().name() + ":"
					+ (last.dueDate() == null ? "" : last.dueDate().toString()) + ":" + last.reference());
		}

		/** @throws Problem 422 {@code CURSOR_INVALID} at {@code cursor} for a key no page of the queue handed out */
		static QueuedAfter of(Cursor cursor) {
			String[] parts = cursor.key().split(":", 3);
			if (parts.length == 3 && !parts[2].isEmpty()
					&& (parts[0].equals("UNDER_REVIEW") || parts[0].equals("DOCUMENTS_REQUESTED"))) {
				var due = parts[1].isEmpty() ? java.util.Optional.of(NONE) : Cursor.day(parts[1]);
				if (due.isPresent()) {
					return new QueuedAfter(parts[0], due.get(), parts[2]);
				}
			}
			throw Problem.invalidField("cursor", "CURSOR_INVALID");
		}
	}

	List<PermitApplication.Step> stepsOf(UUID applicationId) {
		return jdbc.sql("SELECT action, note, actor, at FROM permit_application_step WHERE application_id = ? ORDER BY at, action")
			.param(applicationId)
			.query((rs, i) -> new PermitApplication.Step(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	private static PermitApplication map(ResultSet rs, int i) throws SQLException {
		Timestamp signed = rs.getTimestamp("commitment_signed_at");
		Timestamp decided = rs.getTimestamp("decided_at");
		String goods = rs.getString("goods");
		return new PermitApplication(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getString("catalogue_code"), Uscc.parse(rs.getString("applicant_uscc")),
				PermitMode.valueOf(rs.getString("mode")), new AgencyCode(rs.getString("issuing_agency")),
				rs.getString("scope"), goods.isEmpty() ? List.of() : List.of(goods.split(",")),
				rs.getBigDecimal("requested_quantity"), rs.getString("quota_unit"), rs.getBigDecimal("requested_value"),
				CatalogueEntry.lines(rs.getString("documents")), rs.getString("commitment_signed_by"),
				signed == null ? null : signed.toInstant(), ApplicationStatus.valueOf(rs.getString("status")),
				rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
				rs.getObject("due_date", LocalDate.class), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("reason"), rs.getString("permit_number"),
				rs.getInt("version"));
	}
}
