package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.permit.PermitQuotaWrittenOff;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.permit.WriteOff;
import io.singlewindow.permit.WriteOffRequest;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TransactionScope;

/**
 * The ledger on PostgreSQL. A write-off takes the permit's row lock before it writes the balance — by updating the
 * row only if it is still as this transaction's check read it (see {@link #writeOffAsChecked}), or else by locking it
 * ({@code SELECT … FOR UPDATE}) and deciding on it as it is — so concurrent write-offs against one permit queue up and
 * each sees the balance the previous one left; the table's CHECK constraint refuses a negative balance should
 * anything ever slip through. A restore locks the permits
 * first and then marks the write-offs, in the same order as a write-off takes its locks.
 */
@Component
class JdbcPermitLedger implements PermitLedger {

	private static final Logger log = LoggerFactory.getLogger(JdbcPermitLedger.class);

	private static final String WRITE_OFF_COLUMNS = """
			id, declaration_id, line_no, permit_number, quantity, value_cny, remaining_quantity, remaining_value,
			written_off_at, restored_at""";

	/** The permits a transaction read (its checks) or wrote (its write-offs), by number: see #writeOffAsChecked. */
	private static final Object CHECKED_IN_TRANSACTION = JdbcPermitLedger.class.getName() + ".checkedInTransaction";

	private final JdbcClient jdbc;
	private final PermitCatalogue catalogue;
	private final IssuedPermits permits;
	private final BusinessTime time;
	private final ApplicationEventPublisher events;
	private final AuditTrail auditTrail;
	private final Counter asRead;
	private final Counter locked;
	private final Counter checkedOnKept;
	private final Counter checkedOnRead;

	JdbcPermitLedger(JdbcClient jdbc, PermitCatalogue catalogue, IssuedPermits permits, BusinessTime time,
			ApplicationEventPublisher events, AuditTrail auditTrail, MeterRegistry meters) {
		this.auditTrail = auditTrail;
		this.asRead = writeOffs(meters, "as-read");
		this.locked = writeOffs(meters, "locked");
		this.checkedOnKept = checks(meters, "kept");
		this.checkedOnRead = checks(meters, "read");
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.permits = permits;
		this.time = time;
		this.events = events;
	}

	/**
	 * Write-offs by how the permit was taken: as this transaction last read or wrote it (one statement), or read again
	 * under its lock (two; a write-off without a check before it, or one whose permit changed since).
	 */
	private static Counter writeOffs(MeterRegistry meters, String taken) {
		return Counter.builder("singlewindow.permit.write-offs")
			.description("Permit write-offs by how the permit was taken").tag("taken", taken).register(meters);
	}

	/**
	 * Checks by the permit they were decided on: the one this transaction already held (read ahead for its group, or
	 * read or written by an earlier line; no statement), or one read for the check.
	 */
	private static Counter checks(MeterRegistry meters, String permit) {
		return Counter.builder("singlewindow.permit.checks")
			.description("Permit checks by the permit they were decided on").tag("permit", permit).register(meters);
	}

	@Override
	public List<PermitRequirement> requirementsFor(HsCode hsCode, TradeFlow flow) {
		return catalogue.covering(hsCode.value(), flow).stream()
			.map(e -> new PermitRequirement(e.code(), e.issuingAgency(), e.nameZh(), e.nameEn()))
			.toList();
	}

