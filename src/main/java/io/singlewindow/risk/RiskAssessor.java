package io.singlewindow.risk;

import java.util.List;
import java.util.function.Supplier;

/** Assigns a declaration its customs control channel. */
public interface RiskAssessor {

	/**
	 * Decides the channel. The same request always gets the same decision (random selection is seeded by the
	 * declaration id), so a retried or re-routed declaration is not selected anew. Records the line prices as
	 * history for later unit-price anomaly checks.
	 */
	RiskDecision assess(RiskRequest request);

	/**
	 * Runs {@code work}, holding back what its assessments write (the assessment, its hits, the prices observed) for
	 * {@link #write} to write for many declarations at once, in the same transaction. Only for declarations assessed
	 * for the first time (a new submission): a held assessment cannot look for an earlier one, and {@link #write}
	 * fails if it finds one. Nothing reads these rows before the commit; work that is refused drops what it held with
	 * it.
	 */
	<T> Held<T> holding(Supplier<T> work);

	/** Writes what {@link #holding} held, in the caller's transaction. */
	void write(List<HeldAssessments> held);

	/** The result of held work and what its assessments are to write. */
	record Held<T>(T result, HeldAssessments assessments) {
	}

	/** What held assessments are to write; only the assessor that held them reads it. */
	interface HeldAssessments {
	}
}
