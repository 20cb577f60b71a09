package io.singlewindow.declaration.internal;

import java.util.Optional;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.risk.Channel;
import io.singlewindow.risk.RiskDecision;

/**
 * The single window's automatic decision policies: which agency tasks the platform decides itself and which wait for
 * an officer, each named by a stable reason code that the task, the timeline and the audit trail carry. Plain logic,
 * in the order the policies are tried; knows nothing of the database ({@link Declarations} stores the outcome).
 *
 * <ol>
 * <li>{@value #CUSTOMS_GREEN_CHANNEL} / {@value #CUSTOMS_CHANNEL_CHECK}: customs follows the risk channel — green is
 * cleared by rule, yellow and red go to an officer.</li>
 * <li>{@value #PERMIT_WRITTEN_OFF}: every line another agency was routed for carries a permit it issued, valid and
 * written off — also when another rule (an inspection category) routed the same line to it: the permit is its
 * answer.</li>
 * <li>{@value #PERMIT_NOT_REFERENCED} / {@value #PERMIT_WRITE_OFF_FAILED}: the agency was routed only for permits and
 * one is missing or cannot be written off; its officer decides.</li>
 * <li>{@value #OFFICER_REVIEW}: anything else an agency is routed for is reviewed by its officer.</li>
 * </ol>
 */
final class AutomaticDecision {

	static final String CUSTOMS_GREEN_CHANNEL = "CUSTOMS_GREEN_CHANNEL";
	static final String CUSTOMS_CHANNEL_CHECK = "CUSTOMS_CHANNEL_CHECK";
	static final String PERMIT_WRITTEN_OFF = "PERMIT_WRITTEN_OFF";
	static final String PERMIT_NOT_REFERENCED = "PERMIT_NOT_REFERENCED";
	static final String PERMIT_WRITE_OFF_FAILED = "PERMIT_WRITE_OFF_FAILED";
	static final String OFFICER_REVIEW = "OFFICER_REVIEW";

	/**
	 * @param status {@code AUTO_APPROVED} when the platform decided, else {@code PENDING} (an officer's task)
	 * @param policy the reason code of the policy that applied
	 * @param note what the policy saw (the channel, the permits), for the officer and the timeline; may be {@literal null}
	 */
	record Outcome(TaskStatus status, String policy, String note) {

		boolean automatic() {
			return status == TaskStatus.AUTO_APPROVED;
		}
	}

	private AutomaticDecision() {
	}

	/**
	 * @param permits what the agency's permits said, when any line was routed to it for a permit
	 */
	static Outcome decide(AgencyWork work, RiskDecision channel, Optional<PermitChecks.AgencyPermits> permits) {
		String permitNote = permits.map(PermitChecks.AgencyPermits::note).orElse(null);
		if (work.agency().equals(AgencyCode.CUSTOMS)) {
			String note = channel.channel() + " " + channel.reasonCode() + (permitNote == null ? "" : "; " + permitNote);
			return channel.channel() == Channel.GREEN ? auto(CUSTOMS_GREEN_CHANNEL, note)
					: officer(CUSTOMS_CHANNEL_CHECK, note);
		}
		if (permits.isPresent() && permits.get().allWrittenOff()
				&& permits.get().coveredLines().containsAll(work.lines())) {
			return auto(PERMIT_WRITTEN_OFF, permitNote);
		}
		if (work.onlyPermits()) {
			return officer(permits.isPresent() && permits.get().anyNotReferenced() ? PERMIT_NOT_REFERENCED
					: PERMIT_WRITE_OFF_FAILED, permitNote);
		}
		return officer(OFFICER_REVIEW, permitNote);
	}

	private static Outcome auto(String policy, String note) {
		return new Outcome(TaskStatus.AUTO_APPROVED, policy, note);
	}

	private static Outcome officer(String policy, String note) {
		return new Outcome(TaskStatus.PENDING, policy, note);
	}
}
