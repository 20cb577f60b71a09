package io.singlewindow.enterprise;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.Cursor;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.LikePattern;
import io.singlewindow.core.Uscc;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.platform.TransactionScope;

/** Looks up registered enterprises. */
@Component
public class Enterprises implements io.singlewindow.identity.EnterpriseNames {

	static final String COLUMNS = """
			id, uscc, name_zh, name_en, entity_type, legal_representative, registered_capital, capital_currency, address,
			industrial_chain, high_tech, cross_border_trader, aeo_certified, customs_broker, status, registered_at""";

	/** The key of what a transaction read (see {@link #find}). */
	private static final Object READ_IN_TRANSACTION = Enterprises.class.getName() + ".readInTransaction";

	/** The key of the mark of a transaction that wrote an enterprise (see {@link #changed}). */
	private static final Object WRITTEN_IN_TRANSACTION = Enterprises.class.getName() + ".writtenInTransaction";

	private final JdbcClient jdbc;
	private final ReferenceCache<Uscc, Enterprise> registered;

	Enterprises(JdbcClient jdbc, ReferenceRevision revision,
			@Value("${singlewindow.enterprise.cached:20000}") int cached) {
		this.jdbc = jdbc;
		this.registered = revision.cache(cached);
	}

	/**
	 * The enterprise as this transaction first read it. A submission reads its declarant three times (may it declare,
	 * its risk profile, its statistical classification), and a group of submissions commits in one transaction: the
	 * enterprise is read once per transaction, not once per use. A change committed meanwhile by another transaction
	 * is seen by the next one, as it would be by a submission that started a moment earlier; a change this
	 * transaction makes goes through {@link #changed}.
	 * <p>
	 * Across transactions, a node keeps the enterprises it read for one revision of the reference data
	 * ({@link ReferenceRevision}: every change to the {@code enterprise} table, by any node, a migration or by hand,
	 * gives it a new number, migration {@code V11_8_1}), so a declarant is read from the database once per change of
	 * its licence rather than once per transaction, and a suspension is seen by every node's next transaction. A
	 * transaction that wrote an enterprise reads the table itself: what it sees may never commit.
	 */
	public Optional<Enterprise> find(Uscc uscc) {
		Map<Uscc, Enterprise> read = readInThisTransaction();
		Enterprise known = read == null ? null : read.get(uscc);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Enterprise> found = Optional.ofNullable(read != null && wroteInThisTransaction() ? select(uscc)
				: registered.get(uscc, this::select));
		// Only what exists is kept: an enterprise registered later in this transaction is then found.
		if (read != null) {
			found.ifPresent(e -> read.put(uscc, e));
		}
		return found;
	}

