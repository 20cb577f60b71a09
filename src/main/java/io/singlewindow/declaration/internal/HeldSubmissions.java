package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;
import io.singlewindow.risk.RiskAssessor;

/**
 * Submissions that share one transaction (a group commit, {@link SubmissionGroups}; a chunk of a batch,
 * {@link BatchSubmissions}), each in a savepoint of its own or, in a group, none: what each writes that nothing reads
 * before the commit is held back while it runs, and written for all kept ones together once every one is through.
 * <ul>
 * <li>its events ({@link HeldEvents}): a refusal cannot call back what a published event set in motion;
 * <li>its audit records ({@link AuditTrail#holding}), by the submission's caller, not by the thread that writes the
 * group (which has no request of its own): one multi-row insert for all;
 * <li>its lines, routes, tasks and timeline ({@link DeclarationRows#hold}): one multi-row insert per table for all, and
 * what routing concluded into its header, one update for all. The header itself is inserted at once: idempotency and
 * locking depend on it. Then its webhooks, which may carry the response document read from those rows;
 * <li>its risk assessment, hits and price observations ({@link RiskAssessor#holding}): one insert per table for all.
 * </ul>
 */
@Component
class HeldSubmissions {

	private final HeldEvents events;
	private final DeclarationRows rows;
	private final AuditTrail auditTrail;
	private final RiskAssessor risk;

	HeldSubmissions(HeldEvents events, DeclarationRows rows, AuditTrail auditTrail, RiskAssessor risk) {
		this.events = events;
		this.rows = rows;
		this.auditTrail = auditTrail;
		this.risk = risk;
	}

	/** A submission that was kept, with what it held back. */
	record Kept<T>(HeldEvents.Held<T> events, List<AuditRecord> audit, DeclarationRows.Pending rows,
			RiskAssessor.HeldAssessments assessments) {

		T result() {
			return events.result();
		}
	}

	/** Runs {@code submission} on behalf of {@code caller}, holding back its events, audit records and rows. */
	<T> Kept<T> hold(Actor caller, Supplier<T> submission) {
		var heldRisk = risk.holding(() -> rows.hold(() -> auditTrail.holding(caller, () -> events.hold(submission))));
		var heldRows = heldRisk.result();
		var heldAudit = heldRows.result();
		return new Kept<>(heldAudit.result(), heldAudit.records(), heldRows.rows(), heldRisk.assessments());
	}

	/**
	 * {@link #hold} for a submission that runs without a savepoint of its own: a refusal that comes before the submission
	 * wrote anything ({@link DeclarationRows#headerWritten}) is thrown as it is, and the transaction goes on; any other
	 * failure, or a refusal after a write, is thrown as {@link WrittenThenFailed}: only rolling back the whole
	 * transaction takes back what it wrote (and a failed statement leaves the transaction unusable anyway).
	 */
	<T> Kept<T> holdWithoutSavepoint(Actor caller, Supplier<T> submission) {
		return hold(caller, () -> {
			try {
				return submission.get();
			} catch (Problem refused) {
				if (!rows.headerWritten()) {
					throw refused;
				}
				throw new WrittenThenFailed(refused);
			} catch (RuntimeException failed) {
				throw new WrittenThenFailed(failed);
			}
		});
	}

	/** A submission without a savepoint failed, or was refused, when its transaction may hold what it wrote. */
	static final class WrittenThenFailed extends RuntimeException {

		WrittenThenFailed(RuntimeException cause) {
			super(cause);
		}

		/** The refusal, when a refusal it was. */
		java.util.Optional<Problem> refusal() {
			return getCause() instanceof Problem refused ? java.util.Optional.of(refused) : java.util.Optional.empty();
		}
	}

	/**
	 * Writes what the kept submissions held back, in the transaction they share, after every member: their rows
	 * first, then their risk assessments and audit records, then their events (listeners may read the rows; a failing
	 * one fails the whole transaction).
	 */
	void writeAndPublish(List<? extends Kept<?>> kept) {
		DeclarationRows.Pending rowsOfAll = new DeclarationRows.Pending();
		List<AuditRecord> auditOfAll = new ArrayList<>();
		List<RiskAssessor.HeldAssessments> assessmentsOfAll = new ArrayList<>();
		for (Kept<?> k : kept) {
			rowsOfAll.add(k.rows());
			auditOfAll.addAll(k.audit());
			assessmentsOfAll.add(k.assessments());
		}
		rows.write(rowsOfAll);
		risk.write(assessmentsOfAll);
		auditTrail.recordAll(auditOfAll);
		kept.forEach(k -> events.release(k.events()));
	}
}
