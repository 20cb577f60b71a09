package io.singlewindow.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.singlewindow.risk.RiskAssessment;
import io.singlewindow.risk.RiskHit;

/** A declaration's risk assessment as the REST API shows it to officers. */
record RiskAssessmentView(UUID declarationId, String declarant, String channel, String reasonCode,
		String profileCode, String reason, boolean aeoCertified, Instant assessedAt, List<RiskHit> hits) {

	static RiskAssessmentView of(RiskAssessment a) {
		return new RiskAssessmentView(a.declarationId(), a.declarant().value(), a.channel().name(), a.reasonCode(),
				a.profileCode(), a.reason(), a.aeoCertified(), a.assessedAt(), a.hits());
	}
}
