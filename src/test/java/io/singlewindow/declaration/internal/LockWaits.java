package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moment a test knows that a concurrent writer is blocked: some connection waits for a lock (e.g. for a licence
 * the test's own transaction holds). Read on a connection of its own, outside the caller's transaction.
 */
final class LockWaits {

	private LockWaits() {
	}

	/** Waits up to 20 s until a connection waits for a lock; {@code who} names the writer expected to wait. */
	static void awaitOne(JdbcClient jdbc, PlatformTransactionManager transactions, String who) {
		TransactionTemplate own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (own.execute(tx -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
			.query(Long.class).single()) == 0) {
			assertThat(System.nanoTime()).as(who + " waits for a lock within 20 s").isLessThan(deadline);
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
