package io.singlewindow.declaration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;

/**
 * Group commit of submissions. With the database flushing every commit to disk, a commit costs a disk flush whatever
 * it carries; concurrent submissions are therefore gathered for a moment (and while the previous group commits) and
 * written in one transaction. A refusal fails no other submission: most are refused before the submission wrote
 * anything, and then cost the group nothing; one refused after a write has the group rolled back and written again
 * without it, each then in a savepoint of its own (see {@link #commit}). A submission's events, and what it writes that
 * nothing reads before the commit, are held back and written for the whole group at its end (see
 * {@link HeldSubmissions}); and every caller is answered only after the group committed, so an answered declaration is
 * on disk.
 * <p>
 * Several committers write groups side by side, each for its own share of the declarants: a permit is held by one
 * declarant, so two groups written at once never wait for each other's permit locks, and two submissions under one
 * key always meet in one committer. A submission that fails for a reason other than a refusal (a deadlock with an
 * officer's decision, the connection lost), or whose group fails to commit, is submitted again on its own, as it would
 * have been without groups; repeats are safe because a submission is idempotent under its key.
 */
@Component
class SubmissionGroups implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SubmissionGroups.class);

	private final Declarations declarations;
	private final HeldSubmissions held;
	private final TransactionTemplate group;
	private final TransactionTemplate each;
	private final Duration gather;
	private final int largest;
	private final boolean enabled;
	private final int committers;
	private final List<BlockingQueue<Waiting>> queues = new ArrayList<>();
	private final List<Thread> running = new ArrayList<>();
	private volatile boolean started;
	private final Counter writtenOnce;
	private final Counter writtenAgain;
	private final Counter failed;

	/** How groups end: written at once, written again without a member refused after a write, or failed. */
	private static Counter written(MeterRegistry meters, String how) {
		return Counter.builder("singlewindow.declaration.submission.groups")
			.description("Groups of submissions by how they were written").tag("written", how).register(meters);
	}

	SubmissionGroups(Declarations declarations, HeldSubmissions held, PlatformTransactionManager transactions,
			MeterRegistry meters,
			@Value("${singlewindow.declaration.group-commit.enabled:true}") boolean enabled,
			@Value("${singlewindow.declaration.group-commit.gather:2ms}") Duration gather,
			@Value("${singlewindow.declaration.group-commit.largest:64}") int largest,
			@Value("${singlewindow.declaration.group-commit.committers:4}") int committers) {
		this.declarations = declarations;
		this.held = held;
		this.group = new TransactionTemplate(transactions);
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.enabled = enabled;
		this.writtenOnce = written(meters, "once");
		this.writtenAgain = written(meters, "again");
		this.failed = written(meters, "failed");
		this.gather = gather;
		this.largest = Math.max(1, largest);
		this.committers = Math.max(1, committers);
		for (int i = 0; i < this.committers; i++) {
			queues.add(new LinkedBlockingQueue<>());
		}
	}

	/**
	 * A submission waiting for its group; answered with a {@link Declarations.Submission} or a refusal. Each is itself
	 * only (two submissions of the same draft are two members): the group's maps find a member by identity, not by a
	 * hash over its whole draft, which a record's own {@code hashCode} computed at every look-up (1.5 % of the
	 * platform's CPU in a {@code bench/e2e} profile).
	 */
	record Waiting(Actor actor, DeclarationDraft draft, String key, CompletableFuture<Outcome> answer) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}
	}

	/** What the group did with a submission: stored (or found under its key), refused, or left to submit alone. */
	record Outcome(Declarations.Submission submission, Problem refusal) {

		static final Outcome ALONE = new Outcome(null, null);
	}

	/** {@link Declarations#submit(Actor, DeclarationDraft, String)}, answered once the submission's group committed. */
	Declarations.Submission submit(Actor actor, DeclarationDraft draft, String idempotencyKey) {
		if (!started) {
			return declarations.submit(actor, draft, idempotencyKey);
		}
		Waiting submission = new Waiting(actor, draft, idempotencyKey, new CompletableFuture<>());
		BlockingQueue<Waiting> waiting = queueOf(submission);
		waiting.add(submission);
		Outcome outcome = null;
		while (outcome == null) {
			try {
				outcome = submission.answer().get(1, TimeUnit.SECONDS);
			} catch (TimeoutException e) {
				if (!started && waiting.remove(submission)) {
					outcome = Outcome.ALONE; // the committer stopped before it took this one
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while the submission's group committed", e);
			} catch (ExecutionException e) {
				outcome = Outcome.ALONE;
			}
		}
		if (outcome.refusal() != null) {
			throw outcome.refusal();
		}
		return outcome.submission() != null ? outcome.submission()
				: declarations.submit(actor, draft, idempotencyKey);
	}

	/** The declarant's share: what the request names, else whom the caller trades for (a key, not yet checked). */
	private BlockingQueue<Waiting> queueOf(Waiting submission) {
		String declarant = submission.draft().request().declarant();
		Object share = declarant != null && !declarant.isBlank() ? declarant.strip()
				: submission.actor().enterprise() != null ? submission.actor().enterprise() : submission.actor().username();
		return queues.get(Math.floorMod(share.hashCode(), committers));
	}

	private void commitGroups(BlockingQueue<Waiting> waiting) {
		while (started) {
			List<Waiting> members = new ArrayList<>();
			try {
				Waiting first = waiting.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				members.add(first);
				long until = System.nanoTime() + gather.toNanos();
				while (members.size() < largest) {
					Waiting next = waiting.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
					if (next == null) {
						break;
					}
					members.add(next);
				}
			} catch (InterruptedException e) {
				members.forEach(m -> m.answer().complete(Outcome.ALONE));
				break;
			}
			try {
				commit(members);
			} catch (Throwable e) {
				// An Error (a stack overflow, memory exhausted) gets past every catch of the group's writing, whose
				// transaction it rolled back. Unanswered, its callers would wait for ever, and with this committer gone
				// so would every later submission of its declarants: each goes alone instead, and the committer goes on.
				log.error("event=submission_group_error size={} error={}", members.size(), e.toString(), e);
				members.forEach(m -> m.answer().complete(Outcome.ALONE));
			}
		}
		// Stopped: whoever still waits submits on their own.
		for (Waiting left; (left = waiting.poll()) != null;) {
			left.answer().complete(Outcome.ALONE);
		}
	}

	/**
	 * Writes one group in one transaction and answers each member once it committed. The members first run without
	 * savepoints (two statements fewer each): a refusal before a member wrote anything costs the others nothing. A
	 * member refused, or failing, after it wrote is answered as such, and the group is rolled back and written again
	 * without it, each member then in a savepoint of its own, so that the group is written at most twice.
	 */
	void commit(List<Waiting> members) {
		long start = System.nanoTime();
		Map<Waiting, Outcome> outcomes = new LinkedHashMap<>();
		Undone undone = write(members, false, outcomes);
		if (undone != null) {
			List<Waiting> others = members.stream().filter(m -> m != undone.member()).toList();
			if (!others.isEmpty()) {
				write(others, true, outcomes);
			}
			outcomes.put(undone.member(), undone.outcome());
		}
		(undone != null ? writtenAgain : outcomes.isEmpty() ? failed : writtenOnce).increment();
		members.forEach(m -> m.answer().complete(outcomes.getOrDefault(m, Outcome.ALONE)));
		if (log.isDebugEnabled()) {
			log.debug("event=submission_group size={} refused={} alone={} written_again={} millis={}", members.size(),
					outcomes.values().stream().filter(o -> o.refusal() != null).count(),
					members.size() - outcomes.values().stream().filter(o -> o != Outcome.ALONE).count(),
					undone != null, (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** The member whose refusal or failure after a write rolled its group back, and its answer. */
	private record Undone(Waiting member, Outcome outcome) {
	}

	/** Thrown out of the group's transaction to roll it back for {@link #undone}. */
	private static final class RolledBackFor extends RuntimeException {

		final Undone undone;

		RolledBackFor(Undone undone) {
			super(null, null, false, false);
			this.undone = undone;
		}
	}

	/**
	 * Writes {@code members} in one transaction and, once it committed, puts their outcomes; none when it failed (each
	 * then submits alone).
	 *
	 * @param savepoints each member in a savepoint of its own (a group of one needs none)
	 * @return without savepoints, the member for which the transaction was rolled back, else {@literal null}
	 */
	private Undone write(List<Waiting> members, boolean savepoints, Map<Waiting, Outcome> outcomes) {
		Map<Waiting, Outcome> written = new LinkedHashMap<>();
		try {
			group.executeWithoutResult(tx -> {
				List<HeldSubmissions.Kept<Declarations.Submission>> stored = new ArrayList<>();
				// The members' permits in one statement rather than one per line checked.
				declarations.readAheadPermitsOf(members.stream().map(Waiting::draft).toList());
				for (Waiting member : members) {
					written.put(member, savepoints ? submitted(member, tx, members.size() > 1, stored)
							: withoutSavepoint(member, tx, stored));
				}
				// After every member: a failing listener fails the whole group, whose members then go alone.
				held.writeAndPublish(stored);
			});
		} catch (RolledBackFor e) {
			return e.undone;
		} catch (RuntimeException e) {
			log.warn("event=submission_group_failed size={} error={}", members.size(), e.toString());
			return null;
		}
		outcomes.putAll(written);
		return null;
	}

	/**
	 * Runs one member of the group, in a savepoint of its own so that its refusal rolls back only itself. A group of one
	 * needs no savepoint (two statements fewer): its refusal rolls the whole transaction back, which holds nothing else.
	 */
	private Outcome submitted(Waiting member, TransactionStatus group, boolean inSavepoint,
			List<HeldSubmissions.Kept<Declarations.Submission>> stored) {
		try {
			var kept = inSavepoint ? each.execute(savepoint -> hold(member)) : hold(member);
			stored.add(kept);
			return new Outcome(kept.result(), null);
		} catch (Problem refused) {
			rollBackUnlessIn(inSavepoint, group);
			return new Outcome(null, refused);
		} catch (RuntimeException e) {
			rollBackUnlessIn(inSavepoint, group);
			log.info("event=submission_left_to_itself error={}", e.toString());
			return Outcome.ALONE;
		}
	}

	private HeldSubmissions.Kept<Declarations.Submission> hold(Waiting member) {
		return held.hold(member.actor(), () -> declarations.submit(member.actor(), member.draft(), member.key()));
	}

	/**
	 * Runs one member of the group without a savepoint. Its refusal before it wrote anything leaves the transaction as
	 * it was; a refusal or failure after that, or anything that marked the transaction for rollback, rolls the whole
	 * group back ({@link RolledBackFor}).
	 */
	private Outcome withoutSavepoint(Waiting member, TransactionStatus group,
			List<HeldSubmissions.Kept<Declarations.Submission>> stored) {
		try {
			var kept = held.holdWithoutSavepoint(member.actor(),
					() -> declarations.submitInGroup(member.actor(), member.draft(), member.key()));
			stored.add(kept);
			return new Outcome(kept.result(), null);
		} catch (Problem refused) {
			if (group.isRollbackOnly()) {
				throw new RolledBackFor(new Undone(member, new Outcome(null, refused)));
			}
			return new Outcome(null, refused);
		} catch (HeldSubmissions.WrittenThenFailed e) {
			if (e.refusal().isEmpty()) {
				log.info("event=submission_left_to_itself error={}", e.getCause().toString());
			}
			throw new RolledBackFor(new Undone(member, e.refusal().map(p -> new Outcome(null, p)).orElse(Outcome.ALONE)));
		}
	}

	private static void rollBackUnlessIn(boolean savepoint, TransactionStatus group) {
		if (!savepoint) {
			group.setRollbackOnly();
		}
	}

	@Override
	public synchronized void start() {
		if (enabled && !started) {
			started = true;
			for (int i = 0; i < committers; i++) {
				BlockingQueue<Waiting> waiting = queues.get(i);
				running.add(Thread.ofPlatform().name("submission-groups-" + i).daemon().start(() -> commitGroups(waiting)));
			}
		}
	}

	@Override
	public synchronized void stop() {
		started = false;
		// Not interrupted: a group being written finishes; each committer sees it should stop within a second.
		for (Thread committer : running) {
			try {
				committer.join(Duration.ofSeconds(10));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		running.clear();
	}

	@Override
	public boolean isRunning() {
		return started;
	}
}
