package io.singlewindow.risk;

/** Assigns a declaration its customs control channel. */
public interface RiskAssessor {

	/**
	 * Decides the channel. The same request always gets the same decision (random selection is seeded by the
	 * declaration id), so a retried or re-routed declaration is not selected anew. Records the line prices as
	 * history for later unit-price anomaly checks.
	 */
	RiskDecision assess(RiskRequest request);
}
