package io.singlewindow.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock of the current transaction, by name, held until it commits or rolls back ({@code pg_advisory_xact_lock} on
 * the name's hash): writers of one thing queue up on it where a check reads committed rows only, so that two at one
 * instant cannot both pass the check (an administrator's listing, a permit application, a calendar year). A name is
 * its owner's kind and key, e.g. {@code "calendar-year:2027"}; two names that hash alike only queue needlessly.
 */
public final class TransactionLock {

	private TransactionLock() {
	}

	/** Waits until no other transaction holds {@code name}'s lock, then holds it until this transaction ends. */
	public static void take(JdbcClient jdbc, String name) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(name).query(Object.class).list();
	}
}
