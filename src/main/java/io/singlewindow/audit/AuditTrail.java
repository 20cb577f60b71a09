package io.singlewindow.audit;

/**
 * Appends rows to the audit trail. A row is written in the caller's transaction, so a decision never commits without
 * its row and a rolled-back decision leaves none; calling it outside a transaction is a programming error and fails.
 * Appending takes no lock shared with other decisions (the hash chain is computed later, see {@code docs/audit.md}).
 *
 * <pre>{@code
 * auditTrail.record(AuditRecord.of("LICENCE_SUSPENDED", "LICENCE", uscc.value())
 *     .by(actor).actingFor(uscc).change(Map.of("status", "ACTIVE"), Map.of("status", "SUSPENDED", "reason", why)));
 * }</pre>
 */
public interface AuditTrail {

	/**
	 * Appends {@code record}. Without {@link AuditRecord#by(io.singlewindow.identity.Actor) who}, the actor of the
	 * current request is taken, else the platform itself ({@code system}).
	 *
	 * @param record must not be {@literal null}
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 */
	void record(AuditRecord record);

	/**
	 * Appends {@code records} in this order, as {@link #record} would one by one, in one statement: a declaration
	 * cleared automatically records one decision for each of its agencies.
	 */
	default void recordAll(java.util.List<AuditRecord> records) {
		records.forEach(this::record);
	}

	/**
	 * Runs {@code work} and returns, with its result, the records it appended, not written yet: for work that shares a
	 * larger transaction with others (a submission of a group commit or of a batch chunk) and whose rows must be
	 * written only if it is kept, and then together with the rows of the others in one statement. The caller writes
	 * them with {@link #recordAll} in the same transaction, or drops them with the refused work. Records that name no
	 * one are by {@code actor}, on whose behalf the work runs.
	 */
	<T> Held<T> holding(io.singlewindow.identity.Actor actor, java.util.function.Supplier<T> work);

	/** The result of held work and the records it appended, each naming who decided. */
	record Held<T>(T result, java.util.List<AuditRecord> records) {
	}
}
