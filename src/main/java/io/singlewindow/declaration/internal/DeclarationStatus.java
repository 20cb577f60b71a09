package io.singlewindow.declaration.internal;

import java.util.Collection;

import org.springframework.context.MessageSourceResolvable;

import io.singlewindow.core.Problem;

/**
 * The one status a trader sees, consolidated from the agencies' tasks; {@code WITHDRAWN} (by its declarant),
 * {@code RELEASED} (by customs) and {@code CANCELLED} (by customs, after a clearance) are acts, not consolidations.
 */
enum DeclarationStatus {
	SUBMITTED, UNDER_REVIEW, QUERIED, REJECTED, WITHDRAWN, CLEARED, RELEASED, CANCELLED;

	/**
	 * The consolidated status of a declaration under review: one rejection rejects it, an open question queries it,
	 * and it is cleared only when every routed agency approved (by rule or by an officer).
	 */
	static DeclarationStatus consolidate(Collection<TaskStatus> tasks) {
		if (tasks.isEmpty()) {
			return UNDER_REVIEW;
		}
		if (tasks.contains(TaskStatus.REJECTED)) {
			return REJECTED;
		}
		if (tasks.contains(TaskStatus.QUERIED)) {
			return QUERIED;
		}
		return tasks.stream().allMatch(TaskStatus::approved) ? CLEARED : UNDER_REVIEW;
	}

	/** The declarant may still change what was declared: nobody has rejected or cleared it yet. */
	boolean amendable() {
		return this == UNDER_REVIEW || this == QUERIED;
	}

	/** Its name in the reader's language, for a problem's message ("is Cleared" rather than its code). */
	MessageSourceResolvable named() {
		return Problem.named("declaration.status.", this);
	}

	/** Customs may still cancel it: every agency cleared it, whether or not the goods are released yet. */
	boolean cancellable() {
		return this == CLEARED || this == RELEASED;
	}

	boolean open() {
		return this == SUBMITTED || this == UNDER_REVIEW || this == QUERIED;
	}
}
