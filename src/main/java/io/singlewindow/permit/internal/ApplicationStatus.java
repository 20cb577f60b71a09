package io.singlewindow.permit.internal;

/** Where a permit application stands. */
public enum ApplicationStatus {
	/** APPROVAL_CANCELLED: nothing needed; recorded so the enterprise can show it asked. */
	NOT_REQUIRED,
	/** FILING: recorded at once; the record is the permit. */
	FILED,
	/** NOTIFICATION_COMMITMENT: issued at once on the signed commitment. */
	ISSUED,
	/** OPTIMISED_APPROVAL: in the issuing agency's queue. */
	UNDER_REVIEW,
	/** OPTIMISED_APPROVAL: the officer asked for more documents; back to the queue when the applicant supplements. */
	DOCUMENTS_REQUESTED,
	APPROVED,
	REJECTED;

	public boolean isPending() {
		return this == UNDER_REVIEW || this == DOCUMENTS_REQUESTED;
	}
}
