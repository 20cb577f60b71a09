package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/**
 * The committers of submission groups, without a database: whatever goes wrong while a group is written, every caller
 * is answered and the committer goes on with the next group.
 */
class SubmissionGroupsUnitTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");
	static final Actor TRADER = new Actor(UUID.randomUUID(), "trader.chip", "Chip trader", Role.TRADER, CHIP, null,
			Set.of());

	SubmissionGroups groups;

	@AfterEach
	void stop() {
		if (groups != null) {
			groups.stop();
		}
	}

	@Test
	void anErrorWhileAGroupIsWrittenLeavesNoCallerWaitingAndTheCommitterGoesOn() throws Exception {
		// A StackOverflowError, an OutOfMemoryError, a LinkageError: not an exception, so nothing on the way catches
		// it. It killed the committer, and its callers, and every later submission of its declarants, waited for ever.
		AtomicInteger alone = new AtomicInteger();
		Declarations failingOnce = new Declarations(null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, 10) {

			final AtomicInteger groupsStarted = new AtomicInteger();

			@Override
			void readAheadPermitsOf(List<DeclarationDraft> drafts) {
				if (groupsStarted.getAndIncrement() == 0) {
					throw new StackOverflowError("while the group was written");
				}
				throw new IllegalStateException("this test writes no group");
			}

			@Override
			public Submission submit(Actor actor, DeclarationDraft draft, String idempotencyKey) {
				alone.incrementAndGet();
				return new Submission(UUID.randomUUID(), true, "number of " + idempotencyKey, DeclarationStatus.SUBMITTED);
			}
		};
		groups = new SubmissionGroups(failingOnce, null, new NoTransactions(), new SimpleMeterRegistry(), true,
				Duration.ofMillis(2), 64, 1);
		groups.start();

		var first = CompletableFuture.supplyAsync(() -> groups.submit(TRADER, draft(), "first"));
		assertThat(first.get(10, TimeUnit.SECONDS).number()).isEqualTo("number of first");
		var second = CompletableFuture.supplyAsync(() -> groups.submit(TRADER, draft(), "second"));
		assertThat(second.get(10, TimeUnit.SECONDS).number()).isEqualTo("number of second");
		assertThat(alone).hasValue(2);
	}

	private static DeclarationDraft draft() {
		return new DeclarationDraft(new DeclarationRequest(CHIP.value(), null, "IMPORT", "0110", "4", "CNXMN", "US",
				"CN", "US", "USD", "CIF", null, null, 1, null, null, null, null, List.of(), null), List.of());
	}

	/** Transactions that hold nothing: this test's submissions write nothing. */
	static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}
	}
}
