package io.singlewindow.declaration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.declaration.DeclarationBatches;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * Batches in the database: a workbook's or an interchange's declarations accepted at once, each stored as it was read
 * ({@link BatchDocuments}), with the batch's progress and every declaration's outcome read back from here. The
 * {@link BatchJob} submits them.
 */
@Component
class BatchSubmissions implements DeclarationBatches {

	private static final Logger log = LoggerFactory.getLogger(BatchSubmissions.class);

	/** Declarations of a batch written per INSERT statement when it is stored. */
	static final int STORED_PER_STATEMENT = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final TransactionTemplate transaction;
	private final BusinessTime time;
	private final BatchDocuments documents;
	private final BatchJob job;

	BatchSubmissions(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, BusinessTime time,
			BatchDocuments documents, BatchJob job) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transaction = new TransactionTemplate(transactions);
		this.time = time;
		this.documents = documents;
		this.job = job;
	}

	// ------------------------------------------------------------------------------------------------- accepting

	@Override
	public Acceptance accept(Actor actor, String channel, String idempotencyKey,
			List<BatchedDeclaration> declarations) {
		return store(actor, channel, idempotencyKey, declarations, true);
	}

	/** Stores a batch a person will look at before submitting it all ({@link #acceptPreviewed}); nothing runs yet. */
	UUID preview(Actor actor, String channel, List<BatchedDeclaration> declarations) {
		return store(actor, channel, null, declarations, false).batchId();
	}

	/** The person submits the batch they looked at; false when it is not theirs or was submitted already. */
	boolean acceptPreviewed(Actor actor, UUID batchId) {
		actor.requireRight(OperatorRight.DECLARE);
		return jdbc.sql("UPDATE declaration_batch SET accepted_at = ? WHERE id = ? AND owner = ? AND accepted_at IS NULL")
			.params(Timestamp.from(time.now()), batchId, owner(actor))
			.update() == 1;
	}

	private Acceptance store(Actor actor, String channel, String idempotencyKey,
			List<BatchedDeclaration> declarations, boolean accepted) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		// Refused at the door rather than each declaration of the batch refused alone, later.
		actor.requireRight(OperatorRight.DECLARE);
		IdempotencyKeys.requireWithinLimit(idempotencyKey);
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		String hash = contentHash(channel, declarations);
		return transaction.execute(status -> {
			if (key != null) {
				Optional<Acceptance> earlier = earlier(actor, key, hash);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			UUID id = UUID.randomUUID();
			Instant now = time.now();
			boolean inserted = jdbc.sql("""
					INSERT INTO declaration_batch (id, channel, submitted_by, submitter, owner, idempotency_key,
					    content_hash, received_at, accepted_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submitted_by, idempotency_key) DO NOTHING""")
				.params(id, channel, actor.userId(), actor.username(), owner(actor), key, hash, Timestamp.from(now),
						accepted ? Timestamp.from(now) : null)
				.update() == 1;
			if (!inserted) {
				// The same key accepted meanwhile by a concurrent request (the insert waited for its commit).
				return earlier(actor, key, hash).orElseThrow();
			}
			// Written a chunk at a time: a list that unpacks each declaration when asked for (10,000 messages of an
			// interchange) never has more than a chunk of them in memory.
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < declarations.size(); i++) {
				BatchedDeclaration d = declarations.get(i);
				rows.add(new Object[] { id, i + 1, d.reference(), d.source(), blankToNull(d.declarant()), d.lines(),
						documents.write(d),
						submissionKey(id, i + 1, key, d) });
				if (rows.size() == STORED_PER_STATEMENT || i == declarations.size() - 1) {
					batch.batchUpdate("""
							INSERT INTO declaration_batch_entry (batch_id, position, reference, source, declarant, lines,
							    document, submission_key) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?)""", rows);
					rows.clear();
				}
			}
			log.info("event=declaration_batch_received batch={} channel={} declarations={} submitter={} accepted={}",
					id, channel, declarations.size(), actor.username(), accepted);
			return new Acceptance(id, true);
		});
	}

	private Optional<Acceptance> earlier(Actor actor, String key, String hash) {
		return jdbc.sql("SELECT id, content_hash FROM declaration_batch WHERE submitted_by = ? AND idempotency_key = ?")
			.params(actor.userId(), key)
			.query((rs, n) -> {
				if (!rs.getString("content_hash").equals(hash)) {
					throw Problem.conflict("IDEMPOTENCY_KEY_REUSED", key);
				}
				return new Acceptance(rs.getObject("id", UUID.class), false);
			})
			.optional();
	}

	/**
	 * The key a declaration of the batch is submitted under ({@link IdempotencyKeys#ownReferenceOr}): its own client
	 * reference, else {@code key/reference} for a batch sent with a key, else one derived from the batch, so that even
	 * then a declaration submitted twice by two nodes is stored once.
	 */
	static String submissionKey(UUID batchId, int position, String key, BatchedDeclaration d) {
		return IdempotencyKeys.ownReferenceOr(d.fields().get("clientReference"),
				key != null ? IdempotencyKeys.ofDeclarationInBatch(key, d.reference()) : "batch:" + batchId + "/" + position);
	}

	/**
	 * SHA-256 of the channel and each declaration's reference and fields, digested one declaration at a time (the
	 * same value as of their text joined, without holding that text).
	 */
	private static String contentHash(String channel, List<BatchedDeclaration> declarations) {
		java.security.MessageDigest digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		digest.update(channel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		for (BatchedDeclaration d : declarations) {
			digest.update(("\n" + d.reference() + new TreeMap<>(d.fields()))
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return java.util.HexFormat.of().formatHex(digest.digest());
	}

	private static String owner(Actor actor) {
		return actor.enterprise() == null ? "user:" + actor.userId() : actor.enterprise().value();
	}

	// ------------------------------------------------------------------------------------------------- reading

	@Override
	public Optional<DeclarationBatch> find(Actor actor, UUID batchId) {
		return jdbc.sql("SELECT * FROM declaration_batch WHERE id = ? AND owner = ?")
			.params(batchId, owner(actor))
			.query((rs, n) -> new DeclarationBatch(batchId, rs.getString("channel"), rs.getString("submitter"),
					instant(rs, "received_at"), instant(rs, "accepted_at"), instant(rs, "finished_at"),
					entries(batchId)))
			.optional();
	}

	private List<DeclarationBatch.Entry> entries(UUID batchId) {
		return jdbc.sql("""
				SELECT e.*, d.number, d.status AS declaration_status FROM declaration_batch_entry e
				LEFT JOIN declaration d ON d.id = e.declaration_id
				WHERE e.batch_id = ? ORDER BY e.position""")
			.param(batchId)
			.query((rs, n) -> new DeclarationBatch.Entry(rs.getInt("position"), rs.getString("reference"),
					rs.getString("source"), rs.getString("declarant"), rs.getInt("lines"),
					DeclarationBatch.State.valueOf(rs.getString("state")), rs.getObject("declaration_id", UUID.class),
					rs.getString("number"), rs.getString("declaration_status"), rs.getBoolean("repeated"),
					rs.getString("code"), documents.problems(rs.getString("problems"))))
			.list();
	}

	/** One declaration of a batch as it was read, e.g. to fill the web form from it. */
	Optional<BatchedDeclaration> declaration(Actor actor, UUID batchId, int position) {
		return jdbc.sql("""
				SELECT e.document FROM declaration_batch_entry e JOIN declaration_batch b ON b.id = e.batch_id
				WHERE e.batch_id = ? AND e.position = ? AND b.owner = ?""")
			.params(batchId, position, owner(actor))
			.query((rs, n) -> documents.read(rs.getString(1)))
			.optional();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	@Override
	public DeclarationBatch.Entry submitNow(Actor actor, String key, BatchedDeclaration d) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		actor.requireRight(OperatorRight.DECLARE);
		BatchJob.Outcome outcome = job.attempt(actor, d,
				IdempotencyKeys.ownReferenceOr(d.fields().get("clientReference"), key));
		record Stored(String number, String status) {
		}
		Stored stored = outcome.declarationId() == null ? new Stored(null, null)
				: jdbc.sql("SELECT number, status FROM declaration WHERE id = ?").param(outcome.declarationId())
					.query((rs, n) -> new Stored(rs.getString("number"), rs.getString("status"))).single();
		return new DeclarationBatch.Entry(1, d.reference(), d.source(), d.declarant(), d.lines(), outcome.state(),
				outcome.declarationId(), stored.number(), stored.status(), outcome.repeated(), outcome.code(),
				outcome.problems());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
