package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.identity.Actor;

/**
 * Submissions that share one transaction, each in a savepoint of its own (a group commit, {@link SubmissionGroups}; a
 * chunk of a batch, {@link BatchSubmissions}): what each writes that nothing reads before the commit is held back while
 * it runs, and written for all kept ones together once every savepoint is through.
 * <ul>
 * <li>its events ({@link HeldEvents}): a rolled-back savepoint cannot call back what a published event set in motion;
 * <li>its audit records ({@link AuditTrail#holding}), by the submission's caller, not by the thread that writes the
 * group (which has no request of its own): one multi-row insert for all;
 * <li>its lines, routes, tasks and timeline ({@link DeclarationRows#hold}): one multi-row insert per table for all. The
 * header is written at once: idempotency and locking depend on it.
 * </ul>
 */
@Component
class HeldSubmissions {

	private final HeldEvents events;
	private final DeclarationRows rows;
	private final AuditTrail auditTrail;

	HeldSubmissions(HeldEvents events, DeclarationRows rows, AuditTrail auditTrail) {
		this.events = events;
		this.rows = rows;
		this.auditTrail = auditTrail;
	}

	/** A submission through its savepoint, with what it held back. */
	record Kept<T>(HeldEvents.Held<T> events, List<AuditRecord> audit, DeclarationRows.Pending rows) {

		T result() {
			return events.result();
		}
	}

	/** Runs {@code submission} on behalf of {@code caller}, holding back its events, audit records and rows. */
	<T> Kept<T> hold(Actor caller, Supplier<T> submission) {
		var heldRows = rows.hold(() -> auditTrail.holding(caller, () -> events.hold(submission)));
		var heldAudit = heldRows.result();
		return new Kept<>(heldAudit.result(), heldAudit.records(), heldRows.rows());
	}

	/**
	 * Writes what the kept submissions held back, in the transaction they share, after every savepoint: their rows
	 * first, then their audit records, then their events (listeners may read the rows; a failing one fails the whole
	 * transaction).
	 */
	void writeAndPublish(List<? extends Kept<?>> kept) {
		DeclarationRows.Pending rowsOfAll = new DeclarationRows.Pending();
		List<AuditRecord> auditOfAll = new ArrayList<>();
		for (Kept<?> k : kept) {
			rowsOfAll.add(k.rows());
			auditOfAll.addAll(k.audit());
		}
		rows.write(rowsOfAll);
		auditTrail.recordAll(auditOfAll);
		kept.forEach(k -> events.release(k.events()));
	}
}
