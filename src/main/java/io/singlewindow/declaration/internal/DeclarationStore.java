package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Cursor;
import io.singlewindow.core.LikePattern;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.WorkQueueFilter;
import io.singlewindow.tariff.Assessment;

/** Reads declarations with their items, routes, tasks and timeline (one query per table, never per row). */
@Component
class DeclarationStore {

	private final JdbcClient jdbc;
	private final io.singlewindow.calendar.ZoneCalendar calendar;
	private final io.singlewindow.platform.BusinessTime time;

	DeclarationStore(JdbcClient jdbc, io.singlewindow.calendar.ZoneCalendar calendar,
			io.singlewindow.platform.BusinessTime time) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.time = time;
	}

	Optional<UUID> idByReference(String declarant, String clientReference) {
		return jdbc.sql("SELECT id FROM declaration WHERE declarant = ? AND client_reference = ?")
			.params(declarant, clientReference).query(UUID.class).optional();
	}

	/**
	 * The declaration submitted under {@code key}, else the one with {@code reference}: a repeat meets either (a
	 * client that lost its key sends the same reference under a new one).
	 */
	Optional<Keyed> byKeyOrReference(String declarant, String key, String reference) {
		return jdbc.sql("""
				SELECT id, CASE WHEN idempotency_key = ? THEN idempotency_key ELSE client_reference END AS name
				FROM declaration WHERE declarant = ? AND (idempotency_key = ? OR client_reference = ?)
				ORDER BY (idempotency_key = ?) IS TRUE DESC LIMIT 1""")
			.params(key, declarant, key, reference, key)
			.query((rs, n) -> new Keyed(rs.getObject("id", UUID.class), rs.getString("name")))
			.optional();
	}

	/** A declaration met under {@code name}: the key or the reference a repeat was sent under. */
	record Keyed(UUID id, String name) {
	}

	Optional<String> requestHash(UUID id) {
		return jdbc.sql("SELECT request_hash FROM declaration WHERE id = ?").param(id).query(String.class).optional();
	}

	Optional<UUID> idByNumber(String number) {
		return jdbc.sql("SELECT id FROM declaration WHERE number = ?").param(number).query(UUID.class).optional();
	}

	/**
	 * The declaration of this number with its status and direction as stored now, without a lock: whoever acts on them
	 * locks it and checks again.
	 */
	Optional<Standing> standingByNumber(String number) {
		return jdbc.sql("SELECT id, status, flow FROM declaration WHERE number = ?").param(number)
			.query((rs, n) -> new Standing(rs.getObject("id", UUID.class),
					DeclarationStatus.valueOf(rs.getString("status")), rs.getString("flow")))
			.optional();
	}

	record Standing(UUID id, DeclarationStatus status, String flow) {
	}

	/**
	 * One declaration with all its parts, read in one read-only transaction: one connection and one consistent view.
	 * The parts are read before the header, never from inside its row mapper, where each would have needed a second
	 * connection while the first was still held — under load every request then waited for a connection that only
	 * another waiting request could give back.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	Optional<DeclarationView> find(UUID id) {
		var items = items(id);
		var routes = routes(id);
		var tasks = tasks(id);
		var timeline = timeline(id);
		// Read only for a declaration its timeline says was corrected: no statement more for the others.
		var corrections = timeline.stream().anyMatch(e -> "CORRECTED".equals(e.event())) ? corrections(id)
				: List.<DeclarationView.Correction>of();
		java.math.BigDecimal settled = corrections.stream().filter(c -> c.difference() != null)
			.map(c -> c.difference().settledNet()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
		return jdbc.sql("SELECT * FROM declaration WHERE id = ?").param(id)
			.query((rs, n) -> header(rs, items, routes, tasks, timeline, corrections,
					DeclarationView.Duties.of(DeclarationStatus.valueOf(rs.getString("status")),
							DeclarationRows.duties(rs), settled, calendar.current(), time.today())))
			.optional();
	}

	/**
	 * What each of these declarations owes in duties and taxes and whether it is paid, for a list (one query); those
	 * that owe nothing are absent.
	 */
	java.util.Map<UUID, DeclarationView.Duties> duties(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		var calendarNow = calendar.current();
		LocalDate today = time.today();
		java.util.Map<UUID, DeclarationView.Duties> owed = new java.util.HashMap<>();
		// What the corrections' own notices settled counts once a declaration is cancelled (what is owed back), as on
		// the declaration itself: read only for a cancelled one.
		jdbc.sql("""
				SELECT id, status, %s,
				       CASE WHEN status = 'CANCELLED' THEN (SELECT coalesce(sum(c.taxes_after - c.taxes_before), 0)
				           FROM declaration_correction c WHERE c.declaration_id = declaration.id AND c.settled_apart
				             AND c.settled_at IS NOT NULL) ELSE 0 END AS settled_differences
				FROM declaration WHERE id = ANY(?)""".formatted(DeclarationRows.DUTIES_COLUMNS))
			.param(ids.toArray(UUID[]::new))
			.query(rs -> {
				DeclarationView.Duties duties = DeclarationView.Duties.of(DeclarationStatus.valueOf(rs.getString("status")),
						DeclarationRows.duties(rs), rs.getBigDecimal("settled_differences"), calendarNow, today);
				if (duties != null) {
					owed.put(rs.getObject("id", UUID.class), duties);
				}
			});
		return owed;
	}

	/** Its corrections after clearance, oldest first, each with its lines. */
	List<DeclarationView.Correction> corrections(UUID id) {
		java.util.Map<UUID, List<DeclarationView.CorrectedLine>> lines = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT l.* FROM declaration_correction_line l JOIN declaration_correction c ON c.id = l.correction_id
				WHERE c.declaration_id = ? ORDER BY l.line_no""")
			.param(id)
			.query((rs, n) -> lines.computeIfAbsent(rs.getObject("correction_id", UUID.class),
					k -> new java.util.ArrayList<>())
				.add(new DeclarationView.CorrectedLine(rs.getInt("line_no"), rs.getBigDecimal("value_before"),
						rs.getBigDecimal("value_after"), rs.getBigDecimal("customs_value_before"),
						rs.getBigDecimal("customs_value_after"), rs.getBigDecimal("taxes_before"),
						rs.getBigDecimal("taxes_after"))))
			.list();
		var calendarNow = calendar.current();
		LocalDate today = time.today();
		return jdbc.sql("SELECT * FROM declaration_correction WHERE declaration_id = ? ORDER BY corrected_at, id")
			.param(id)
			.query((rs, n) -> {
				UUID correction = rs.getObject("id", UUID.class);
				java.math.BigDecimal before = rs.getBigDecimal("taxes_before");
				java.math.BigDecimal after = rs.getBigDecimal("taxes_after");
				return new DeclarationView.Correction(correction, rs.getString("corrected_by"),
						instant(rs, "corrected_at"), rs.getString("reason"), rs.getBigDecimal("customs_value_before"),
						rs.getBigDecimal("customs_value_after"), before, after, after.subtract(before),
						List.copyOf(lines.getOrDefault(correction, List.of())),
						DeclarationView.Difference.of(DeclarationRows.taxDifference(rs), calendarNow, today));
			})
			.list();
	}

	/** The declarations of these declarants, newest first, without their details. */
	List<Summary> listFor(List<String> declarants, int limit) {
		return listFor(declarants, PageRequest.first(limit)).rows();
	}

	/** The declarations of these declarants, newest first, one page after the cursor (keyset on submission time, id). */
	ListPage<Summary> listFor(List<String> declarants, PageRequest page) {
		return listFor(declarants, DeclarationSearch.ANY, page);
	}

	/**
	 * The declarations of these declarants that match the search, newest first, one page after the cursor (keyset on
	 * submission time, id; the search narrows the rows of the declarants' index).
	 */
	ListPage<Summary> listFor(List<String> declarants, DeclarationSearch search, PageRequest page) {
		if (declarants.isEmpty()) {
			return new ListPage<>(List.of(), null);
		}
		ListPage<Summary> listed = page.page(listed("""
				SELECT id, number, declarant, flow, status, submitted_at, updated_at, client_reference, submitted_by,
				       CASE WHEN status = 'QUERIED' THEN (SELECT min(t.answer_due) FROM agency_task t
				           WHERE t.declaration_id = declaration.id AND t.status = 'QUERIED') END AS answer_by
				FROM declaration""", declarants, search, page.after(), page.rows())
			.query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("number"),
					rs.getString("declarant"), rs.getString("flow"), DeclarationStatus.valueOf(rs.getString("status")),
					instant(rs, "submitted_at"), instant(rs, "updated_at"), rs.getString("client_reference"),
					rs.getString("submitted_by"), rs.getObject("answer_by", LocalDate.class), null))
			.list(), s -> new Cursor(s.submittedAt(), s.id().toString()));
		// What each owes and by when, in one read for the page: an importer finds the duties it must still pay.
		java.util.Map<UUID, DeclarationView.Duties> owed = duties(listed.rows().stream().map(Summary::id).toList());
		return listed.map(s -> s.withDuties(owed.get(s.id())));
	}

	/** A declaration as its declarant's spreadsheet of them lists it: what it is, where it stands, what it owes. */
	record Listed(UUID id, String number, String clientReference, String declarant, String flow, String tradeMode,
			DeclarationStatus status, Instant submittedAt, Instant clearedAt, Instant releasedAt,
			java.math.BigDecimal totalCustomsValue, java.math.BigDecimal totalDuty, java.math.BigDecimal totalExcise,
			java.math.BigDecimal totalVat, java.math.BigDecimal totalTaxes, java.math.BigDecimal totalRemedy) {
	}

	/** Up to {@code rows} of what {@link #listFor} finds, after {@code after} (null: from the newest), with totals. */
	List<Listed> listedFor(List<String> declarants, DeclarationSearch search, Cursor after, int rows) {
		if (declarants.isEmpty()) {
			return List.of();
		}
		return listed("""
				SELECT id, number, client_reference, declarant, flow, trade_mode, status, submitted_at, cleared_at,
				       released_at, total_customs_value, total_duty, total_excise, total_vat, total_taxes, total_remedy
				FROM declaration""", declarants, search, after, rows)
			.query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getString("number"),
					rs.getString("client_reference"), rs.getString("declarant"), rs.getString("flow"),
					rs.getString("trade_mode"), DeclarationStatus.valueOf(rs.getString("status")),
					instant(rs, "submitted_at"), instant(rs, "cleared_at"), instant(rs, "released_at"),
					rs.getBigDecimal("total_customs_value"), rs.getBigDecimal("total_duty"),
					rs.getBigDecimal("total_excise"), rs.getBigDecimal("total_vat"), rs.getBigDecimal("total_taxes"),
					rs.getBigDecimal("total_remedy")))
			.list();
	}

	/**
	 * {@code select} narrowed to the declarants' declarations that match the search, newest first, after the cursor
	 * (keyset on submission time, id), at most {@code rows}: the search narrows the rows of the declarants' index.
	 */
	private JdbcClient.StatementSpec listed(String select, List<String> declarants, DeclarationSearch search,
			Cursor after, int rows) {
		String pattern = search.pattern();
		var query = jdbc.sql(select + " WHERE declarant IN (:d)"
				+ (after == null ? "" : " AND (submitted_at, id) < (:at, :id)")
				+ (pattern == null ? ""
						: " AND (lower(number) LIKE :pattern ESCAPE '\\' OR lower(client_reference) LIKE :pattern ESCAPE '\\'"
								// an enterprise with several operators finds what one of them declared by their name
								+ " OR lower(submitted_by) = :text)")
				+ (search.status() == null ? "" : " AND status = :status")
				+ (search.from() == null ? "" : " AND submitted_at >= :from")
				+ (search.to() == null ? "" : " AND submitted_at < :before")
				+ " ORDER BY submitted_at DESC, id DESC LIMIT :limit")
			.param("d", declarants).param("limit", rows);
		if (after != null) {
			query = query.param("at", after.atUtc()).param("id", after.id());
		}
		if (pattern != null) {
			query = query.param("pattern", pattern).param("text", search.text());
		}
		if (search.status() != null) {
			query = query.param("status", search.status().name());
		}
		if (search.from() != null) {
			query = query.param("from", Timestamp.from(search.submittedFrom()));
		}
		if (search.to() != null) {
			query = query.param("before", Timestamp.from(search.submittedBefore()));
		}
		return query;
	}

	/**
	 * An agency's open tasks in one status with what {@link #queueEntry} reads: the task, its declaration, how many
	 * documents the declarant attached and how many came after the agency's last question.
	 */
	private static final String QUEUE = """
				SELECT t.id AS task_id, t.declaration_id, d.number, d.declarant, d.flow, d.channel, t.policy_code,
				       t.note, t.answer, t.answer_due, t.created_at, t.version, t.status,
				       CASE WHEN t.status = 'QUERIED' THEN t.decided_at END AS asked_at,
				       (SELECT count(*) FROM declaration_document dd WHERE dd.declaration_id = t.declaration_id) AS documents,
				       (SELECT count(*) FROM declaration_document dd WHERE dd.declaration_id = t.declaration_id
				          AND dd.attached_at > (SELECT max(e.at) FROM declaration_event e WHERE e.declaration_id = t.declaration_id
				                                AND e.event = 'QUERIED' AND e.agency = t.agency)) AS documents_since_question
				FROM agency_task t JOIN declaration d ON d.id = t.declaration_id
				WHERE t.agency = :agency AND t.status = :status AND d.status IN ('UNDER_REVIEW', 'QUERIED')""";

	/**
	 * An agency's tasks in one status — {@code PENDING} (its officers decide) or {@code QUERIED} (the declarant
	 * answers) — of declarations still open, longest waiting first: one page after the cursor (keyset on the task's
	 * creation, id).
	 */
	/**
	 * Since when a task in {@code status} waits: for the declarant's answer since the question was asked, for the agency
	 * since it was routed (before 2026-12-03 a queried task's age was counted from routing too, so a question asked
	 * today about a declaration routed last week was listed as waiting a week). The routing time as a plain column, so
	 * that the pending queue is still read in the order of its index ({@code agency_task_queue}).
	 */
	private static String waitingSince(TaskStatus status) {
		return status == TaskStatus.QUERIED ? "COALESCE(t.decided_at, t.created_at)" : "t.created_at";
	}

	ListPage<QueueEntry> queue(String agency, TaskStatus status, PageRequest page) {
		Cursor after = page.after();
		var query = jdbc.sql(QUEUE
				+ (after == null ? "" : " AND (t.created_at, t.id) > (:at, :id)") + " ORDER BY t.created_at, t.id LIMIT :limit")
			.param("agency", agency).param("status", status.name()).param("limit", page.rows());
		if (after != null) {
			query = query.param("at", after.atUtc()).param("id", after.id());
		}
		return page.page(query.query(DeclarationStore::queueEntry).list(),
				e -> new Cursor(e.createdAt(), e.taskId().toString()));
	}

	private static QueueEntry queueEntry(ResultSet rs, int n) throws SQLException {
		return new QueueEntry(rs.getObject("task_id", UUID.class), rs.getObject("declaration_id", UUID.class),
				rs.getString("number"), rs.getString("declarant"), rs.getString("flow"), rs.getString("channel"),
				rs.getString("policy_code"), rs.getString("note"), rs.getString("answer"),
				rs.getObject("answer_due", LocalDate.class), rs.getInt("documents"), rs.getInt("documents_since_question"),
				instant(rs, "created_at"), instant(rs, "asked_at"), rs.getInt("version"));
	}

	/**
	 * An officer's narrowing of a work queue as the database applies it, so that an entry beyond the first
	 * {@code limit} is still found by its number or its declarant: the declaration's number or the declarant's USCC
	 * contains {@code filter}'s search, or the declarant is one of {@code declarantsNamed} (the enterprises whose names
	 * contain it); the entry has waited since before {@code waitingBefore} (any, when {@literal null}); longest waiting
	 * first unless the newest are asked for (an order by name is the page's, over the entries read).
	 */
	record QueueSearch(WorkQueueFilter filter, Collection<Uscc> declarantsNamed, Instant waitingBefore, int limit) {

		private <S extends JdbcClient.StatementSpec> S bound(S query) {
			query.param("like", LikePattern.containing(filter.search()))
				.param("named", declarantsNamed.stream().map(Uscc::value).toArray(String[]::new))
				.param("before", waitingBefore == null ? null : Timestamp.from(waitingBefore))
				.param("limit", limit);
			return query;
		}

		private String direction() {
			return WorkQueueFilter.NEWEST.equals(filter.order()) ? "DESC" : "ASC";
		}
	}

	/**
	 * An agency's tasks in one status of declarations still open, narrowed by {@code search} and, when not empty, to
	 * one risk channel ({@code channel}: only for those who may see it).
	 */
	List<QueueEntry> queue(String agency, TaskStatus status, String channel, QueueSearch search) {
		return search.bound(jdbc.sql(QUEUE + """
				  AND (lower(d.number) LIKE :like OR lower(d.declarant) LIKE :like OR d.declarant = ANY(:named))
				  AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR %2$s < :before)
				  AND (:channel = '' OR d.channel = :channel)
				ORDER BY %2$s %1$s, t.id %1$s LIMIT :limit""".formatted(search.direction(), waitingSince(status)))
			.param("agency", agency).param("status", status.name()).param("channel", channel))
			.query(DeclarationStore::queueEntry)
			.list();
	}

	/**
	 * Customs' second list: cleared declarations whose goods wait to be released (since their clearance), narrowed
	 * by {@code search}.
	 */
	List<Summary> awaitingRelease(QueueSearch search) {
		return waitingForCustoms("status = 'CLEARED'", "cleared_at", search);
	}

	/**
	 * Customs' third list: cleared or released declarations whose declarants applied for their cancellation (since the
	 * application), narrowed by {@code search}.
	 */
	List<Summary> cancellationApplied(QueueSearch search) {
		return waitingForCustoms("cancellation_applied_at IS NOT NULL", "cancellation_applied_at", search);
	}

	/**
	 * Customs' fourth list: cleared or released declarations whose declarants applied for a correction of their values
	 * (since the application), narrowed by {@code search}.
	 */
	List<Summary> correctionApplied(QueueSearch search) {
		return waitingForCustoms("correction_applied_at IS NOT NULL", "correction_applied_at", search);
	}

	/**
	 * Customs' fifth list: declarations released (or cleared) against a guarantee whose duties are still unpaid after
	 * their last day — customs takes them from the guarantee (从担保中抵缴) — since their clearance, narrowed by
	 * {@code search}. Not one whose first notice a correction left at nothing (its guarantee is returned).
	 */
	List<Summary> guaranteesToEnforce(QueueSearch search) {
		Condition enforceable = guaranteesEnforceable();
		return waitingForCustoms(enforceable.sql(), "cleared_at", search, enforceable.values());
	}

	/** A condition on declaration rows with the values of its own parameters. */
	private record Condition(String sql, java.util.Map<String, ?> values) {
	}

	/** The declarations of customs' fifth list ({@link #guaranteesToEnforce}), as a condition on their rows. */
	private Condition guaranteesEnforceable() {
		// Cleared before the start of the day after the last notice day whose last day to pay is past: the last day
		// grows with the notice's day, so every declaration cleared before is overdue and none after it is.
		LocalDate today = time.today();
		var calendarNow = calendar.current();
		LocalDate notice = today.minusDays(DutyPaymentTerms.DAYS + 1L);
		while (!DutyPaymentTerms.payBy(notice, calendarNow).isBefore(today)) {
			notice = notice.minusDays(1);
		}
		Timestamp clearedBefore = Timestamp
			.from(notice.plusDays(1).atStartOfDay(io.singlewindow.platform.BusinessTime.ZONE).toInstant());
		// Under summary payment the month's statement's last day counts too, if later: the months before the first
		// whose statement is not yet overdue.
		java.time.YearMonth month = java.time.YearMonth.from(today);
		while (!DutyPaymentTerms.statementPayBy(month, calendarNow).isBefore(today)) {
			month = month.minusMonths(1);
		}
		Timestamp statementsBefore = Timestamp.from(
				month.plusMonths(1).atDay(1).atStartOfDay(io.singlewindow.platform.BusinessTime.ZONE).toInstant());
		return new Condition("""
				duties_guarantee_at IS NOT NULL AND duties_recorded_at IS NULL AND status IN ('CLEARED', 'RELEASED')
				  AND cleared_at < :clearedBefore AND total_taxes - taxes_settled_apart > 0
				  AND (NOT duties_guarantee_summary OR cleared_at < :statementsBefore)""",
				java.util.Map.of("clearedBefore", clearedBefore, "statementsBefore", statementsBefore));
	}

	/**
	 * What waits for an agency's officers, as their home page counts it: its tasks pending on open declarations and
	 * since when the longest has waited ({@literal null} when none waits), and its questions whose answer-by day is
	 * before {@code today} (read off {@code agency_task_queue} and {@code agency_task_queried}).
	 */
	record AgencyBacklog(long pending, Instant longestWaitingSince, long answersLate) {
	}

	AgencyBacklog backlog(String agency, LocalDate today) {
		return jdbc.sql("""
				SELECT count(*) AS pending, min(t.created_at) AS longest,
				       (SELECT count(*) FROM agency_task q JOIN declaration qd ON qd.id = q.declaration_id
				        WHERE q.agency = :agency AND q.status = 'QUERIED' AND q.answer_due < :today
				          AND qd.status IN ('UNDER_REVIEW', 'QUERIED')) AS late
				FROM agency_task t JOIN declaration d ON d.id = t.declaration_id
				WHERE t.agency = :agency AND t.status = 'PENDING' AND d.status IN ('UNDER_REVIEW', 'QUERIED')""")
			.param("agency", agency).param("today", today)
			.query((rs, n) -> new AgencyBacklog(rs.getLong("pending"), instant(rs, "longest"), rs.getLong("late")))
			.single();
	}

	/**
	 * Customs' lists beside its tasks, counted for its officers' home page: applications to cancel, applications to
	 * correct, guarantees to call on. Not the release list: no index narrows it to the cleared declarations (a count
	 * would read the whole table on every view of the page), and its queue page shows it.
	 */
	record CustomsBacklog(long cancellations, long corrections, long guaranteesToEnforce) {
	}

	CustomsBacklog customsBacklog() {
		Condition enforceable = guaranteesEnforceable();
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM declaration WHERE cancellation_applied_at IS NOT NULL) AS cancellations,
				       (SELECT count(*) FROM declaration WHERE correction_applied_at IS NOT NULL) AS corrections,
				       (SELECT count(*) FROM declaration WHERE %s) AS guarantees""".formatted(enforceable.sql()))
			.params(enforceable.values())
			.query((rs, n) -> new CustomsBacklog(rs.getLong("cancellations"), rs.getLong("corrections"),
					rs.getLong("guarantees")))
			.single();
	}

	/**
	 * The declarants' declarations that wait for their answer to a question, counted for their home page: how many,
	 * the earliest day an answer is asked by ({@literal null} when none) and how many wait past it on {@code today}.
	 * Read from the zone's questions open ({@code agency_task_queried}: few at any time), not from the declarants'
	 * declarations, which grow with every day they declare.
	 */
	record Queried(long declarations, LocalDate earliestAnswerBy, long late) {
	}

	Queried queried(List<String> declarants, LocalDate today) {
		if (declarants.isEmpty()) {
			return new Queried(0, null, 0);
		}
		return jdbc.sql("""
				SELECT count(*) AS declarations, min(answer_by) AS earliest,
				       count(*) FILTER (WHERE answer_by < :today) AS late
				FROM (SELECT t.declaration_id, min(t.answer_due) AS answer_by
				      FROM agency_task t JOIN declaration d ON d.id = t.declaration_id
				      WHERE t.status = 'QUERIED' AND d.status = 'QUERIED' AND d.declarant IN (:declarants)
				      GROUP BY t.declaration_id) AS asked""")
			.param("declarants", declarants).param("today", today)
			.query((rs, n) -> new Queried(rs.getLong("declarations"), rs.getObject("earliest", LocalDate.class),
					rs.getLong("late")))
			.single();
	}

	/** Declarations that meet {@code condition}, waiting for customs since {@code since} (both the code's constants). */
	private List<Summary> waitingForCustoms(String condition, String since, QueueSearch search) {
		return waitingForCustoms(condition, since, search, java.util.Map.of());
	}

	/** As above, with the values of the condition's own parameters. */
	private List<Summary> waitingForCustoms(String condition, String since, QueueSearch search,
			java.util.Map<String, ?> values) {
		return search.bound(jdbc.sql("""
				SELECT id, number, declarant, flow, status, submitted_at, %2$s AS updated_at, client_reference,
				       submitted_by
				FROM declaration WHERE %1$s
				  AND (lower(number) LIKE :like OR lower(declarant) LIKE :like OR declarant = ANY(:named))
				  AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR %2$s < :before)
				ORDER BY %2$s %3$s, id %3$s LIMIT :limit""".formatted(condition, since, search.direction()))
			.params(values))
			.query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("number"),
					rs.getString("declarant"), rs.getString("flow"), DeclarationStatus.valueOf(rs.getString("status")),
					instant(rs, "submitted_at"), instant(rs, "updated_at"), rs.getString("client_reference"),
					rs.getString("submitted_by"), null, null))
			.list();
	}

	/**
	 * A declaration in a list; {@code answerBy}, while it is queried, is the earliest day by which its declarant is
	 * asked to answer (in the declarant's own list; none in an officer's).
	 *
	 * @param duties in the declarant's own list, what it owes in duties and taxes as the declaration shows it
	 *     ({@literal null} before its clearance and where it owes nothing; none in an officer's list, which reads them
	 *     itself)
	 */
	record Summary(UUID id, String number, String declarant, String flow, DeclarationStatus status,
			Instant submittedAt, Instant updatedAt, String clientReference, String submittedBy, LocalDate answerBy,
			DeclarationView.Duties duties) {

		Summary withDuties(DeclarationView.Duties owed) {
			return new Summary(id, number, declarant, flow, status, submittedAt, updatedAt, clientReference, submittedBy,
					answerBy, owed);
		}

		/** Whether an answer is late on {@code today} (a page passes the zone's day). */
		public boolean answerOverdueOn(LocalDate today) {
			return AnswerDeadline.overdue(answerBy, today);
		}

		/** The declarant's own reference as it gave it; {@literal null} for one the platform made up. */
		public String ownReference() {
			return Declarations.ownReference(clientReference);
		}
	}

	/**
	 * An open task in an agency's queue; {@code answerBy} is the day a queried declarant answers by; {@code documents}
	 * is how many supporting documents its declarant has attached, {@code documentsSinceQuestion} how many of them
	 * came after the agency last asked a question (an officer who asked for a certificate sees that one came, and that
	 * it is new).
	 */
	record QueueEntry(UUID taskId, UUID declarationId, String number, String declarant, String flow, String channel,
			String policyCode, String note, String answer, LocalDate answerBy, int documents,
			int documentsSinceQuestion, Instant createdAt, Instant askedAt, int version) {

		/** Whether the declarant's answer is late on {@code today} (a page passes the zone's day). */
		public boolean answerOverdueOn(LocalDate today) {
			return AnswerDeadline.overdue(answerBy, today);
		}

		/** Since when it waits: for the declarant's answer since the question ({@code askedAt}), else since routing. */
		public Instant waitingSince() {
			return askedAt != null ? askedAt : createdAt;
		}
	}

	List<DeclarationView.Item> items(UUID id) {
		return jdbc.sql("SELECT * FROM declaration_item WHERE declaration_id = ? ORDER BY line_no").param(id)
			.query((rs, n) -> new DeclarationView.Item(rs.getInt("line_no"), rs.getString("hs_code"),
					rs.getString("description"), rs.getBigDecimal("quantity"), rs.getString("unit"),
					rs.getBigDecimal("statistical_quantity"), rs.getBigDecimal("value"), rs.getString("origin"),
					rs.getString("permit_number"), rs.getString("certificate_agreement"),
					rs.getString("certificate_number"), rs.getString("tariff_quota_certificate"), rs.getString("producer"),
					rs.getBigDecimal("customs_value_cny"),
					rs.getString("rate_basis"), rs.getBigDecimal("duty_rate"), rs.getBigDecimal("duty"),
					rs.getBigDecimal("excise_rate"), rs.getBigDecimal("excise"), rs.getBigDecimal("vat_rate"),
					rs.getBigDecimal("vat"),
					rs.getString("steps") == null ? List.of() : Arrays.asList(rs.getString("steps").split("\n")),
					perUnit(rs), rs.getBigDecimal("remedy_rate") == null ? null
							: rs.getBigDecimal("remedy_rate").stripTrailingZeros(), rs.getBigDecimal("remedy")))
			.list();
	}

	/** What a line was assessed at per unit of quantity, as stored; {@literal null} for a line assessed ad valorem. */
	private static Assessment.PerUnit perUnit(ResultSet rs) throws SQLException {
		BigDecimal quantity = rs.getBigDecimal("per_unit_quantity");
		return quantity == null ? null : new Assessment.PerUnit(Assessment.PerUnit.asStated(
				rs.getBigDecimal("duty_per_unit")), Assessment.PerUnit.asStated(rs.getBigDecimal("excise_per_unit")),
				quantity, rs.getString("per_unit_unit"));
	}

	List<DeclarationView.Route> routes(UUID id) {
		return jdbc.sql("""
				SELECT line_no, agency, rule_code, reason FROM declaration_route WHERE declaration_id = ?
				ORDER BY line_no, agency, rule_code""").param(id)
			.query((rs, n) -> new DeclarationView.Route(rs.getInt("line_no"), rs.getString("agency"),
					rs.getString("rule_code"), rs.getString("reason")))
			.list();
	}

	List<DeclarationView.Task> tasks(UUID id) {
		return jdbc.sql("SELECT * FROM agency_task WHERE declaration_id = ? ORDER BY agency").param(id)
			.query(DeclarationStore::task).list();
	}

	Optional<TaskRow> task(UUID taskId) {
		return jdbc.sql("SELECT * FROM agency_task WHERE id = ?").param(taskId)
			.query((rs, n) -> new TaskRow(rs.getObject("declaration_id", UUID.class), task(rs, n))).optional();
	}

	record TaskRow(UUID declarationId, DeclarationView.Task task) {
	}

	static DeclarationView.Task task(ResultSet rs, int n) throws SQLException {
		return new DeclarationView.Task(rs.getObject("id", UUID.class), rs.getString("agency"),
				TaskStatus.valueOf(rs.getString("status")), rs.getString("policy_code"), rs.getString("note"),
				rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("reason"), rs.getString("answer"),
				rs.getObject("answer_due", LocalDate.class), rs.getInt("version"));
	}

	List<DeclarationView.Event> timeline(UUID id) {
		return jdbc.sql("SELECT * FROM declaration_event WHERE declaration_id = ? ORDER BY seq").param(id)
			.query((rs, n) -> new DeclarationView.Event(instant(rs, "at"), rs.getString("event"),
					rs.getString("agency"), rs.getString("actor"), rs.getString("reason_code"),
					rs.getString("reason")))
			.list();
	}

	private static DeclarationView header(ResultSet rs, List<DeclarationView.Item> items,
			List<DeclarationView.Route> routes, List<DeclarationView.Task> tasks, List<DeclarationView.Event> timeline,
			List<DeclarationView.Correction> corrections, DeclarationView.Duties duties) throws SQLException {
		DeclarationStatus status = DeclarationStatus.valueOf(rs.getString("status"));
		// A question left open when the declaration was rejected or withdrawn is answered by nobody: no date to meet.
		List<DeclarationView.Task> shownTasks = status.open() ? tasks
				: tasks.stream().map(DeclarationView.Task::withoutAnswerDate).toList();
		return new DeclarationView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("declarant"),
				rs.getString("client_reference"), rs.getString("flow"), rs.getString("trade_mode"),
				rs.getString("transport_mode"), rs.getString("port"), rs.getString("origin_country"),
				rs.getString("destination_country"), rs.getString("trading_country"), rs.getString("currency"),
				rs.getString("incoterm"), rs.getBigDecimal("freight"), rs.getBigDecimal("insurance"),
				rs.getInt("packages"), rs.getBigDecimal("gross_weight"), rs.getBigDecimal("net_weight"),
				rs.getString("consignor"), rs.getString("consignee"),
				status, rs.getString("channel"),
				rs.getString("channel_reason_code"), rs.getString("channel_reason"), rs.getBigDecimal("exchange_rate"),
				rs.getBigDecimal("total_customs_value"), rs.getBigDecimal("total_duty"),
				rs.getBigDecimal("total_excise"), rs.getBigDecimal("total_vat"), rs.getBigDecimal("total_taxes"),
				rs.getBigDecimal("exchange_rate") == null ? null
						: io.singlewindow.tariff.Assessment.Waived.of(rs.getBigDecimal("duty_waived"),
								rs.getBigDecimal("excise_waived"), rs.getBigDecimal("vat_waived")),
				rs.getString("submitted_by"), instant(rs, "submitted_at"), instant(rs, "updated_at"),
				instant(rs, "cleared_at"), instant(rs, "released_at"), rs.getInt("version"), items, routes, shownTasks,
				timeline, rs.getTimestamp("cancellation_applied_at") == null ? null
						: new DeclarationView.CancellationApplication(rs.getString("cancellation_applied_by"),
								instant(rs, "cancellation_applied_at"), rs.getString("cancellation_reason")),
				status.cancellable() || corrections.isEmpty() ? corrections
						: corrections.stream().map(DeclarationView.Correction::cancelled).toList(),
				rs.getTimestamp("correction_applied_at") == null ? null
						: new DeclarationView.CorrectionApplication(rs.getString("correction_applied_by"),
								instant(rs, "correction_applied_at"), rs.getString("correction_reason"),
								ValueCorrections.fromStored(rs.getString("correction_values")).entrySet().stream()
									.map(e -> new CorrectedValue(e.getKey(), e.getValue())).toList()),
				duties, rs.getBigDecimal("total_remedy"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
