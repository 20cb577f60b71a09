package io.singlewindow.audit.internal;

import java.sql.Timestamp;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.StagingTable;

/**
 * Chains committed audit rows, in the background, one sealer at a time across all nodes.
 * <p>
 * The chain's order is the order in which the sealer takes rows, recorded as {@code chain_position}; it is not the
 * order of the row ids. Two decisions may commit in the opposite order of their ids (id 11 visible, id 10 still in
 * flight): the sealer chains 11 now and 10 on a later round, at the next free position. A row is therefore never
 * inserted into the chain behind rows already sealed, and no visibility horizon is needed. The head row
 * {@code audit_chain_head} (last position and hash) is locked {@code FOR UPDATE} for the round, which makes a second
 * node's sealer wait and then find nothing left to seal; decisions never touch it.
 */
@Component
class AuditSealer {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/** Rows sealed per transaction, so that one round stays short even after a long pause. */
	static final int BATCH = 2000;

	private final JdbcClient jdbc;
	private final AuditEntries entries;
	private final BusinessTime time;
	private final TransactionTemplate tx;
	/** Rows only wait there until the next round: vacuumed by the sealer after two full rounds' worth of moves. */
	private final StagingTable waiting;

	AuditSealer(JdbcClient jdbc, JdbcTemplate template, AuditEntries entries, BusinessTime time,
			TransactionTemplate tx) {
		this.tx = tx;
		this.jdbc = jdbc;
		this.entries = entries;
		this.time = time;
		this.waiting = new StagingTable(template, "audit_entry_unsealed", 2 * BATCH);
	}

	@Scheduled(fixedDelayString = "${singlewindow.audit.seal-interval:PT1S}", initialDelayString = "PT5S")
	void sealInBackground() {
		try {
			seal();
		} catch (RuntimeException e) {
			log.warn("event=audit_seal_failed error={}", e.toString());
		}
	}

	/** Seals up to {@link #BATCH} committed rows in one transaction; returns how many. */
	int seal() {
		int sealed = tx.execute(status -> sealRound());
		waiting.folded(sealed);
		return sealed;
	}

	private int sealRound() {
		record Head(long position, String hash) {
		}
		Head head = jdbc.sql("SELECT chain_position, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		List<AuditEntry> unsealed = entries.unsealed(BATCH);
		if (unsealed.isEmpty()) {
			return 0;
		}
		Timestamp now = Timestamp.from(time.now());
		int rows = unsealed.size();
		long[] ids = new long[rows];
		long[] positions = new long[rows];
		String[] previousHashes = new String[rows];
		String[] hashes = new String[rows];
		long position = head.position();
		String previous = head.hash();
		for (int i = 0; i < rows; i++) {
			AuditEntry entry = unsealed.get(i);
			position++;
			String hash = AuditChain.hash(previous, entry, position);
			ids[i] = entry.id();
			positions[i] = position;
			previousHashes[i] = previous;
			hashes[i] = hash;
			previous = hash;
		}
		// One statement for the round: the rows leave audit_entry_unsealed and are written, chained, into
		// audit_entry_sealed (V11_7_1). Sealing by an UPDATE of the row had rewritten it and all its index entries.
		int sealed = jdbc.sql("""
				WITH moved AS (
				    DELETE FROM audit_entry_unsealed u
				    USING unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS s(id, position, previous_hash, hash)
				    WHERE u.id = s.id
				    RETURNING u.*, s.position, s.previous_hash, s.hash)
				INSERT INTO audit_entry_sealed (id, occurred_at, actor_account, actor_name, actor_role,
				    acting_for_enterprise, acting_for_agency, action, subject_type, subject_id, before_state, after_state,
				    chain_position, previous_hash, hash, sealed_at)
				SELECT id, occurred_at, actor_account, actor_name, actor_role, acting_for_enterprise, acting_for_agency,
				    action, subject_type, subject_id, before_state, after_state, position, previous_hash, hash, ?
				FROM moved""")
			.params(ids, positions, previousHashes, hashes, now)
			.update();
		if (sealed != rows) {
			// Only one sealer holds the head, so a row taken above cannot have been moved meanwhile: the round rolls
			// back rather than move the head past a row it did not chain.
			throw new IllegalStateException("sealed " + sealed + " of " + rows + " rows taken");
		}
		jdbc.sql("UPDATE audit_chain_head SET chain_position = ?, hash = ?, sealed_at = ? WHERE id = 1")
			.params(position, previous, now)
			.update();
		log.info("event=audit_sealed rows={} chain_position={}", unsealed.size(), position);
		return unsealed.size();
	}

	/** Seals until nothing committed is left (tests, and an administrator's "verify now"). */
	int sealAll() {
		int total = 0;
		int sealed;
		do {
			sealed = seal();
			total += sealed;
		} while (sealed == BATCH);
		return total;
	}
}
