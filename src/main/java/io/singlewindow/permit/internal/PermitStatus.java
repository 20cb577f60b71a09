package io.singlewindow.permit.internal;

import java.time.LocalDate;

/**
 * The status of an issued permit on a given day. {@link #EXPIRED} is never stored: it follows from the validity and
 * the business date, so a permit lapses at midnight (zone time) without any job running.
 */
public enum PermitStatus {
	IN_FORCE, SUSPENDED, REVOKED, EXPIRED;

	/** The status on {@code day} of a permit stored as {@code stored} and valid until {@code validUntil} (inclusive). */
	static PermitStatus on(LocalDate day, PermitStatus stored, LocalDate validUntil) {
		if (stored == IN_FORCE && validUntil != null && day.isAfter(validUntil)) {
			return EXPIRED;
		}
		return stored;
	}
}
