package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Cursor;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.permit.PermitIssued;
import io.singlewindow.platform.BusinessTime;

/** Issued permits: issuing them, reading them, and their history. */
@Component
class IssuedPermits {

	private static final Logger log = LoggerFactory.getLogger(IssuedPermits.class);

	static final String COLUMNS = """
			p.id, p.number, p.catalogue_code, p.holder_uscc, p.application_id, p.scope, p.valid_from, p.valid_until,
			p.status, p.status_reason, p.quota_quantity, p.quota_unit, p.remaining_quantity, p.quota_value,
			p.remaining_value, p.verification_due, p.post_issue_review, p.verified_at, p.verified_by, p.issued_at, p.issued_by, p.version""";

	private final JdbcClient jdbc;
	private final BusinessTime time;
	private final ApplicationEventPublisher events;

	IssuedPermits(JdbcClient jdbc, BusinessTime time, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.time = time;
		this.events = events;
	}

	/**
	 * What to issue.
	 *
	 * @param goods HS prefixes the permit is granted for; empty for the entry's whole scope
	 * @param quotaQuantity quantity quota in the entry's unit, for entries with a quantity quota
	 * @param quotaValue value quota in CNY, for entries with a value quota
	 */
	record Grant(CatalogueEntry entry, Uscc holder, UUID applicationId, String scope, List<String> goods,
			BigDecimal quotaQuantity, BigDecimal quotaValue, LocalDate validFrom, String issuedBy) {
	}

	/** Issues a permit under a new number and records it in the holder's history. Joins the caller's transaction. */
	@Transactional
	IssuedPermit issue(Grant grant) {
		CatalogueEntry entry = grant.entry();
		UUID id = UUID.randomUUID();
		long seq = jdbc.sql("SELECT nextval('permit_number_seq')").query(Long.class).single();
		// Locale.ROOT: ASCII digits whatever the server's locale (ServerLocaleIntegrationTests).
		String number = String.format(Locale.ROOT, "%s-%d-%06d", entry.code(), grant.validFrom().getYear(), seq);
		LocalDate validUntil = entry.validUntil(grant.validFrom());
		LocalDate verificationDue = entry.mode() == PermitMode.NOTIFICATION_COMMITMENT
				? grant.validFrom().plusDays(entry.verificationDays()) : null;
		BigDecimal quantity = entry.quotaKind() == QuotaKind.QUANTITY ? grant.quotaQuantity() : null;
		BigDecimal value = entry.quotaKind() == QuotaKind.VALUE ? grant.quotaValue() : null;
		Instant now = time.now();
		jdbc.sql("""
				INSERT INTO permit (id, number, catalogue_code, holder_uscc, application_id, scope, valid_from, valid_until,
				    status, quota_quantity, quota_unit, remaining_quantity, quota_value, remaining_value, verification_due,
				    post_issue_review, issued_at, issued_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'IN_FORCE', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, number, entry.code(), grant.holder().value(), grant.applicationId(),
					grant.scope() == null ? "" : grant.scope(), grant.validFrom(), validUntil, quantity,
					quantity == null ? null : entry.quotaUnit(), quantity, value, value, verificationDue,
					entry.mode().issuesOnSubmission(), Timestamp.from(now), grant.issuedBy())
			.update();
		for (String prefix : grant.goods()) {
			jdbc.sql("INSERT INTO permit_goods (permit_id, hs_prefix) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(id, prefix)
				.update();
		}
		recordHistory(id, grant.holder(), "ISSUED", null, grant.issuedBy());
		events.publishEvent(new PermitIssued(number, entry.code(), grant.holder(), entry.issuingAgency(),
				entry.mode().name(), grant.validFrom(), validUntil));
		log.info("event=permit_issued number={} catalogue={} holder={} mode={}", number, entry.code(),
				grant.holder().value(), entry.mode());
		return get(number);
	}

	void recordHistory(UUID permitId, Uscc holder, String action, String reason, String actor) {
		jdbc.sql("INSERT INTO permit_history (id, permit_id, holder_uscc, action, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), permitId, holder.value(), action, reason, actor, Timestamp.from(time.now()))
			.update();
	}

	Optional<IssuedPermit> find(String number) {
		return one("WHERE p.number = ?", number, false);
	}

	/** The permits of these numbers that exist, in one statement. */
	List<IssuedPermit> findAll(java.util.Collection<String> numbers) {
		return many("WHERE p.number = ANY(?::text[])", (Object) numbers.toArray(String[]::new));
	}

	/**
	 * Reads the permits and locks their rows until the transaction ends, in the order of their numbers (rows are
	 * locked as the sorted rows are returned), so that two transactions locking overlapping sets never deadlock.
	 */
	List<IssuedPermit> lockAll(java.util.Collection<String> numbers) {
		return many("WHERE p.number = ANY(?::text[]) ORDER BY p.number FOR UPDATE OF p",
				(Object) numbers.toArray(String[]::new));
	}

	/** @throws Problem 404 {@code PERMIT_NOT_FOUND} */
	IssuedPermit get(String number) {
		return find(number).orElseThrow(() -> Problem.notFound("PERMIT_NOT_FOUND", number));
	}

	/** Reads the permit and locks its row until the transaction ends: writers of one permit queue up here. */
	Optional<IssuedPermit> lock(String number) {
		return one("WHERE p.number = ?", number, true);
	}

	/** Of some holders' permits in force, those whose validity ends within a span of days: how many, the first day. */
	record Expiring(long permits, LocalDate first) {
	}

	/**
	 * The permits in force of {@code holders} whose last valid day is between {@code from} and {@code until}, both
	 * included, off {@code permit_holder_expiry_idx}.
	 */
	Expiring expiringOf(java.util.Collection<Uscc> holders, LocalDate from, LocalDate until) {
		if (holders.isEmpty()) {
			return new Expiring(0, null);
		}
		return jdbc.sql("""
				SELECT count(*), min(valid_until) FROM permit
				WHERE holder_uscc IN (:holders) AND status = 'IN_FORCE' AND valid_until BETWEEN :from AND :until""")
			.param("holders", holders.stream().map(Uscc::value).toList())
			.param("from", from)
			.param("until", until)
			.query((rs, n) -> new Expiring(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.single();
	}

	/**
	 * How many permits in force today of {@code holders} have {@code percent} per cent or less of their granted quota
	 * left (quantity or value; a permit without a quota never counts), off {@code permit_holder_idx}.
	 */
	long nearlyUsedOf(java.util.Collection<Uscc> holders, LocalDate today, int percent) {
		if (holders.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				SELECT count(*) FROM permit
				WHERE holder_uscc IN (:holders) AND status = 'IN_FORCE' AND valid_from <= :today
				  AND (valid_until IS NULL OR valid_until >= :today)
				  AND (remaining_quantity * 100 <= quota_quantity * :percent
				       OR remaining_value * 100 <= quota_value * :percent)""")
			.param("holders", holders.stream().map(Uscc::value).toList())
			.param("today", today)
			.param("percent", percent)
			.query(Long.class)
			.single();
	}