	/**
	 * Every refusal is decided before anything is written, so a refusal leaves the caller's transaction usable: a
	 * declaration can refuse one line and still commit the others ({@code noRollbackFor}).
	 */
	@Override
	@Transactional(noRollbackFor = Problem.class)
	public WriteOff writeOff(WriteOffRequest request) {
		validate(request);
		LocalDate today = time.today();
		IssuedPermit checked = checkedInThisTransaction(request.permitNumber());
		if (checked != null && refusal(checked, request, today).isEmpty()) {
			Optional<WriteOff> written = writeOffAsChecked(checked, request);
			if (written.isPresent()) {
				asRead.increment();
				return written.get();
			}
		}
		locked.increment();
		IssuedPermit permit = permits.lock(request.permitNumber())
			.orElseThrow(() -> Problem.notFound("PERMIT_NOT_FOUND", request.permitNumber()));
		// Decided under the permit's lock, so a repeated request never races its original. A repeat is found by its
		// row (below, or when refused: the original may have taken the last of the quota); the first request of a
		// line, the usual case, costs no look-up.
		Optional<Problem> refusal = refusal(permit, request, today);
		if (refusal.isPresent()) {
			return active(request.declarationId(), request.lineNo(), permit.id()).orElseThrow(refusal::get);
		}
		Remaining remaining = Remaining.after(permit, request);
		UUID id = UUID.randomUUID();
		Instant now = time.now();
		// The row and the permit's remaining quota in one statement; the quota only when the row was written.
		boolean written = jdbc.sql("""
				WITH written AS (
				    INSERT INTO permit_write_off (id, permit_id, permit_number, declaration_id, line_no, hs_code, quantity,
				        value_cny, remaining_quantity, remaining_value, written_off_at)
				    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				    ON CONFLICT (declaration_id, line_no, permit_id) WHERE restored_at IS NULL DO NOTHING
				    RETURNING permit_id),
				consumed AS (
				    UPDATE permit SET remaining_quantity = ?, remaining_value = ?, version = version + 1
				    WHERE id IN (SELECT permit_id FROM written) AND ?
				    RETURNING 1)
				SELECT count(*) FROM written""")
			.params(id, permit.id(), permit.number(), request.declarationId(), request.lineNo(),
					request.hsCode().value(), permit.recordedQuantity(request), request.valueCny(), remaining.quantity(),
					remaining.value(), Timestamp.from(now), remaining.quantity(), remaining.value(),
					permit.hasQuota())
			.query(Long.class)
			.single() == 1;
		if (!written) {
			return active(request.declarationId(), request.lineNo(), permit.id()).orElseThrow();
		}
		return recorded(permit, request, remaining, id, now);
	}

	/** What a permit's quotas hold after a write-off: a quota the permit does not carry stays {@literal null}. */
	private record Remaining(BigDecimal quantity, BigDecimal value) {

		static Remaining after(IssuedPermit permit, WriteOffRequest request) {
			return new Remaining(
					permit.hasQuantityQuota() ? permit.remainingQuantity().subtract(permit.quantityTaken(request).orElseThrow())
							: permit.remainingQuantity(),
					permit.hasValueQuota() ? permit.remainingValue().subtract(request.valueCny()) : permit.remainingValue());
		}
	}

	/**
	 * The write-off of a line whose permit this transaction checked a moment ago ({@link #check}), without reading the
	 * permit again under a lock: the permit's row is updated only if it is still as the check read it — its version
	 * and every column the decision read (holder, catalogue entry, status, validity, quotas and what remains of them),
	 * so that a change made by hand in SQL, which need not count the version up, is caught too — (a compare-and-set,
	 * which takes the row's lock as {@code FOR UPDATE} would), and the line is written only if the permit was. When
	 * anyone changed the permit since (another declaration's write-off, an officer's suspension, a restore), nothing is
	 * written here and the caller decides under the lock instead. The granted goods are not compared: they are written
	 * once, when the permit is issued. A permit without quotas keeps its version (its write-offs take nothing), so a
	 * repeat of the line is left to the caller by the line's unique index instead.
	 *
	 * @return the write-off, or empty when the permit changed or the line was written off already
	 */
	private Optional<WriteOff> writeOffAsChecked(IssuedPermit checked, WriteOffRequest request) {
		Remaining remaining = Remaining.after(checked, request);
		boolean quota = checked.hasQuota();
		UUID id = UUID.randomUUID();
		Instant now = time.now();
		record Taken(long consumed, long written) {
		}
		Taken taken = jdbc.sql("""
				WITH consumed AS (
				    UPDATE permit SET remaining_quantity = ?, remaining_value = ?, version = version + ?
				    WHERE id = ? AND version = ? AND holder_uscc = ? AND catalogue_code = ? AND status = ?
				      AND valid_from = ? AND valid_until IS NOT DISTINCT FROM ?::date
				      AND quota_quantity IS NOT DISTINCT FROM ?::numeric AND quota_value IS NOT DISTINCT FROM ?::numeric
				      AND remaining_quantity IS NOT DISTINCT FROM ?::numeric
				      AND remaining_value IS NOT DISTINCT FROM ?::numeric AND NOT EXISTS (
				        SELECT 1 FROM permit_write_off
				        WHERE declaration_id = ? AND line_no = ? AND permit_id = ? AND restored_at IS NULL)
				    RETURNING id),
				written AS (
				    INSERT INTO permit_write_off (id, permit_id, permit_number, declaration_id, line_no, hs_code, quantity,
				        value_cny, remaining_quantity, remaining_value, written_off_at)
				    SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM consumed
				    ON CONFLICT (declaration_id, line_no, permit_id) WHERE restored_at IS NULL DO NOTHING
				    RETURNING permit_id)
				SELECT (SELECT count(*) FROM consumed), (SELECT count(*) FROM written)""")
			.params(remaining.quantity(), remaining.value(), quota ? 1 : 0, checked.id(), checked.version(),
					checked.holder().value(), checked.catalogueCode(), checked.storedStatus().name(), checked.validFrom(),
					checked.validUntil(), checked.quotaQuantity(), checked.quotaValue(), checked.remainingQuantity(),
					checked.remainingValue(), request.declarationId(), request.lineNo(), checked.id(), id, checked.number(),
					request.declarationId(), request.lineNo(), request.hsCode().value(), checked.recordedQuantity(request),
					request.valueCny(), remaining.quantity(), remaining.value(), Timestamp.from(now))
			.query((rs, n) -> new Taken(rs.getLong(1), rs.getLong(2)))
			.single();
		if (taken.written() == 1) {
			return Optional.of(recorded(checked, request, remaining, id, now));
		}
		if (taken.consumed() == 1 && quota) {
			// Every active write-off of a permit with quotas changed what remains of them, so the guard above stops
			// anything that could meet the line's unique index: this would be quota taken without its line.
			throw new IllegalStateException("permit " + checked.number() + " written off without a trace");
		}
		return Optional.empty();
	}

