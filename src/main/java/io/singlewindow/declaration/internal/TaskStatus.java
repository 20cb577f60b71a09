package io.singlewindow.declaration.internal;

/** The state of one agency's task on one declaration. */
enum TaskStatus {
	PENDING, AUTO_APPROVED, APPROVED, REJECTED, QUERIED;

	boolean approved() {
		return this == AUTO_APPROVED || this == APPROVED;
	}
}
