package io.singlewindow.enterprise.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.singlewindow.enterprise.BusinessActivity;
import io.singlewindow.enterprise.Enterprise;

/**
 * A business licence with everything its holder and the officers see: the registration, the business scope, the
 * registrations with other agencies, and the history of changes.
 *
 * @param usccCheckValid {@literal false} for a recorded code whose check character is wrong (early Fujian pilot
 *     codes); such a code is legal and is shown with a warning
 * @param warnings stable codes of what a reader should notice, e.g. {@code USCC_CHECK_CHARACTER_MISMATCH}
 */
public record Licence(Enterprise enterprise, boolean usccCheckValid, String zoneArea, String origin,
		LocalDate establishedOn, String statusReason, Instant statusChangedAt, int version,
		List<BusinessActivity> businessScope, List<AgencyRegistration> agencyRegistrations, List<Change> amendments, List<StatusChange> history,
		List<String> warnings) {

	/** A registration with another agency made from the same application. */
	public record AgencyRegistration(String agency, String kind, String reference, Instant registeredAt) {
	}

	/** One changed field of an amendment. */
	public record Change(String field, String oldValue, String newValue, Instant amendedAt, String amendedBy) {
	}

	/** One change of the licence's state. */
	public record StatusChange(String action, String statusAfter, String reason, Instant occurredAt, String actor) {
	}
}
