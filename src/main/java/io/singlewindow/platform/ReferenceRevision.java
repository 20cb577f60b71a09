package io.singlewindow.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The revision of the reference data a submission looks up: tariff lines and rates, trade agreements, exchange
 * rates, the permit catalogue and the routing rules, and (rarely changed, read by every declaration) the risk profiles
 * and the declarants' webhook subscriptions. A database trigger gives it a new number, never used before, in the
 * transaction of every change to those tables (migrations {@code V11_0_1}, {@code V11_3_1}, {@code V11_4_1}), so a
 * node that keeps looked-up data for one revision ({@link ReferenceCache}) sees every committed change at its next
 * transaction, whichever node or hand made it: no message between nodes, no time-to-live.
 * <p>
 * The revision is read once per transaction: a submission that looks up ten tariff lines, their preferential rates,
 * an exchange rate and two catalogue entries asks the database one question instead of fifteen. The price: a
 * transaction that changes reference data must read it back directly, not through a cache, since it keeps the
 * revision it read before its change (the administration paths do; the caches serve declarations).
 */
@Component
public class ReferenceRevision {

	private static final Object KEY = new Object();

	private final JdbcClient jdbc;

	public ReferenceRevision(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The revision committed when the current transaction first asked (outside a transaction: now). */
	public long current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return read();
		}
		return TransactionScope.<Long>valueOf(KEY, this::read);
	}

	/** Keeps up to {@code capacity} looked-up values of one revision. */
	public <K, V> ReferenceCache<K, V> cache(int capacity) {
		return new ReferenceCache<>(this, capacity);
	}

	private long read() {
		return jdbc.sql("SELECT revision FROM reference_revision").query(Long.class).single();
	}
}