	List<IssuedPermit> heldBy(Uscc holder) {
		return many("WHERE p.holder_uscc = ? ORDER BY p.issued_at DESC, p.number DESC", holder.value());
	}

	/** One page of {@link #heldBy(Uscc)} after the cursor (keyset on the issue time, the number). */
	ListPage<IssuedPermit> heldBy(Uscc holder, PageRequest page) {
		Cursor after = page.after();
		List<IssuedPermit> read = after == null
				? many("WHERE p.holder_uscc = ? ORDER BY p.issued_at DESC, p.number DESC LIMIT ?", holder.value(),
						page.rows())
				: many("WHERE p.holder_uscc = ? AND (p.issued_at, p.number) < (?, ?) ORDER BY p.issued_at DESC, "
						+ "p.number DESC LIMIT ?", holder.value(), after.atUtc(), after.key(), page.rows());
		return page.page(read, p -> new Cursor(p.issuedAt(), p.number()));
	}

	private Optional<IssuedPermit> one(String where, Object param, boolean forUpdate) {
		var rows = many(where + (forUpdate ? " FOR UPDATE" : ""), param);
		return rows.stream().findFirst();
	}

	List<IssuedPermit> many(String whereAndOrder, Object... params) {
		// The granted goods in the same statement: a declaration reads the permit of every line it writes off.
		return jdbc.sql("SELECT " + COLUMNS
				+ ", ARRAY(SELECT g.hs_prefix FROM permit_goods g WHERE g.permit_id = p.id ORDER BY g.hs_prefix) AS goods"
				+ " FROM permit p " + whereAndOrder)
			.params(params)
			.query((rs, i) -> map(rs, List.of((String[]) rs.getArray("goods").getArray())))
			.list();
	}

	static IssuedPermit map(ResultSet rs, List<String> goods) throws SQLException {
		Timestamp verified = rs.getTimestamp("verified_at");
		return new IssuedPermit(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("catalogue_code"),
				Uscc.parse(rs.getString("holder_uscc")), rs.getObject("application_id", UUID.class),
				rs.getString("scope"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), PermitStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), rs.getBigDecimal("quota_quantity"), rs.getString("quota_unit"),
				rs.getBigDecimal("remaining_quantity"), rs.getBigDecimal("quota_value"),
				rs.getBigDecimal("remaining_value"), rs.getObject("verification_due", LocalDate.class),
				rs.getBoolean("post_issue_review"), verified == null ? null : verified.toInstant(), rs.getString("verified_by"),
				rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), rs.getInt("version"), goods);
	}
}
