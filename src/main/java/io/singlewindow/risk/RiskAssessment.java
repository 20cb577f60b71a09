package io.singlewindow.risk;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.Uscc;
import io.singlewindow.platform.BusinessTime;

/**
 * The recorded risk assessment of one declaration: its channel, the main reason and every hit. For officers only.
 *
 * @param aeoCertified whether the declarant was AEO-certified when assessed (its selection rates were reduced)
 * @param hits every policy that fired, selected or not, in the order they were evaluated
 */
public record RiskAssessment(UUID declarationId, Uscc declarant, Channel channel, String reasonCode,
		String profileCode, String reason, boolean aeoCertified, Instant assessedAt, List<RiskHit> hits) {

	public RiskAssessment {
		hits = List.copyOf(hits);
	}

	/** The decision as {@link RiskAssessor#assess(RiskRequest)} returned it. */
	public RiskDecision decision() {
		return new RiskDecision(channel, reasonCode, profileCode, reason);
	}

	/** The hits that decided the channel. */
	public List<RiskHit> selectedHits() {
		return hits.stream().filter(RiskHit::selected).toList();
	}

	/** When it was assessed, in the zone's time. */
	public ZonedDateTime assessedInZone() {
		return assessedAt.atZone(BusinessTime.ZONE);
	}

	/** Whether customs releases the declaration without an officer. */
	public boolean automaticRelease() {
		return channel == Channel.GREEN;
	}
}
