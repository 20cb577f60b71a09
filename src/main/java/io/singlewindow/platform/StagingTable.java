package io.singlewindow.platform;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table rows only pass through: transactions insert them, a background fold deletes them in bulk a moment later
 * (unfolded price observations, cleared declarations marked for the statistics' aggregates). Such a table stays
 * small, but every row it ever held leaves a dead version behind, and until a vacuum removes them every read by key
 * walks its index over all of them. Autovacuum looks at a database once a minute at most
 * ({@code autovacuum_naptime}): under load that is tens of thousands of dead rows, and the assessment's read of the
 * unfolded price observations took 1.1–1.3 ms a call instead of about 0.13 ms, half of the database's statement time
 * per declaration (issue 16). So the fold vacuums its table itself once it has deleted {@code vacuumAfter} rows since
 * the last time; a vacuum of a table this small takes milliseconds and blocks neither inserts nor deletes.
 */
public final class StagingTable {

	private static final Logger log = LoggerFactory.getLogger(StagingTable.class);
	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcTemplate jdbc;
	private final String name;
	private final int vacuumAfter;
	private final AtomicInteger deletedSinceVacuum = new AtomicInteger();

	public StagingTable(JdbcTemplate jdbc, String name, int vacuumAfter) {
		if (!NAME.matcher(name).matches() || vacuumAfter < 1) {
			throw new IllegalArgumentException("a table name and a positive row count: " + name + ", " + vacuumAfter);
		}
		this.jdbc = jdbc;
		this.name = name;
		this.vacuumAfter = vacuumAfter;
	}

	/**
	 * Notes that a committed fold deleted {@code rows}, and vacuums the table when enough were deleted. Called outside
	 * any transaction (a vacuum cannot run inside one); a vacuum that fails is logged and tried again after as many
	 * rows more.
	 *
	 * @return whether the table was vacuumed now
	 */
	public boolean folded(int rows) {
		if (rows <= 0 || deletedSinceVacuum.addAndGet(rows) < vacuumAfter) {
			return false;
		}
		deletedSinceVacuum.set(0);
		try {
			// SKIP_LOCKED: when autovacuum or another node is at it already, this one is not needed. TRUNCATE FALSE:
			// giving the emptied pages at the end back needs a lock that stops every insert, and a vacuum waited for it
			// (1.6 ms of database time per declaration in a benchmark run); the next rows fill those pages anyway.
			jdbc.execute("VACUUM (SKIP_LOCKED, TRUNCATE FALSE) " + name);
			return true;
		} catch (DataAccessException e) {
			log.warn("event=staging_table_vacuum_failed table={} error={}", name, e.toString());
			return false;
		}
	}
}
