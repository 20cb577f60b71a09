package io.singlewindow.risk;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads recorded risk assessments. Callers show them to officers only, never to traders or brokers (a trader who saw
 * why it was selected could learn to evade the profiles).
 */
public interface RiskAssessments {

	/** The assessment recorded by {@link RiskAssessor#assess(RiskRequest)} for this declaration, if any. */
	Optional<RiskAssessment> find(UUID declarationId);
}