	/**
	 * A written-off line's audit record, event and log line, once its row and the permit's quota are written; the
	 * permit as written is kept for the next line under it in this transaction.
	 */
	private WriteOff recorded(IssuedPermit permit, WriteOffRequest request, Remaining remaining, UUID id, Instant now) {
		read(permit.writtenOff(remaining.quantity(), remaining.value()));
		BigDecimal quantity = permit.recordedQuantity(request);
		auditTrail.record(AuditRecord.of("PERMIT_WRITTEN_OFF", "PERMIT", permit.number()).actingFor(permit.holder())
			.change(AuditRecord.state("remainingQuantity", permit.remainingQuantity(), "remainingValue",
					permit.remainingValue()), AuditRecord.state("declaration", request.declarationId(), "line",
							request.lineNo(), "quantity", quantity, "valueCny", request.valueCny(),
							"remainingQuantity", remaining.quantity(), "remainingValue", remaining.value())));
		events.publishEvent(new PermitQuotaWrittenOff(id, permit.number(), permit.holder(), request.declarationId(),
				request.lineNo(), quantity, request.valueCny(), remaining.quantity(), remaining.value()));
		log.info("event=permit_written_off permit={} declaration={} line={} quantity={} value={} remaining_quantity={} remaining_value={}",
				permit.number(), request.declarationId(), request.lineNo(), quantity, request.valueCny(),
				remaining.quantity(), remaining.value());
		return new WriteOff(id, request.declarationId(), request.lineNo(), permit.number(), quantity,
				request.valueCny(), remaining.quantity(), remaining.value(), now, null);
	}

	/**
	 * The permit as this transaction last read or wrote it ({@link #check}, a write-off), if it did. It need not be
	 * what the database holds now (a savepoint may have rolled a write-off back, another transaction may have written
	 * the permit off since): {@link #writeOffAsChecked} compares every column its decision reads, so a permit kept
	 * here that no longer matches the row is decided under the lock instead.
	 */
	private static IssuedPermit checkedInThisTransaction(String permitNumber) {
		Map<String, IssuedPermit> kept = keptInThisTransaction();
		return kept == null ? null : kept.get(permitNumber);
	}

	/** Keeps {@code permit} as this transaction read or wrote it, for the write-off of its next line. */
	private static void read(IssuedPermit permit) {
		Map<String, IssuedPermit> kept = keptInThisTransaction();
		if (kept != null) {
			kept.put(permit.number(), permit);
		}
	}

	private static Map<String, IssuedPermit> keptInThisTransaction() {
		return TransactionScope.ofCurrentTransaction(CHECKED_IN_TRANSACTION, HashMap::new);
	}

	@Override
	public void readAhead(java.util.Collection<String> permitNumbers) {
		Map<String, IssuedPermit> kept = keptInThisTransaction();
		if (kept == null) {
			return;
		}
		List<String> numbers = permitNumbers.stream()
			.filter(n -> n != null && !n.isBlank() && !kept.containsKey(n))
			.distinct()
			.toList();
		if (!numbers.isEmpty()) {
			permits.findAll(numbers).forEach(JdbcPermitLedger::read);
		}
	}

	@Override
	public void lockAhead(java.util.Collection<String> permitNumbers) {
		List<String> numbers = permitNumbers.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
		if (!numbers.isEmpty()) {
			permits.lockAll(numbers).forEach(JdbcPermitLedger::read);
		}
	}

