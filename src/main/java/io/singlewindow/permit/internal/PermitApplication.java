package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.singlewindow.calendar.WorkingCalendar;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;

/**
 * An application for a permit.
 *
 * @param goods HS codes or prefixes applied for (goods permits)
 * @param documents one reference per required document of the catalogue entry, in its order
 * @param dueDate statutory deadline of the agency's review, {@literal null} outside OPTIMISED_APPROVAL
 * @param permitNumber the permit issued on it, if any
 */
public record PermitApplication(UUID id, String reference, String catalogueCode, Uscc applicant, PermitMode mode,
		AgencyCode issuingAgency, String scope, List<String> goods, BigDecimal requestedQuantity, String quotaUnit,
		BigDecimal requestedValue, List<String> documents, String commitmentSignedBy, Instant commitmentSignedAt,
		ApplicationStatus status, String submittedBy, Instant submittedAt, LocalDate dueDate, String decidedBy,
		Instant decidedAt, String reason, String permitNumber, int version) {

	public PermitApplication {
		goods = List.copyOf(goods);
		documents = List.copyOf(documents);
	}

	/** Still waiting for the agency after its statutory deadline. */
	public boolean overdueOn(LocalDate today) {
		return status == ApplicationStatus.UNDER_REVIEW && dueDate != null && today.isAfter(dueDate);
	}

	/** Working days left until the deadline (negative when overdue), {@literal null} when there is none. */
	public Integer workingDaysLeft(LocalDate today, WorkingCalendar calendar) {
		return dueDate == null || !status.isPending() ? null : calendar.between(today, dueDate);
	}

	/** One step of its audit trail. */
	public record Step(String action, String note, String actor, Instant at) {
	}
}
