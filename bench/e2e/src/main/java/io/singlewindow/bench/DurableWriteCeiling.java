package io.singlewindow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * The durable-write ceiling of this machine for exactly the rows the platform wrote: after the HTTP run, every row
 * that run left in any table (found by transaction id) is written again, through plain JDBC, into copies of the same
 * tables with the same indexes and constraints, on the same PostgreSQL with synchronous commit on — once with one
 * transaction per declaration and once batched. Rows the platform wrote and deleted again (completed event
 * publications) are not in the copy, so the ceiling does less work than the platform did: the ratio is conservative.
 */
final class DurableWriteCeiling {

	record Result(String mode, int transactions, long rows, double seconds) {

		double declarationsPerSecond(int declarations) {
			return declarations / seconds;
		}
	}

	private final DataSource dataSource;
	private final Map<String, List<String>> rowsByTable = new LinkedHashMap<>();

	DurableWriteCeiling(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	static long currentXid(DataSource dataSource) throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT txid_current()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Reads every row written since {@code fromXid} in the public schema and prepares empty copies of the tables. */
	long capture(long fromXid) throws SQLException {
		return capture(fromXid, Long.MAX_VALUE);
	}

	/**
	 * Reads every row whose current version was written by a transaction in {@code [fromXid, toXid)} and prepares empty
	 * copies of the tables: the rows a window of the load left, e.g. the warm-up's last rounds for the ceilings measured
	 * before the HTTP run.
	 */
	long capture(long fromXid, long toXid) throws SQLException {
		rowsByTable.clear();
		long total = 0;
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS ceiling CASCADE");
			s.execute("CREATE SCHEMA ceiling");
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = s.executeQuery(
					"SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'flyway%' AND tablename NOT LIKE 'spring_session%' ORDER BY tablename")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				List<String> rows = new ArrayList<>();
				try (ResultSet rs = s.executeQuery("SELECT row_to_json(t)::text FROM public.\"" + table
						+ "\" t WHERE t.xmin::text::bigint >= " + fromXid + " AND t.xmin::text::bigint < " + toXid)) {
					while (rs.next()) {
						rows.add(rs.getString(1));
					}
				}
				if (!rows.isEmpty()) {
					// Same columns, defaults, constraints and indexes; no foreign keys (LIKE does not copy them), which
					// only makes the ceiling cheaper.
					s.execute("CREATE TABLE ceiling.\"" + table + "\" (LIKE public.\"" + table + "\" INCLUDING ALL)");
					rowsByTable.put(table, rows);
					total += rows.size();
				}
			}
		}
		return total;
	}

	/**
	 * Drops the copies, then vacuums the system catalogs their creation and dropping left dead rows in: after the
	 * ceilings measured before the HTTP run, so that autovacuum has nothing of theirs to do while it runs (one run
	 * had autovacuum clean {@code pg_class}, {@code pg_attribute} and four more catalogs inside the HTTP window).
	 */
	void dropCopies() throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS ceiling CASCADE");
			s.execute("VACUUM (ANALYZE) pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_type, "
					+ "pg_catalog.pg_depend, pg_catalog.pg_index, pg_catalog.pg_constraint, pg_catalog.pg_attrdef, "
					+ "pg_catalog.pg_statistic, pg_catalog.pg_sequence");
		}
	}

	Map<String, Integer> capturedCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		rowsByTable.forEach((t, rows) -> counts.put(t, rows.size()));
		return counts;
	}

	/**
	 * Writes all captured rows in {@code transactions} transactions (each with an equal share of every table's rows),
	 * spread over {@code clients} connections, one multi-row insert per table per transaction.
	 */
	Result run(String mode, int transactions, int clients) throws Exception {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			for (String table : rowsByTable.keySet()) {
				s.execute("TRUNCATE ceiling.\"" + table + "\"");
			}
		}
		List<Map<String, String>> slices = new ArrayList<>();
		for (int i = 0; i < transactions; i++) {
			Map<String, String> slice = new LinkedHashMap<>();
			for (var entry : rowsByTable.entrySet()) {
				List<String> rows = entry.getValue();
				int from = (int) ((long) rows.size() * i / transactions);
				int to = (int) ((long) rows.size() * (i + 1) / transactions);
				if (to > from) {
					slice.put(entry.getKey(), "[" + String.join(",", rows.subList(from, to)) + "]");
				}
			}
			slices.add(slice);
		}
		long rows = rowsByTable.values().stream().mapToLong(List::size).sum();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				int first = client;
				futures.add(pool.submit(() -> {
					try (Connection c = dataSource.getConnection()) {
						c.setAutoCommit(false);
						for (int i = first; i < slices.size(); i += clients) {
							for (var entry : slices.get(i).entrySet()) {
								// OVERRIDING SYSTEM VALUE: the rows keep their ids, also in GENERATED ALWAYS identity
								// columns (audit_entry_unsealed).
								try (PreparedStatement insert = c.prepareStatement("INSERT INTO ceiling.\"" + entry.getKey()
										+ "\" OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::ceiling.\"" + entry.getKey()
										+ "\", ?::json)")) {
									insert.setString(1, entry.getValue());
									insert.executeUpdate();
								}
							}
							c.commit();
						}
						// A backend sends its counts to pg_stat_database at most once a second, an idle one up to 10 s
						// later: without this the ceilings measured before the HTTP run would count in its window.
						try (Statement flush = c.createStatement()) {
							flush.execute("SELECT pg_stat_force_next_flush()");
						}
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		return new Result(mode, transactions, rows, (System.nanoTime() - started) / 1e9);
	}
}