	@Override
	public Optional<String> check(WriteOffRequest request) {
		try {
			validate(request);
		} catch (Problem p) {
			return Optional.of(p.code());
		}
		// Accepted on the permit this transaction holds, no statement: its write-off compares the row with it. Not
		// refused on it: after a savepoint rolled a write-off back it may show less quota than the row holds.
		IssuedPermit kept = checkedInThisTransaction(request.permitNumber());
		if (kept != null && refusal(kept, request, time.today()).isEmpty()) {
			checkedOnKept.increment();
			return Optional.empty();
		}
		checkedOnRead.increment();
		Optional<IssuedPermit> permit = permits.find(request.permitNumber());
		if (permit.isEmpty()) {
			return Optional.of("PERMIT_NOT_FOUND");
		}
		read(permit.get()); // for its write-off (see #writeOffAsChecked)
		Optional<Problem> refusal = refusal(permit.get(), request, time.today());
		// A line already written off under this permit (a repeat) is no refusal, whatever the permit holds now.
		if (refusal.isPresent() && active(request.declarationId(), request.lineNo(), permit.get().id()).isPresent()) {
			return Optional.empty();
		}
		return refusal.map(Problem::code);
	}

	/** Why {@code permit} cannot take {@code request} on {@code today}, if it cannot. */
	private Optional<Problem> refusal(IssuedPermit permit, WriteOffRequest request, LocalDate today) {
		if (!permit.holder().equals(request.holder())) {
			return Optional.of(Problem.conflict("PERMIT_HOLDER_MISMATCH", permit.number(), request.holder().value()));
		}
		if (!permit.usableOn(today)) {
			return Optional.of(Problem.conflict("PERMIT_NOT_IN_FORCE", permit.number(),
					Problem.named("permit.status.", permit.status(today))));
		}
		CatalogueEntry entry = catalogue.entry(permit.catalogueCode());
		// Presented for one entry, a permit of another is no answer, even one whose scope covers the line (a wheat line
		// needs its quarantine permit; its tariff-quota certificate covers wheat too).
		if (WriteOffRequest.TARIFF_QUOTA.equals(request.presentedAs()) ? !entry.tariffQuota()
				: request.presentedAs() != null && !request.presentedAs().equals(permit.catalogueCode())) {
			return Optional.of(Problem.conflict("PERMIT_CATALOGUE_MISMATCH", permit.number(), permit.catalogueCode(),
					WriteOffRequest.TARIFF_QUOTA.equals(request.presentedAs()) ? "TARIFF_QUOTA" : request.presentedAs()));
		}
		if (!entry.coversAnyFlow(request.hsCode()) || !permit.grantedFor(request.hsCode())) {
			return Optional.of(Problem.conflict("PERMIT_SCOPE_MISMATCH", permit.number(), request.hsCode().value()));
		}
		if (permit.hasQuantityQuota()) {
			if (request.quantity() == null) {
				return Optional.of(Problem.invalidField("quantity", "REQUIRED"));
			}
			Optional<BigDecimal> taken = permit.quantityTaken(request);
			if (taken.isEmpty()) {
				// 5 TNE against a quota in KGM was written off as 5 kilograms: a quota counts in its own unit only.
				return Optional.of(Problem.conflict("PERMIT_QUOTA_UNIT_MISMATCH", permit.number(), permit.quotaUnit(),
						request.unit().value()));
			}
			if (permit.remainingQuantity().compareTo(taken.get()) < 0) {
				return Optional.of(Problem.conflict("PERMIT_QUOTA_EXCEEDED", permit.number(),
						permit.remainingQuantity().toPlainString(), permit.quotaUnit(), taken.get().toPlainString()));
			}
		}
		if (permit.hasValueQuota()) {
			if (request.valueCny() == null) {
				return Optional.of(Problem.invalidField("valueCny", "REQUIRED"));
			}
			if (permit.remainingValue().compareTo(request.valueCny()) < 0) {
				return Optional.of(Problem.conflict("PERMIT_QUOTA_EXCEEDED", permit.number(),
						permit.remainingValue().toPlainString(), "CNY", request.valueCny().toPlainString()));
			}
		}
		return Optional.empty();
	}

