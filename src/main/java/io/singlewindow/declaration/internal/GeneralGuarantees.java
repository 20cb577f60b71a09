package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Cursor;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * Customs lodges an enterprise's general guarantee (总担保), reads what holds it and gives it back; the enterprise (its
 * traders, its brokers) reads its own. Its rows are written and read here; what the declarations hold of it is read
 * from their rows ({@link #COVER}), and a draw for a declaration ({@link DutyPayments#guarantee}) locks its row first.
 */
@Service
class GeneralGuarantees {

	private static final Logger log = LoggerFactory.getLogger(GeneralGuarantees.class);

	/** How many of the declarations drawing on one a reading lists: those it holds first, then the latest. */
	static final int DECLARATIONS_SHOWN = 200;

	/** How many general guarantees a list shows: those in force first, the latest first. */
	static final int LISTED = 500;

	/** A declaration's duties hold its guarantee: accepted, neither paid nor taken, still owed on the first notice. */
	static final String HOLDS = """
			NOT d.duties_guarantee_enforced AND d.duties_recorded_at IS NULL AND d.status IN ('CLEARED', 'RELEASED')
			  AND d.total_taxes - d.taxes_settled_apart > 0""";

	/** The declarations drawing on general guarantee {@code g}: its enterprise's, naming its reference. */
	static final String DRAWING = """
			d.declarant = g.enterprise AND d.duties_guarantee_kind = 'GENERAL'
			  AND d.duties_guarantee_reference = g.reference""";

	/**
	 * What the declarations hold of {@code g} and what customs took from it, as columns {@code in_use} and
	 * {@code taken}.
	 */
	private static final String COVER = """
			CROSS JOIN LATERAL (
			  SELECT COALESCE(SUM(d.duties_guarantee_amount) FILTER (WHERE %1$s), 0) AS in_use,
			         COALESCE(SUM(d.duties_paid_amount) FILTER (WHERE d.duties_guarantee_enforced), 0) AS taken
			  FROM declaration d WHERE %2$s) c""".formatted(HOLDS, DRAWING);

	/** A declaration drawing on {@code g} as {@link GeneralGuaranteeView.Drawn} reads it. */
	private static final String DRAWN = """
			d.id, d.number, d.duties_guarantee_amount, d.duties_guarantee_at,
			       CASE WHEN d.duties_guarantee_enforced THEN 'ENFORCED'
			            WHEN d.duties_recorded_at IS NOT NULL THEN 'DISCHARGED'
			            WHEN %s THEN 'HELD' ELSE 'RETURNED' END AS state""".formatted(HOLDS);

	static final String COLUMNS = """
			g.id, g.enterprise, g.kind, g.amount, g.valid_until, g.reference, g.summary_payment, g.recorded_by,
			g.recorded_at, g.returned_by, g.returned_at""";

	private final JdbcClient jdbc;
	private final Enterprises enterprises;
	private final BusinessTime time;
	private final AuditTrail auditTrail;
	private final SummaryStatements statements;

	GeneralGuarantees(JdbcClient jdbc, Enterprises enterprises, BusinessTime time, AuditTrail auditTrail,
			SummaryStatements statements) {
		this.statements = statements;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.time = time;
		this.auditTrail = auditTrail;
	}

	/** A general guarantee lodged: as stored, and whether this request stored it (or found it lodged already). */
	record Lodged(GeneralGuaranteeView guarantee, boolean created) {
	}

	/**
	 * Customs lodges a general guarantee for an enterprise; the same guarantee lodged again changes nothing.
	 *
	 * @param enterprise the enterprise's USCC (a registered one)
	 * @param kind {@code BANK_GUARANTEE} (保函) or {@code DEPOSIT} (保证金)
	 * @param validUntil a letter's last day, required for one (ignored for a deposit)
	 * @param summaryPayment for summary payment (汇总征税): the declarations released against it pay a month's duties
	 *     together, by the fifth working day of the next month
	 * @throws Problem 403 unless a customs officer; 422 {@code REQUIRED} at any field it needs, {@code USCC_FORMAT} or
	 *     {@code ENTERPRISE_NOT_FOUND} at {@code enterprise}, {@code TOO_LARGE} at {@code amount}, {@code SIZE} or
	 *     {@code CONTROL_CHARACTER} at {@code reference}, and those of {@link GeneralGuarantee#lodged}; 409
	 *     {@code GENERAL_GUARANTEE_EXISTS} when the enterprise has another guarantee of that reference
	 */
	@Transactional
	public Lodged lodge(Actor actor, String enterprise, String kind, BigDecimal amount, LocalDate validUntil,
			String reference, boolean summaryPayment) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Enterprise holder = registered(enterprise);
		Declaration.GuaranteeKind form = Declaration.GuaranteeKind.read(kind);
		BigDecimal covered = DutyPayments.covered(amount);
		if (reference == null || reference.isBlank()) {
			throw Problem.invalidField("reference", "REQUIRED");
		}
		String letter = FreeText.readLine("reference", reference, InputLimits.REFERENCE).strip();
		GeneralGuarantee lodged = GeneralGuarantee.lodged(holder.uscc(), form, covered, validUntil, letter,
				summaryPayment, actor.username(), time.now(), time.today());
		int stored = jdbc.sql("""
				INSERT INTO general_guarantee (id, enterprise, kind, amount, valid_until, reference, summary_payment,
				                               recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (enterprise, reference) DO NOTHING""")
			.params(lodged.id(), lodged.enterprise().value(), lodged.kind().name(), lodged.amount(),
					lodged.validUntil(), lodged.reference(), lodged.summaryPayment(), lodged.recordedBy(),
					Timestamp.from(lodged.recordedAt()))
			.update();
		if (stored == 0) {
			GeneralGuarantee before = jdbc.sql("SELECT " + COLUMNS + " FROM general_guarantee g"
					+ " WHERE g.enterprise = ? AND g.reference = ?").params(holder.uscc().value(), letter)
				.query(GeneralGuarantees::guarantee).single();
			if (!before.sameAs(lodged)) {
				throw Problem.conflict("GENERAL_GUARANTEE_EXISTS", letter, holder.uscc().value());
			}
			return new Lodged(read(before.id()), false);
		}
		auditTrail.record(AuditRecord.of("GENERAL_GUARANTEE_LODGED", "GENERAL_GUARANTEE", lodged.id()).by(actor)
			.change(null, AuditRecord.state("enterprise", lodged.enterprise().value(), "kind", form.name(), "amount",
					covered.toPlainString(), "validUntil", String.valueOf(lodged.validUntil()), "reference", letter,
					"summaryPayment", String.valueOf(summaryPayment))));
		log.info("event=general_guarantee_lodged enterprise={} kind={} amount={} valid_until={} summary_payment={} "
				+ "by={}", lodged.enterprise().value(), form, covered.toPlainString(), lodged.validUntil(), summaryPayment,
				actor.username());
		return new Lodged(read(lodged.id()), true);
	}

	/**
	 * One page of the general guarantees {@code actor} may read — every one for customs, its own enterprise's (and a
	 * broker's principals') for a trader or broker, none for anyone else — in force first, the latest first (keyset
	 * on whether given back, when lodged, the id).
	 */
	public ListPage<GeneralGuaranteeView> list(Actor actor, PageRequest page) {
		Readers readers = Readers.of(actor);
		if (readers.none()) {
			return new ListPage<>(List.of(), null);
		}
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + COLUMNS + ", c.in_use, c.taken FROM general_guarantee g " + COVER
				+ " WHERE " + Readers.WHERE + (after == null ? "" : " AND " + AFTER)
				+ " ORDER BY g.returned_at IS NOT NULL, g.recorded_at DESC, g.id LIMIT :limit")
			.param("all", readers.customs()).param("own", readers.own()).param("limit", page.rows());
		if (after != null) {
			ListedAfter last = ListedAfter.of(after);
			query = query.param("returned", last.returned()).param("at", after.atUtc()).param("after", last.id());
		}
		List<Covered> found = query.query(GeneralGuarantees::covered).list();
		Map<Uscc, String> names = enterprises
			.namesOf(found.stream().map(c -> c.guarantee().enterprise()).distinct().toList());
		LocalDate today = time.today();
		return page.page(found, c -> ListedAfter.cursorOf(c.guarantee())).map(c -> GeneralGuaranteeView.of(
				c.guarantee(), names.getOrDefault(c.guarantee().enterprise(), ""), c.cover(), List.of(), List.of(),
				today));
	}

	/** The rows listed after the cursor's: given back after in force, then lodged earlier, then a greater id. */
	private static final String AFTER = """
			((g.returned_at IS NOT NULL) > :returned OR ((g.returned_at IS NOT NULL) = :returned
			  AND (g.recorded_at < :at OR (g.recorded_at = :at AND g.id > :after))))""";

	/** Where a page of the list ended: whether that guarantee was given back, and its id (the cursor's key). */
	private record ListedAfter(boolean returned, UUID id) {

		static Cursor cursorOf(GeneralGuarantee last) {
			return new Cursor(last.recordedAt(), (last.returned() ? "R:" : "A:") + last.id());
		}

		/** @throws Problem 422 {@code CURSOR_INVALID} at {@code cursor} for a key no page of this list handed out */
		static ListedAfter of(Cursor cursor) {
			String key = cursor.key();
			if (key.length() > 2 && (key.startsWith("A:") || key.startsWith("R:"))) {
				try {
					return new ListedAfter(key.startsWith("R:"), UUID.fromString(key.substring(2)));
				} catch (IllegalArgumentException notAnId) {
					// Refused below, as any other.
				}
			}
			throw Problem.invalidField("cursor", "CURSOR_INVALID");
		}
	}

	/**
	 * The declarant's general guarantees in force (a letter not lapsed) that still cover something, for customs'
	 * guarantee form on a declaration's page: the officer picks one by its reference instead of looking it up.
	 */
	public List<GeneralGuaranteeView> offeredFor(String declarant) {
		return jdbc.sql("SELECT " + COLUMNS + ", c.in_use, c.taken FROM general_guarantee g " + COVER
				+ " WHERE g.enterprise = ? AND g.returned_at IS NULL ORDER BY g.recorded_at, g.id LIMIT " + LISTED)
			// A list, not query(…).stream(): that stream keeps its connection until it is closed.
			.param(declarant).query(GeneralGuarantees::covered).list().stream()
			.map(c -> GeneralGuaranteeView.of(c.guarantee(), "", c.cover(), List.of(), List.of(), time.today()))
			// A lapsed letter covers nothing more: offered, it would only be refused.
			.filter(g -> g.available().signum() > 0 && (g.daysLeft() == null || g.daysLeft() >= 0)).toList();
	}

	/**
	 * The letters running out ({@link LetterExpiry}) of the guarantees {@code actor} reads, as it is told of them (as
	 * customs, or as their enterprise), the most urgent first: read where their last day is near or past, so that a
	 * home page reads few rows.
	 */
	List<LetterExpiry> lettersRunningOut(Actor actor) {
		Readers readers = Readers.of(actor);
		if (readers.none()) {
			return List.of();
		}
		LocalDate today = time.today();
		return jdbc.sql("SELECT " + COLUMNS + ", c.in_use, c.taken FROM general_guarantee g " + COVER + " WHERE "
				+ Readers.WHERE + " AND " + EXPIRING)
			.param("all", readers.customs()).param("own", readers.own())
			.param("last", today.plusDays(GeneralGuaranteeView.EXPIRY_NOTICE_DAYS))
			.query(GeneralGuarantees::covered).list().stream()
			.flatMap(c -> LetterExpiry.of(c.guarantee(), c.cover(), today, readers.customs()).stream())
			.sorted(LetterExpiry.MOST_URGENT_FIRST).toList();
	}

	/**
	 * The guarantees whose letter expires within {@link GeneralGuaranteeView#EXPIRY_NOTICE_DAYS} days or has lapsed,
	 * not given back ({@link GeneralGuaranteeView#expiringSoon()}), with parameter {@code last}.
	 */
	private static final String EXPIRING = "g.returned_at IS NULL AND g.valid_until <= :last";

	/**
	 * How many of the general guarantees {@code actor} reads expire soon or have lapsed, not given back: the list's
	 * notice counts them all, not those of the page shown.
	 */
	int expiringCount(Actor actor) {
		Readers readers = Readers.of(actor);
		if (readers.none()) {
			return 0;
		}
		return jdbc.sql("SELECT count(*) FROM general_guarantee g WHERE " + Readers.WHERE + " AND " + EXPIRING)
			.param("all", readers.customs()).param("own", readers.own())
			.param("last", time.today().plusDays(GeneralGuaranteeView.EXPIRY_NOTICE_DAYS))
			.query(Integer.class).single();
	}

	/**
	 * Whose general guarantees an actor reads: every one for customs, its own enterprise's (and a broker's
	 * principals') for a trader or broker, none for anyone else.
	 */
	private record Readers(boolean customs, String[] own) {

		/** The condition on {@code g}, with parameters {@code all} and {@code own}. */
		static final String WHERE = "(:all OR g.enterprise = ANY(:own))";

		static Readers of(Actor actor) {
			List<String> own = actor.is(Role.TRADER) || actor.is(Role.BROKER) ? DeclarationApi.declarants(actor)
					: List.of();
			return new Readers(actor.mayActAs(AgencyCode.CUSTOMS), own.toArray(String[]::new));
		}

		boolean none() {
			return !customs && own.length == 0;
		}
	}

	/** @throws Problem 404 {@code GENERAL_GUARANTEE_NOT_FOUND} unless there and {@code actor} may read it */
	public GeneralGuaranteeView find(Actor actor, UUID id) {
		GeneralGuaranteeView found = read(id);
		if (found == null || !mayRead(actor, Uscc.parse(found.enterprise()))) {
			throw Problem.notFound("GENERAL_GUARANTEE_NOT_FOUND", id);
		}
		return found;
	}

	/**
	 * One page of every declaration customs accepted the guarantee for, the latest first (keyset on when it was
	 * accepted for each, then the declaration's id): the whole of what a guarantee's reading shows the first
	 * {@value #DECLARATIONS_SHOWN} of, for an enterprise reconciling a year of releases against it.
	 *
	 * @throws Problem 404 {@code GENERAL_GUARANTEE_NOT_FOUND} unless there and {@code actor} may read it
	 */
	public ListPage<GeneralGuaranteeView.Drawn> declarations(Actor actor, UUID id, PageRequest page) {
		String enterprise = jdbc.sql("SELECT enterprise FROM general_guarantee WHERE id = ?").param(id)
			.query(String.class).optional().orElse(null);
		if (enterprise == null || !mayRead(actor, Uscc.parse(enterprise))) {
			throw Problem.notFound("GENERAL_GUARANTEE_NOT_FOUND", id);
		}
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + DRAWN + " FROM general_guarantee g JOIN declaration d ON " + DRAWING
				+ " WHERE g.id = :id" + (after == null ? "" : " AND (d.duties_guarantee_at, d.id) < (:at, :after)")
				+ " ORDER BY d.duties_guarantee_at DESC, d.id DESC LIMIT :limit")
			.param("id", id).param("limit", page.rows());
		if (after != null) {
			query = query.param("at", after.atUtc()).param("after", after.id());
		}
		return page.page(query.query(GeneralGuarantees::drawn).list(),
				drawn -> new Cursor(drawn.acceptedAt(), drawn.id().toString()));
	}

	/** Customs reads every general guarantee; a trader or broker those of the enterprises it acts for. */
	private static boolean mayRead(Actor actor, Uscc enterprise) {
		return actor.mayActAs(AgencyCode.CUSTOMS) || actor.mayActFor(enterprise);
	}

	private static GeneralGuaranteeView.Drawn drawn(ResultSet rs, int row) throws SQLException {
		return new GeneralGuaranteeView.Drawn(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getBigDecimal("duties_guarantee_amount"), rs.getString("state"),
				rs.getTimestamp("duties_guarantee_at").toInstant());
	}

	/**
	 * Customs gives the guarantee back to the enterprise (退还): the deposit repaid, the letter returned; given back
	 * again, nothing changes.
	 *
	 * @throws Problem 403 unless a customs officer; 404 {@code GENERAL_GUARANTEE_NOT_FOUND}; 409 those of
	 *     {@link GeneralGuarantee#givenBack}
	 */
	@Transactional
	public GeneralGuaranteeView giveBack(Actor actor, UUID id) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		GeneralGuarantee held = jdbc.sql("SELECT " + COLUMNS + " FROM general_guarantee g WHERE g.id = ? FOR UPDATE")
			.param(id).query(GeneralGuarantees::guarantee).optional()
			.orElseThrow(() -> Problem.notFound("GENERAL_GUARANTEE_NOT_FOUND", id));
		GeneralGuarantee.Cover cover = cover(held);
		GeneralGuarantee given = held.givenBack(cover, actor.username(), time.now());
		if (given != held) {
			jdbc.sql("UPDATE general_guarantee SET returned_by = ?, returned_at = ? WHERE id = ?")
				.params(given.returnedBy(), Timestamp.from(given.returnedAt()), id).update();
			auditTrail.record(AuditRecord.of("GENERAL_GUARANTEE_RETURNED", "GENERAL_GUARANTEE", id).by(actor)
				.change(AuditRecord.state("state", "ACTIVE"), AuditRecord.state("state", "RETURNED", "enterprise",
						given.enterprise().value(), "reference", given.reference(), "taken",
						cover.taken().toPlainString())));
			log.info("event=general_guarantee_returned enterprise={} reference={} taken={} by={}",
					given.enterprise().value(), given.reference(), cover.taken().toPlainString(), actor.username());
		}
		return read(id);
	}

	/**
	 * The declarant's general guarantee of {@code reference}, its row locked until the transaction ends: draws on it
	 * wait for each other, so that together they never take more than it covers.
	 *
	 * @throws Problem 422 {@code GENERAL_GUARANTEE_UNKNOWN} at {@code reference} unless the declarant has one
	 */
	GeneralGuarantee lockFor(Uscc declarant, String reference) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM general_guarantee g WHERE g.enterprise = ? AND g.reference = ?"
				+ " FOR UPDATE").params(declarant.value(), reference).query(GeneralGuarantees::guarantee).optional()
			.orElseThrow(() -> Problem.invalidField("reference", "GENERAL_GUARANTEE_UNKNOWN", reference,
					declarant.value()));
	}

	/** What the declarations drawing on {@code guarantee} hold of it and what customs took from it. */
	GeneralGuarantee.Cover cover(GeneralGuarantee guarantee) {
		return jdbc.sql("SELECT c.in_use, c.taken FROM general_guarantee g " + COVER + " WHERE g.id = ?")
			.param(guarantee.id())
			.query((rs, n) -> new GeneralGuarantee.Cover(rs.getBigDecimal("in_use").setScale(2),
					rs.getBigDecimal("taken").setScale(2)))
			.single();
	}

	private GeneralGuaranteeView read(UUID id) {
		Covered found = jdbc.sql("SELECT " + COLUMNS + ", c.in_use, c.taken FROM general_guarantee g " + COVER
				+ " WHERE g.id = ?").param(id).query(GeneralGuarantees::covered).optional().orElse(null);
		if (found == null) {
			return null;
		}
		List<GeneralGuaranteeView.Drawn> drawn = jdbc.sql("SELECT " + DRAWN + """
				 FROM general_guarantee g JOIN declaration d ON %2$s
				WHERE g.id = ?
				ORDER BY (%1$s) DESC, d.duties_guarantee_at DESC, d.id LIMIT %3$d""".formatted(HOLDS, DRAWING,
				DECLARATIONS_SHOWN))
			.param(id).query(GeneralGuarantees::drawn).list();
		String name = enterprises.find(found.guarantee().enterprise()).map(Enterprise::nameZh).orElse("");
		List<SummaryStatementView> months = found.guarantee().summaryPayment()
				? statements.months(found.guarantee().id()) : List.of();
		return GeneralGuaranteeView.of(found.guarantee(), name, found.cover(), drawn, months, time.today());
	}

	/** The enterprise named at {@code enterprise}, registered here. */
	private Enterprise registered(String enterprise) {
		if (enterprise == null || enterprise.isBlank()) {
			throw Problem.invalidField("enterprise", "REQUIRED");
		}
		Uscc uscc;
		try {
			uscc = Uscc.parse(enterprise.strip());
		} catch (InvalidValue e) {
			throw Problem.invalidField("enterprise", e.code(), FreeText.cut(enterprise, 40));
		}
		return enterprises.find(uscc)
			.orElseThrow(() -> Problem.invalidField("enterprise", "ENTERPRISE_NOT_FOUND", uscc.value()));
	}

	private record Covered(GeneralGuarantee guarantee, GeneralGuarantee.Cover cover) {
	}

	private static Covered covered(ResultSet rs, int row) throws SQLException {
		return new Covered(guarantee(rs, row), new GeneralGuarantee.Cover(rs.getBigDecimal("in_use").setScale(2),
				rs.getBigDecimal("taken").setScale(2)));
	}

	static GeneralGuarantee guarantee(ResultSet rs, int row) throws SQLException {
		Timestamp returned = rs.getTimestamp("returned_at");
		return new GeneralGuarantee(rs.getObject("id", UUID.class), Uscc.parse(rs.getString("enterprise")),
				Declaration.GuaranteeKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
				rs.getObject("valid_until", LocalDate.class), rs.getString("reference"), rs.getBoolean("summary_payment"),
				rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("returned_by"),
				returned == null ? null : returned.toInstant());
	}
}