	/** The enterprise as stored, or {@literal null}. */
	private Enterprise select(Uscc uscc) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE uscc = ?")
			.param(uscc.value())
			.query(Enterprises::map)
			.optional()
			.orElse(null);
	}

	/**
	 * The writer of a licence (a registration, an amendment, a suspension) tells that it changed it, once it wrote it:
	 * this transaction reads it afresh, and reads every enterprise from the table from now on, never from what the
	 * node keeps for other transactions.
	 */
	public void changed(Uscc uscc) {
		Map<Uscc, Enterprise> read = readInThisTransaction();
		if (read != null) {
			read.remove(uscc);
			TransactionScope.valueOf(WRITTEN_IN_TRANSACTION, () -> Boolean.TRUE);
		}
	}

	private static boolean wroteInThisTransaction() {
		return TransactionSynchronizationManager.hasResource(WRITTEN_IN_TRANSACTION);
	}

	private static Map<Uscc, Enterprise> readInThisTransaction() {
		return TransactionScope.ofCurrentTransaction(READ_IN_TRANSACTION, HashMap::new);
	}

	/** @throws Problem 404 {@code ENTERPRISE_NOT_FOUND} */
	public Enterprise get(Uscc uscc) {
		return find(uscc).orElseThrow(() -> Problem.notFound("ENTERPRISE_NOT_FOUND", uscc));
	}

	/**
	 * The enterprise, provided its licence is in force: what every module checks before an enterprise may declare
	 * goods or apply for a permit.
	 *
	 * @throws Problem 404 {@code ENTERPRISE_NOT_FOUND}, or 409 {@code ENTERPRISE_NOT_ACTIVE} when the licence is
	 *     suspended, revoked or deregistered
	 */
	public Enterprise requireActive(Uscc uscc) {
		Enterprise enterprise = get(uscc);
		if (!enterprise.isActive()) {
			throw Problem.conflict("ENTERPRISE_NOT_ACTIVE", uscc,
					Problem.named("enterprise.status.", enterprise.status()));
		}
		return enterprise;
	}

	public List<Enterprise> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise ORDER BY registered_at, uscc").query(Enterprises::map)
			.list();
	}

	/**
	 * One page of the enterprises in registration order (keyset on the registration time, the USCC), all of them or
	 * only {@code only}.
	 */
	public ListPage<Enterprise> registered(Collection<Uscc> only, PageRequest page) {
		if (only != null && only.isEmpty()) {
			return new ListPage<>(List.of(), null);
		}
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE true"
				+ (only == null ? "" : " AND uscc IN (:usccs)")
				+ (after == null ? "" : " AND (registered_at, uscc) > (:at, :uscc)")
				+ " ORDER BY registered_at, uscc LIMIT :limit")
			.param("limit", page.rows());
		if (only != null) {
			query = query.param("usccs", only.stream().map(Uscc::value).toList());
		}
		if (after != null) {
			query = query.param("at", after.atUtc()).param("uscc", after.key());
		}
		return page.page(query.query(Enterprises::map).list(), e -> new Cursor(e.registeredAt(), e.uscc().value()));
	}

	@Override
	public Map<Uscc, String> namesOf(Collection<Uscc> usccs) {
		Map<Uscc, String> names = new HashMap<>();
		findAll(usccs).forEach(enterprise -> names.put(enterprise.uscc(), enterprise.nameZh()));
		return names;
	}

	public List<Enterprise> findAll(Collection<Uscc> usccs) {
		if (usccs.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE uscc IN (:usccs) ORDER BY name_zh")
			.param("usccs", usccs.stream().map(Uscc::value).toList())
			.query(Enterprises::map)
			.list();
	}

	/**
	 * Enterprises whose Chinese or English name or USCC contains {@code text} (any, when blank), in the given state
	 * (any, when {@literal null}), most recently registered first: the first page of the search below.
	 */
	public List<Enterprise> search(String text, EnterpriseStatus status, int limit) {
		return search(text, status, PageRequest.first(limit)).rows();
	}

	/**
	 * One page of the enterprises whose Chinese or English name or USCC contains {@code text} (any, when blank), in
	 * the given state (any, when {@literal null}), most recently registered first: keyset on the registration time
	 * and the USCC, both descending.
	 */
	public ListPage<Enterprise> search(String text, EnterpriseStatus status, PageRequest page) {
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + COLUMNS + """
				 FROM enterprise
				WHERE (lower(name_zh) LIKE :like OR lower(coalesce(name_en, '')) LIKE :like OR lower(uscc) LIKE :like)
				  AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)""" + (after == null ? ""
				: " AND (registered_at, uscc) < (:at, :uscc)") + " ORDER BY registered_at DESC, uscc DESC LIMIT :limit")
			.param("like", LikePattern.containing(text))
			.param("status", status == null ? null : status.name())
			.param("limit", page.rows());
		if (after != null) {
			query = query.param("at", after.atUtc()).param("uscc", after.key());
		}
		return page.page(query.query(Enterprises::map).list(), e -> new Cursor(e.registeredAt(), e.uscc().value()));
	}

	/** The activities on the enterprise's licence (its business scope), in catalogue order. */
	public List<BusinessActivity> businessScopeOf(Uscc uscc) {
		return jdbc.sql("""
				SELECT a.code, a.name_zh, a.name_en, a.regulated, a.permit_code
				FROM enterprise_activity ea JOIN business_activity a ON a.code = ea.activity_code
				JOIN enterprise e ON e.id = ea.enterprise_id
				WHERE e.uscc = ? ORDER BY a.code""")
			.param(uscc.value())
			.query((rs, i) -> new BusinessActivity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5)))
			.list();
	}

	static Enterprise map(ResultSet rs, int row) throws SQLException {
		BigDecimal capital = rs.getBigDecimal("registered_capital");
		return new Enterprise(rs.getObject("id", UUID.class), Uscc.parse(rs.getString("uscc")),
				rs.getString("name_zh"), rs.getString("name_en"), rs.getString("entity_type"),
				rs.getString("legal_representative"), capital, new CurrencyCode(rs.getString("capital_currency")),
				rs.getString("address"), IndustrialChain.valueOf(rs.getString("industrial_chain")),
				rs.getBoolean("high_tech"), rs.getBoolean("cross_border_trader"), rs.getBoolean("aeo_certified"),
				rs.getBoolean("customs_broker"), EnterpriseStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("registered_at").toInstant());
	}
}
