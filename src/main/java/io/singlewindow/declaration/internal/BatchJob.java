package io.singlewindow.declaration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.MultiRowInsert;
import io.singlewindow.platform.RunApart;

/**
 * The job that submits the declarations of accepted batches ({@link BatchSubmissions}) on every node, in chunks: one
 * transaction takes up to {@link #CHUNK} pending declarations (row locks, skipping those another node holds), submits
 * them, and records every outcome (and an attempt for each) in one statement before it commits. A chunk costs one commit, hence one disk flush, where one declaration
 * at a time cost three (claim, submission, outcome); a node that stops mid-chunk leaves nothing of it, and its
 * declarations are taken again. A chunk is written as a group of REST submissions is ({@link SubmissionGroups}): first
 * without a savepoint for each declaration, since most refusals come before a declaration wrote anything; when one is
 * refused (or fails) after it wrote, the chunk is rolled back and written again, each declaration then in a savepoint
 * of its own, so that a refusal rolls back only that one.
 * <p>
 * When a chunk cannot commit (a listener failed, a deadlock), its declarations are submitted one at a time instead:
 * a claim is then a lease ({@link #LEASE}), so a node that stops while it holds one leaves the declaration to be
 * claimed again once the lease has run out, and the second submission, under the same idempotency key, finds the
 * declaration the first one stored instead of storing another. Outcomes are recorded under the batch's row lock, so
 * exactly one node sees the last declaration finish and announces the batch to the owner's webhooks.
 * <p>
 * A node writes {@code singlewindow.declaration.batch.workers} chunks side by side, each locking the permits its
 * declarations name in the order of their numbers before any of them writes, so that two chunks never wait for each
 * other's licences; and it runs on a thread of its own, which the scheduler only starts.
 */
@Component
class BatchJob {

	private static final Logger log = LoggerFactory.getLogger(BatchJob.class);

	/** How long a node may take to submit the declaration it claimed before another node may claim it again. */
	static final Duration LEASE = Duration.ofMinutes(2);

	/** A declaration whose submission failed this often (not refused: failed, e.g. the database away) is refused. */
	static final int MAX_ATTEMPTS = 5;

	/** A workbook a person looked at but did not submit is forgotten after this. */
	static final Duration PREVIEW_KEPT = Duration.ofDays(1);

	/** Declarations one poll submits at most one at a time (after a chunk failed to commit). */
	static final int PER_POLL = 50;

	/** Declarations submitted in one transaction. */
	static final int CHUNK = 50;

	/** Chunks one round submits at most. */
	static final int CHUNKS_PER_POLL = 20;

	/** How long one run of the job goes on taking chunks while its budget keeps running out with more pending. */
	static final Duration RUN_AT_MOST = Duration.ofSeconds(10);

	/** Chunks a node writes side by side (one transaction and connection each). */
	private final int workers;

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final TransactionTemplate savepoint;
	private final Declarations declarations;
	private final KeyedActors actors;
	private final Webhooks webhooks;
	private final BusinessTime time;
	private final HeldSubmissions held;
	private final BatchDocuments documents;
	private final Counter writtenOnce;
	private final Counter writtenAgain;
	private final Counter failed;
	private final RunApart runs = new RunApart("declaration-batches", Duration.ofSeconds(30), this::run);

	/** How chunks end: written at once, written again in savepoints after a refusal that came after a write, failed. */
	private static Counter chunks(MeterRegistry meters, String how) {
		return Counter.builder("singlewindow.declaration.batch.chunks")
			.description("Chunks of batched declarations by how they were written").tag("written", how)
			.register(meters);
	}