	private static void validate(WriteOffRequest request) {
		var violations = new Violations();
		violations.required(request.declarationId(), "declarationId");
		violations.check(request.lineNo() > 0, "lineNo", "TOO_SMALL", 1);
		violations.required(request.permitNumber(), "permitNumber");
		violations.required(request.holder(), "holder");
		violations.required(request.hsCode(), "hsCode");
		violations.check(request.quantity() == null || request.quantity().signum() > 0, "quantity", "TOO_SMALL",
				InputLimits.QUANTITY.smallest());
		violations.check(request.quantity() == null || request.unit() != null, "unit", "REQUIRED");
		violations.check(request.valueCny() == null || request.valueCny().signum() >= 0, "valueCny", "TOO_SMALL",
				BigDecimal.ZERO);
		violations.throwIfAny();
	}

	@Override
	@Transactional
	public void restore(UUID declarationId) {
		// Permits first (sorted, like every other writer), then the write-offs: no lock-order inversion with writeOff.
		List<UUID> permitIds = jdbc.sql("""
				SELECT DISTINCT permit_id FROM permit_write_off WHERE declaration_id = ? AND restored_at IS NULL
				ORDER BY permit_id""")
			.param(declarationId)
			.query(UUID.class)
			.list();
		if (permitIds.isEmpty()) {
			return;
		}
		jdbc.sql("SELECT id FROM permit WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", permitIds)
			.query(UUID.class).list();
		Timestamp now = Timestamp.from(time.now());
		record Given(UUID permitId, BigDecimal quantity, BigDecimal value) {
		}
		List<Given> given = jdbc.sql("""
				UPDATE permit_write_off SET restored_at = ? WHERE declaration_id = ? AND restored_at IS NULL
				RETURNING permit_id, quantity, value_cny""")
			.params(now, declarationId)
			.query((rs, i) -> new Given(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.list();
		for (Given g : given) {
			// Only quotas the permit carries are given back; COALESCE keeps a permit without that quota at NULL.
			jdbc.sql("""
					UPDATE permit SET
					    remaining_quantity = CASE WHEN quota_quantity IS NULL THEN NULL
					        ELSE remaining_quantity + COALESCE(?, 0) END,
					    remaining_value = CASE WHEN quota_value IS NULL THEN NULL
					        ELSE remaining_value + COALESCE(?, 0) END,
					    version = version + 1
					WHERE id = ?""")
				.params(g.quantity(), g.value(), g.permitId())
				.update();
		}
		auditTrail.record(AuditRecord.of("PERMIT_WRITE_OFFS_RESTORED", "DECLARATION", declarationId)
			.change(null, AuditRecord.state("restored", given.stream().map(g -> AuditRecord.state("permitId",
					g.permitId(), "quantity", g.quantity(), "valueCny", g.value())).toList())));
		log.info("event=permit_write_offs_restored declaration={} count={}", declarationId, given.size());
	}

	@Override
	public List<HeldPermit> heldBy(Uscc holder) {
		LocalDate today = time.today();
		return permits.heldBy(holder).stream().map(p -> p.held(today)).toList();
	}

	@Override
	public List<WriteOff> writeOffsOf(UUID declarationId) {
		return jdbc.sql("SELECT " + WRITE_OFF_COLUMNS
				+ " FROM permit_write_off WHERE declaration_id = ? ORDER BY line_no, written_off_at, permit_number")
			.param(declarationId)
			.query(JdbcPermitLedger::writeOff)
			.list();
	}

	/** Every write-off of one permit, newest first. */
	List<WriteOff> writeOffsAgainst(String permitNumber) {
		return jdbc.sql("SELECT " + WRITE_OFF_COLUMNS
				+ " FROM permit_write_off WHERE permit_number = ? ORDER BY written_off_at DESC, line_no")
			.param(permitNumber)
			.query(JdbcPermitLedger::writeOff)
			.list();
	}

	private Optional<WriteOff> active(UUID declarationId, int lineNo, UUID permitId) {
		return jdbc.sql("SELECT " + WRITE_OFF_COLUMNS
				+ " FROM permit_write_off WHERE declaration_id = ? AND line_no = ? AND permit_id = ? AND restored_at IS NULL")
			.params(declarationId, lineNo, permitId)
			.query(JdbcPermitLedger::writeOff)
			.optional();
	}

	private static WriteOff writeOff(ResultSet rs, int i) throws SQLException {
		Timestamp restored = rs.getTimestamp("restored_at");
		return new WriteOff(rs.getObject("id", UUID.class), rs.getObject("declaration_id", UUID.class),
				rs.getInt("line_no"), rs.getString("permit_number"), rs.getBigDecimal("quantity"),
				rs.getBigDecimal("value_cny"), rs.getBigDecimal("remaining_quantity"),
				rs.getBigDecimal("remaining_value"), rs.getTimestamp("written_off_at").toInstant(),
				restored == null ? null : restored.toInstant());
	}
}
