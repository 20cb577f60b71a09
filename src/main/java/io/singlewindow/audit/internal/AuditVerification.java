package io.singlewindow.audit.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.platform.BusinessTime;

/** Recomputes the whole chain from the stored rows and reports the first broken link. */
@Service
class AuditVerification {

	private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

	private final JdbcClient jdbc;
	private final AuditEntries entries;
	private final BusinessTime time;

	AuditVerification(JdbcClient jdbc, AuditEntries entries, BusinessTime time) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.time = time;
	}

	/**
	 * The outcome of one verification.
	 *
	 * @param intact whether every sealed row recomputes to its stored hash and the chain ends where the sealer left it
	 * @param checked how many sealed rows were read (all of them when intact; up to and including the break otherwise)
	 * @param unsealed rows committed but not yet chained (they are chained within seconds)
	 * @param broken the first broken link, {@literal null} when intact
	 */
	record Result(boolean intact, long checked, long unsealed, ChainCheck.Break broken, Instant verifiedAt) {
	}

	/** Reads the head and every sealed row in one snapshot, so a sealer running meanwhile cannot confuse it. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Result verify() {
		record Head(long position, String hash) {
		}
		Head head = jdbc.sql("SELECT chain_position, hash FROM audit_chain_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		ChainCheck check = new ChainCheck();
		entries.eachSealed(check::accept);
		check.end(head.position(), head.hash());
		Result result = new Result(check.broken() == null, check.checked(), entries.unsealedCount(), check.broken(),
				time.now());
		if (result.intact()) {
			log.info("event=audit_verified intact=true checked={} unsealed={}", result.checked(), result.unsealed());
		} else {
			log.warn("event=audit_verified intact=false entry={} position={} reason={} expected={} stored={}",
					check.broken().entryId(), check.broken().chainPosition(), check.broken().reason(),
					check.broken().expectedHash(), check.broken().storedHash());
		}
		return result;
	}
}