	BatchJob(JdbcClient jdbc, PlatformTransactionManager transactions, Declarations declarations, KeyedActors actors,
			Webhooks webhooks, BusinessTime time, HeldSubmissions held, BatchDocuments documents, MeterRegistry meters,
			@Value("${singlewindow.declaration.batch.workers:2}") int workers) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.declarations = declarations;
		this.actors = actors;
		this.webhooks = webhooks;
		this.time = time;
		this.held = held;
		this.documents = documents;
		this.workers = Math.max(1, workers);
		this.writtenOnce = chunks(meters, "once");
		this.writtenAgain = chunks(meters, "again");
		this.failed = chunks(meters, "failed");
	}

	/**
	 * Starts a run of the job unless one is under way, on a thread of its own ({@link RunApart}): a run that takes
	 * seconds, or waits for a licence an officer holds, would otherwise hold up the statistics and the audit seal.
	 */
	@Scheduled(fixedDelayString = "${singlewindow.declaration.batch.poll:PT1S}", initialDelayString = "PT5S")
	void poll() {
		runs.startUnlessRunning();
	}

	/**
	 * Submits what is pending; while a round used its whole budget ({@link #CHUNKS_PER_POLL}) and more is pending, the
	 * next round starts at once rather than a poll interval later (the interval after every 1,000 declarations was a
	 * third of the time an interchange of 10,000 took), for at most {@link #RUN_AT_MOST}.
	 */
	private void run() {
		long until = System.nanoTime() + RUN_AT_MOST.toNanos();
		try {
			while (!runs.stopping() && submit(time.now()).more() && System.nanoTime() < until) {
				// the next round
			}
		}
		catch (RuntimeException e) {
			log.warn("event=declaration_batch_run_failed error={}", e.toString());
		}
	}

	/** Lets a run under way finish its chunk before the database goes; the next node takes the rest. */
	@PreDestroy
	void stop() throws InterruptedException {
		runs.stop();
	}

	/** A round of the job: how many declarations it finished, and whether it stopped with more still pending. */
	private record Round(int finished, boolean more) {
	}

	/**
	 * Submits pending declarations of accepted batches in chunks, at most {@link #CHUNKS_PER_POLL}, {@link #workers}
	 * chunks side by side (one chunk at a time kept one core of two busy: a chunk's Java work and its statements take
	 * turns); a chunk that cannot commit is submitted one at a time. Returns how many declarations it finished.
	 */
	int submitPending(Instant now) {
		return submit(now).finished();
	}

	private Round submit(Instant now) {
		forgetUnsubmittedPreviews(now);
		AtomicInteger chunksLeft = new AtomicInteger(CHUNKS_PER_POLL);
		if (workers == 1) {
			int finished = submitChunks(now, chunksLeft);
			return new Round(finished, chunksLeft.get() < 0 && finished > 0);
		}
		int finished = 0;
		try (var side = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> running = new ArrayList<>();
			for (int i = 0; i < workers; i++) {
				running.add(side.submit(() -> submitChunks(now, chunksLeft)));
			}
			for (var worker : running) {
				try {
					finished += worker.get();
				}
				catch (ExecutionException e) {
					// submitChunks handles what a chunk throws; what is left here escaped its fallback too.
					log.warn("event=declaration_batch_worker_failed error={}", e.getCause().toString());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return new Round(finished, false);
				}
			}
		}
		// Every worker stopped on the budget (a worker that found nothing pending leaves it unspent): more may wait.
		return new Round(finished, chunksLeft.get() < 0 && finished > 0);
	}

	/** Submits chunks while some are pending and {@code chunksLeft} allows; returns how many declarations finished. */
	private int submitChunks(Instant now, AtomicInteger chunksLeft) {
		int finished = 0;
		while (!runs.stopping() && chunksLeft.getAndDecrement() > 0) {
			int chunk;
			try {
				chunk = submitChunk(now);
			}
			catch (RuntimeException e) {
				failed.increment();
				log.warn("event=declaration_batch_chunk_failed error={}", e.toString());
				return finished + submitOneByOne(now);
			}
			if (chunk < 0) {
				break;
			}
			finished += chunk;
		}
		return finished;
	}

	/**
	 * Submits up to {@link #CHUNK} pending declarations in one transaction, without a savepoint each; when one of them
	 * was refused or failed after it wrote, rolls the chunk back and submits it again with a savepoint each. Returns how
	 * many it finished, -1 when none was pending.
	 */
	private int submitChunk(Instant now) {
		int finished;
		try {
			finished = submitChunk(now, null);
		}
		catch (WrittenThenRefused undone) {
			// Taken again (another node may have taken some meanwhile) without the undone one, which is answered as
			// it was in the undone pass, as a group answers its member (a second try would meet other circumstances);
			// the undone pass counted no attempt.
			finished = submitChunk(now, undone);
			if (finished >= 0) {
				writtenAgain.increment();
			}
			return finished;
		}
		if (finished >= 0) {
			writtenOnce.increment();
		}
		return finished;
	}

	/**
	 * Thrown out of a chunk's transaction, to roll it back, when a declaration was refused or failed after it wrote;
	 * with that declaration's outcome ({@literal null}: to be tried again).
	 */
	private static final class WrittenThenRefused extends RuntimeException {

		final UUID batchId;
		final int position;
		final Outcome outcome;

		WrittenThenRefused(Claim claim, Outcome outcome) {
			super(null, null, false, false);
			this.batchId = claim.batchId();
			this.position = claim.position();
			this.outcome = outcome;
		}

		boolean of(Claim claim) {
			return claim.batchId().equals(batchId) && claim.position() == position;
		}
	}

	/** A claimed declaration read into the draft it is submitted as, with the rows its items came from. */
	private record Member(Claim claim, DeclarationWorkbooks.Entry entry, DeclarationDraft draft, List<Integer> rowOf) {

		static Member of(Claim claim) {
			DeclarationWorkbooks.Entry entry = DeclarationWorkbooks.Entry.of(claim.declaration());
			List<Integer> rowOf = new ArrayList<>();
			return new Member(claim, entry, entry.draft(rowOf), rowOf);
		}
	}

	/**
	 * @param undone {@literal null}: each declaration without a savepoint; else each in a savepoint of its own, and the
	 *     declaration the pass without them was rolled back for is answered as it was there
	 */
	private int submitChunk(Instant now, WrittenThenRefused undone) {
		Integer finished = transaction.execute(tx -> {
			// Held by this transaction's row locks, not by a lease: a node that stops leaves them to the others at once.
			List<Claim> claims = claimChunk(now);
			if (claims.isEmpty()) {
				return -1;
			}
			List<Member> members = claims.stream().sorted(Comparator.comparing(Claim::batchId)
				.thenComparingInt(Claim::position)).map(Member::of).toList();
			// The chunk's permits in one statement rather than one per line checked, as a group reads them, and locked
			// in one order: chunks are written side by side (workers, nodes), and each write-off would otherwise lock
			// its permit in the order of the chunk's lines, so two chunks naming two licences could wait for each other.
			declarations.lockAheadPermitsOf(members.stream().map(Member::draft).toList());
			Map<UUID, Optional<Actor>> submitters = new HashMap<>();
			List<HeldSubmissions.Kept<?>> stored = new ArrayList<>();
			Map<Claim, Outcome> outcomes = new LinkedHashMap<>();
			for (Member member : members) {
				Claim claim = member.claim();
				Optional<Actor> actor = submitters.computeIfAbsent(claim.submittedBy(), actors::actorFor);
				outcomes.put(claim, actor.isEmpty() ? submitterInactive(claim.declaration())
						: undone == null ? withoutSavepoint(actor.get(), member, stored, tx)
								: undone.of(claim) ? undone.outcome : inSavepoint(actor.get(), member, stored));
			}
			// After every member, as a group commit does (SubmissionGroups): events of refused ones never leave.
			held.writeAndPublish(stored);
			int recorded = 0;
			for (var byBatch : outcomes.entrySet().stream()
				.collect(Collectors.groupingBy(e -> e.getKey().batchId(), TreeMap::new, Collectors.toList()))
				.entrySet()) {
				recorded += recordAll(byBatch.getKey(), byBatch.getValue());
			}
			return recorded;
		});
		return finished == null ? -1 : finished;
	}

	/**
	 * One declaration of a chunk without a savepoint. A refusal before it wrote anything leaves the transaction as it
	 * was; a refusal or failure after that, or anything that marked the transaction for rollback, rolls the chunk back
	 * ({@link WrittenThenRefused}).
	 */
	private Outcome withoutSavepoint(Actor actor, Member member, List<HeldSubmissions.Kept<?>> stored,
			TransactionStatus chunk) {
		try {
			var kept = held.holdWithoutSavepoint(actor,
					() -> declarations.submitInGroup(actor, member.draft(), member.claim().key()));
			stored.add(kept);
			return submitted(kept.result());
		}
		catch (Problem problem) {
			Outcome refused = refusal(member.entry(), member.rowOf(), member.claim().key(), problem);
			if (chunk.isRollbackOnly()) {
				throw new WrittenThenRefused(member.claim(), refused);
			}
			return refused;
		}
		catch (HeldSubmissions.WrittenThenFailed e) {
			Claim claim = member.claim();
			throw new WrittenThenRefused(claim, e.refusal()
				.map(p -> refusal(member.entry(), member.rowOf(), claim.key(), p))
				.orElseGet(() -> failed(claim, e.getCause())));
		}
	}

	/**
	 * One declaration of a chunk in a savepoint; {@literal null} when it failed other than by a refusal and may be
	 * tried again (it stays pending; the attempt is counted, and after {@link #MAX_ATTEMPTS} it is refused).
	 */
	private Outcome inSavepoint(Actor actor, Member member, List<HeldSubmissions.Kept<?>> stored) {
		Claim claim = member.claim();
		try {
			var kept = savepoint.execute(sp -> held.hold(actor,
					() -> declarations.submit(actor, member.draft(), claim.key())));
			stored.add(kept);
			return submitted(kept.result());
		}
		catch (Problem problem) {
			return refusal(member.entry(), member.rowOf(), claim.key(), problem);
		}
		catch (RuntimeException e) {
			return failed(claim, e);
		}
	}

	/**
	 * A declaration of a chunk that failed other than by a refusal: {@literal null}, to be tried again (it stays
	 * pending, the attempt counted), until the {@link #MAX_ATTEMPTS}th attempt, which refuses it.
	 */
	private static Outcome failed(Claim claim, Throwable failure) {
		log.warn("event=declaration_batch_submission_failed batch={} position={} attempt={} error={}",
				claim.batchId(), claim.position(), claim.attempts(), failure.toString());
		return claim.attempts() < MAX_ATTEMPTS ? null : refused("SUBMISSION_FAILED",
				List.of(new FieldProblem(claim.declaration().source(), "SUBMISSION_FAILED")));
	}

	private static Outcome submitted(Declarations.Submission submission) {
		return new Outcome(DeclarationBatch.State.SUBMITTED, submission.id(), !submission.created(), null, List.of());
	}

	/**
	 * Records the outcomes of one batch's declarations of a chunk, and an attempt for each (one left pending to be
	 * tried again too), in one statement, under the batch's row lock (see {@link #record}); returns how many finished.
	 */
	private int recordAll(UUID batchId, List<Map.Entry<Claim, Outcome>> outcomes) {
		Instant now = time.now();
		String owner = served(batchId, now);
		List<Object[]> rows = new ArrayList<>();
		int finished = 0;
		for (var e : outcomes) {
			Outcome outcome = e.getValue();
			if (outcome == null) {
				rows.add(new Object[] { e.getKey().position(), null, null, false, null, null });
				continue;
			}
			finished++;
			rows.add(new Object[] { e.getKey().position(), outcome.state().name(), outcome.declarationId(),
					outcome.repeated(), outcome.code(), documents.problems(outcome.problems()) });
		}
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(now));
		params.addAll(List.of(MultiRowInsert.columns(rows, 6)));
		params.add(batchId);
		jdbc.sql("""
				UPDATE declaration_batch_entry e SET state = COALESCE(o.state, e.state),
				    declaration_id = o.declaration_id::uuid, repeated = o.repeated::boolean, code = o.code,
				    problems = o.problems::jsonb, attempts = e.attempts + 1,
				    finished_at = CASE WHEN o.state IS NULL THEN NULL ELSE CAST(? AS TIMESTAMPTZ) END,
				    claimed_until = CASE WHEN o.state IS NULL THEN e.claimed_until END
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    AS o(position, state, declaration_id, repeated, code, problems)
				WHERE e.batch_id = ? AND e.position = o.position::int AND e.state = 'PENDING'""")
			.params(params)
			.update();
		announceIfFinished(batchId, owner, now);
		return finished;
	}

	/**
	 * Takes the batch's row lock for recording its outcomes, and notes that it was served now: claims take the batch
	 * served longest ago first. Returns the batch's owner.
	 */
	private String served(UUID batchId, Instant now) {
		return jdbc.sql("UPDATE declaration_batch SET served_at = ? WHERE id = ? RETURNING owner")
			.params(Timestamp.from(now), batchId).query(String.class).single();
	}

	/** Submits pending declarations one at a time, at most {@link #PER_POLL}; returns how many it finished. */
	private int submitOneByOne(Instant now) {
		int finished = 0;
		for (int i = 0; i < PER_POLL; i++) {
			Optional<Claim> claim = claim(now);
			if (claim.isEmpty()) {
				break;
			}
			if (submit(claim.get())) {
				finished++;
			}
		}
		return finished;
	}

	private record Claim(UUID batchId, int position, UUID submittedBy, String key, int attempts,
			BatchedDeclaration declaration) {
	}

	/**
	 * The unfinished batches in turn: the batch served longest ago first (one never served before any, then the
	 * oldest accepted). Read apart from their entries, in the order of their index: a claim that sorted batches joined
	 * with their locked entries would read and lock the first entries of every unfinished batch before the sort, and
	 * hold them until its chunk committed, leaving the other workers little to take (bench/interchange: 725 against
	 * 881 declarations a second, README). The 100 first are enough: a claim takes at most {@link #CHUNK}.
	 */
	private List<BatchInTurn> batchesInTurn() {
		return jdbc.sql("""
				SELECT id, submitted_by FROM declaration_batch WHERE finished_at IS NULL AND accepted_at IS NOT NULL
				ORDER BY served_at NULLS FIRST, accepted_at, id LIMIT 100""")
			.query((rs, n) -> new BatchInTurn(rs.getObject("id", UUID.class), rs.getObject("submitted_by", UUID.class)))
			.list();
	}

	private record BatchInTurn(UUID id, UUID submittedBy) {
	}

	/**
	 * Narrows {@code declaration_batch_entry} to a batch's next pending declarations whose lease ran out before
	 * {@code ?} (or that nobody took), at most {@code ?}, in their order, read from the pending entries' index and
	 * locked as they are read, skipping those another transaction holds.
	 */
	private static final String PENDING = """
			WHERE batch_id = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)
			ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED""";

	/**
	 * Takes the next pending declaration of the batches in turn, in its own short transaction, under a lease
	 * ({@link #LEASE}), and counts an attempt.
	 */
	private Optional<Claim> claim(Instant now) {
		for (BatchInTurn batch : batchesInTurn()) {
			Optional<Claim> claim = jdbc.sql("""
					UPDATE declaration_batch_entry e SET claimed_until = ?, attempts = e.attempts + 1
					FROM (SELECT batch_id, position FROM declaration_batch_entry %s) c
					WHERE e.batch_id = c.batch_id AND e.position = c.position
					RETURNING e.batch_id, e.position, CAST(? AS UUID) AS submitted_by, e.submission_key, e.attempts,
					          e.document""".formatted(PENDING))
				.params(Timestamp.from(now.plus(LEASE)), batch.id(), Timestamp.from(now), 1, batch.submittedBy())
				.query(this::claimRow)
				.optional();
			if (claim.isPresent()) {
				return claim;
			}
		}
		return Optional.empty();
	}

	/**
	 * Takes up to {@link #CHUNK} pending declarations of the batches in turn for the caller's transaction, held by its
	 * row locks and not by a lease, in the batches' turn and each batch's order. Nothing is written: the attempt is
	 * counted when the outcomes are recorded, in the same transaction ({@link #recordAll}), so a chunk rolled back
	 * counts none and each entry is updated once. {@code attempts} is the count with this one.
	 */
	private List<Claim> claimChunk(Instant now) {
		List<Claim> claims = new ArrayList<>();
		for (BatchInTurn batch : batchesInTurn()) {
			claims.addAll(jdbc.sql("""
					SELECT batch_id, position, CAST(? AS UUID) AS submitted_by, submission_key, attempts + 1 AS attempts,
					       document
					FROM declaration_batch_entry %s""".formatted(PENDING))
				.params(batch.submittedBy(), batch.id(), Timestamp.from(now), CHUNK - claims.size())
				.query(this::claimRow)
				.list());
			if (claims.size() == CHUNK) {
				break;
			}
		}
		return claims;
	}

	private Claim claimRow(ResultSet rs, int n) throws SQLException {
		return new Claim(rs.getObject("batch_id", UUID.class), rs.getInt("position"),
				rs.getObject("submitted_by", UUID.class), rs.getString("submission_key"), rs.getInt("attempts"),
				documents.read(rs.getString("document")));
	}

	/** What became of one declaration. */
	record Outcome(DeclarationBatch.State state, UUID declarationId, boolean repeated, String code,
			List<FieldProblem> problems) {
	}

	private boolean submit(Claim claim) {
		BatchedDeclaration d = claim.declaration();
		Optional<Actor> actor = actors.actorFor(claim.submittedBy());
		Outcome outcome;
		if (actor.isEmpty()) {
			outcome = submitterInactive(d);
		}
		else {
			try {
				outcome = attempt(actor.get(), d, claim.key());
			}
			catch (RuntimeException failed) {
				// Not a refusal: the platform could not submit it now. Another poll (on any node) tries again once
				// the lease has run out; the key keeps a submission that did commit from being stored twice.
				log.warn("event=declaration_batch_submission_failed batch={} position={} attempt={} error={}",
						claim.batchId(), claim.position(), claim.attempts(), failed.toString());
				if (claim.attempts() < MAX_ATTEMPTS) {
					return false;
				}
				outcome = refused("SUBMISSION_FAILED", List.of(new FieldProblem(d.source(), "SUBMISSION_FAILED")));
			}
		}
		return record(claim, outcome);
	}

	/**
	 * Submits one declaration as it was read: a refusal is an outcome, its problems named where they were read; any
	 * other failure (the database away) is thrown, for the caller to try again or give up.
	 */
	Outcome attempt(Actor actor, BatchedDeclaration d, String key) {
		DeclarationWorkbooks.Entry entry = DeclarationWorkbooks.Entry.of(d);
		List<Integer> rowOf = new ArrayList<>();
		try {
			// Held and written as a chunk's are: its audit records are the submitter's, not this background thread's.
			var submission = transaction.execute(tx -> {
				var kept = held.hold(actor, () -> declarations.submit(actor, entry.draft(rowOf), key));
				held.writeAndPublish(List.of(kept));
				return kept.result();
			});
			return new Outcome(DeclarationBatch.State.SUBMITTED, submission.id(), !submission.created(), null,
					List.of());
		}
		catch (Problem problem) {
			return refusal(entry, rowOf, key, problem);
		}
	}

	/** A refusal named where the declaration was read: its cells, segments or elements, else the declaration. */
	private static Outcome refusal(DeclarationWorkbooks.Entry entry, List<Integer> rowOf, String key,
			Problem problem) {
		return refused(problem.code(), entry.problemsOf(problem, key, rowOf));
	}

	private static Outcome submitterInactive(BatchedDeclaration d) {
		return refused("SUBMITTER_INACTIVE", List.of(new FieldProblem(d.source(), "SUBMITTER_INACTIVE")));
	}

	private static Outcome refused(String code, List<FieldProblem> problems) {
		return new Outcome(DeclarationBatch.State.REFUSED, null, false, code, problems);
	}

	/**
	 * Records one declaration's outcome, under the batch's row lock: the node that records the last one of the batch
	 * (and only that node) sees no declaration pending and announces the batch. A declaration recorded meanwhile by
	 * another node (its lease ran out while this one was slow) keeps the first outcome, the same by its key.
	 */
	private boolean record(Claim claim, Outcome outcome) {
		Boolean recorded = transaction.execute(status -> {
			Instant now = time.now();
			String owner = served(claim.batchId(), now);
			int updated = jdbc.sql("""
					UPDATE declaration_batch_entry SET state = ?, declaration_id = ?, repeated = ?, code = ?,
					    problems = CAST(? AS JSONB), finished_at = ?, claimed_until = NULL
					WHERE batch_id = ? AND position = ? AND state = 'PENDING'""")
				.params(outcome.state().name(), outcome.declarationId(), outcome.repeated(), outcome.code(),
						documents.problems(outcome.problems()),
						Timestamp.from(now), claim.batchId(), claim.position())
				.update();
			if (updated == 0) {
				return false;
			}
			announceIfFinished(claim.batchId(), owner, now);
			return true;
		});
		return Boolean.TRUE.equals(recorded);
	}

	/** Announces the batch when none of its declarations is pending; the caller holds the batch's row lock. */
	private void announceIfFinished(UUID batchId, String owner, Instant now) {
		record Counts(int total, long submitted, long refused, long pending) {
		}
		Counts counts = jdbc.sql("""
				SELECT count(*) AS total, count(*) FILTER (WHERE state = 'SUBMITTED') AS submitted,
				       count(*) FILTER (WHERE state = 'REFUSED') AS refused,
				       count(*) FILTER (WHERE state = 'PENDING') AS pending
				FROM declaration_batch_entry WHERE batch_id = ?""")
			.param(batchId)
			.query((rs, n) -> new Counts(rs.getInt("total"), rs.getLong("submitted"), rs.getLong("refused"),
					rs.getLong("pending")))
			.single();
		if (counts.pending() == 0) {
			jdbc.sql("UPDATE declaration_batch SET finished_at = ? WHERE id = ? AND finished_at IS NULL")
				.params(Timestamp.from(now), batchId).update();
			webhooks.enqueueBatchFinished(owner, batchId, counts.total(), counts.submitted(),
					counts.refused(), now);
			log.info("event=declaration_batch_finished batch={} declarations={} submitted={} refused={}",
					batchId, counts.total(), counts.submitted(), counts.refused());
		}
	}

	private void forgetUnsubmittedPreviews(Instant now) {
		int forgotten = jdbc.sql("DELETE FROM declaration_batch WHERE accepted_at IS NULL AND received_at < ?")
			.param(Timestamp.from(now.minus(PREVIEW_KEPT))).update();
		if (forgotten > 0) {
			log.info("event=declaration_batch_previews_forgotten batches={}", forgotten);
		}
	}
}
