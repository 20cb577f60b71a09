package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.HsCode;
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

/**
 * The ledger on PostgreSQL. A write-off locks the permit's row ({@code SELECT … FOR UPDATE}) before it reads the
 * balance, so concurrent write-offs against one permit queue up and each sees the balance the previous one left; the
 * table's CHECK constraint refuses a negative balance should anything ever slip through. A restore locks the permits
 * first and then marks the write-offs, in the same order as a write-off takes its locks.
 */
@Component
class JdbcPermitLedger implements PermitLedger {

	private static final Logger log = LoggerFactory.getLogger(JdbcPermitLedger.class);

	private static final String WRITE_OFF_COLUMNS = """
			id, declaration_id, line_no, permit_number, quantity, value_cny, remaining_quantity, remaining_value,
			written_off_at, restored_at""";

	private final JdbcClient jdbc;
	private final PermitCatalogue catalogue;
	private final IssuedPermits permits;
	private final BusinessTime time;
	private final ApplicationEventPublisher events;
	private final AuditTrail auditTrail;

	JdbcPermitLedger(JdbcClient jdbc, PermitCatalogue catalogue, IssuedPermits permits, BusinessTime time,
			ApplicationEventPublisher events, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.permits = permits;
		this.time = time;
		this.events = events;
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
		IssuedPermit permit = permits.lock(request.permitNumber())
			.orElseThrow(() -> Problem.notFound("PERMIT_NOT_FOUND", request.permitNumber()));
		// Decided under the permit's lock, so a repeated request never races its original. A repeat is found by its
		// row (below, or when refused: the original may have taken the last of the quota); the first request of a
		// line, the usual case, costs no look-up.
		Optional<Problem> refusal = refusal(permit, request, time.today());
		if (refusal.isPresent()) {
			return active(request.declarationId(), request.lineNo(), permit.id()).orElseThrow(refusal::get);
		}
		BigDecimal remainingQuantity = permit.remainingQuantity();
		BigDecimal remainingValue = permit.remainingValue();
		if (permit.hasQuantityQuota()) {
			remainingQuantity = remainingQuantity.subtract(request.quantity());
		}
		if (permit.hasValueQuota()) {
			remainingValue = remainingValue.subtract(request.valueCny());
		}
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
					request.hsCode().value(), request.quantity(), request.valueCny(), remainingQuantity, remainingValue,
					Timestamp.from(now), remainingQuantity, remainingValue,
					permit.hasQuantityQuota() || permit.hasValueQuota())
			.query(Long.class)
			.single() == 1;
		if (!written) {
			return active(request.declarationId(), request.lineNo(), permit.id()).orElseThrow();
		}
		auditTrail.record(AuditRecord.of("PERMIT_WRITTEN_OFF", "PERMIT", permit.number()).actingFor(permit.holder())
			.change(AuditRecord.state("remainingQuantity", permit.remainingQuantity(), "remainingValue",
					permit.remainingValue()), AuditRecord.state("declaration", request.declarationId(), "line",
							request.lineNo(), "quantity", request.quantity(), "valueCny", request.valueCny(),
							"remainingQuantity", remainingQuantity, "remainingValue", remainingValue)));
		events.publishEvent(new PermitQuotaWrittenOff(id, permit.number(), permit.holder(), request.declarationId(),
				request.lineNo(), request.quantity(), request.valueCny(), remainingQuantity, remainingValue));
		log.info("event=permit_written_off permit={} declaration={} line={} quantity={} value={} remaining_quantity={} remaining_value={}",
				permit.number(), request.declarationId(), request.lineNo(), request.quantity(), request.valueCny(),
				remainingQuantity, remainingValue);
		return new WriteOff(id, request.declarationId(), request.lineNo(), permit.number(), request.quantity(),
				request.valueCny(), remainingQuantity, remainingValue, now, null);
	}

	@Override
	public Optional<String> check(WriteOffRequest request) {
		try {
			validate(request);
		} catch (Problem p) {
			return Optional.of(p.code());
		}
		Optional<IssuedPermit> permit = permits.find(request.permitNumber());
		if (permit.isEmpty()) {
			return Optional.of("PERMIT_NOT_FOUND");
		}
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
			return Optional.of(Problem.conflict("PERMIT_NOT_IN_FORCE", permit.number(), permit.status(today).name()));
		}
		CatalogueEntry entry = catalogue.entry(permit.catalogueCode());
		if (!entry.coversAnyFlow(request.hsCode()) || !permit.grantedFor(request.hsCode())) {
			return Optional.of(Problem.conflict("PERMIT_SCOPE_MISMATCH", permit.number(), request.hsCode().value()));
		}
		if (permit.hasQuantityQuota()) {
			if (request.quantity() == null) {
				return Optional.of(Problem.invalidField("quantity", "REQUIRED"));
			}
			if (permit.remainingQuantity().compareTo(request.quantity()) < 0) {
				return Optional.of(Problem.conflict("PERMIT_QUOTA_EXCEEDED", permit.number(),
						permit.remainingQuantity().toPlainString(), permit.quotaUnit(), request.quantity().toPlainString()));
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
		violations.check(request.lineNo() > 0, "lineNo", "TOO_SMALL", request.lineNo());
		violations.required(request.permitNumber(), "permitNumber");
		violations.required(request.holder(), "holder");
		violations.required(request.hsCode(), "hsCode");
		violations.check(request.quantity() == null || request.quantity().signum() > 0, "quantity", "TOO_SMALL",
				request.quantity());
		violations.check(request.valueCny() == null || request.valueCny().signum() >= 0, "valueCny", "TOO_SMALL",
				request.valueCny());
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
