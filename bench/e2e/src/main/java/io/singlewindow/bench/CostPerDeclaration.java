package io.singlewindow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Where a declaration's time goes, on any machine: what the measured load cost the database and the two processes,
 * divided by the declarations it carried. Read from PostgreSQL's own counters ({@code pg_stat_database},
 * {@code pg_stat_wal}, {@code pg_stat_statements}, transaction ids) and from the operating system's CPU accounting of
 * the platform's JVM and of the PostgreSQL server with its backends ({@link ProcessHandle}, i.e. {@code /proc}).
 * <p>
 * Everything in the measured window counts: the officer robots' decisions, the load's polling of final states and the
 * platform's background jobs (webhooks, event publication, statistics) — the cost of a declaration in a running
 * system, not of its submit alone. PostgreSQL's CPU includes its children that exited inside the window (autovacuum
 * workers above all; see {@link PostgresCpu}).
 */
final class CostPerDeclaration {

	record Snapshot(long xid, long commits, long inserted, long updated, long deleted, long statements, long walSyncs,
			long walRecords, long walFullPages, long walBytes, long checkpoints, Duration platformCpu,
			Duration platformCompilerCpu, Duration postgresCpu, Duration clientCpu,
			java.util.Map<String, Long> callsByStatement,
			java.util.Map<String, Double> millisByStatement, java.util.Map<String, Long> plansByStatement,
			java.util.Map<String, Double> planMillisByStatement, PostgresCpu.Reading postgres,
			java.util.Map<String, Long> autovacuumsByTable, java.util.Map<String, TableWrites> writesByTable) {
	}

	/** Rows a table took: inserted, updated (of which heap-only, which add no index entries) and deleted. */
	record TableWrites(long inserted, long updated, long heapOnly, long deleted) {

		static final TableWrites NONE = new TableWrites(0, 0, 0, 0);

		TableWrites minus(TableWrites earlier) {
			return new TableWrites(inserted - earlier.inserted, updated - earlier.updated, heapOnly - earlier.heapOnly,
					deleted - earlier.deleted);
		}

		long rows() {
			return inserted + updated + deleted;
		}
	}

	private final DataSource db;
	private final ProcessHandle platform;
	private final ProcessHandle postmaster;

	CostPerDeclaration(DataSource db, Process platform, Path pgData) throws Exception {
		this.db = db;
		this.platform = platform.toHandle();
		long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().strip());
		this.postmaster = ProcessHandle.of(pid).orElseThrow();
		try (Connection c = db.getConnection(); var s = c.createStatement()) {
			s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
	}

	Snapshot take() throws SQLException {
		try (Connection c = db.getConnection(); var s = c.createStatement()) {
			long xid = single(s.executeQuery("SELECT txid_current()"));
			long[] database;
			try (ResultSet rs = s.executeQuery("""
					SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database
					WHERE datname = current_database()""")) {
				rs.next();
				database = new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) };
			}
			long statements = single(s.executeQuery("SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements"));
			long[] wal;
			try (ResultSet rs = s.executeQuery("SELECT wal_sync, wal_records, wal_fpi, wal_bytes::bigint FROM pg_stat_wal")) {
				rs.next();
				wal = new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) };
			}
			long checkpoints = single(s.executeQuery("SELECT num_timed + num_requested FROM pg_stat_checkpointer"));
			PostgresCpu.Reading postgres = PostgresCpu.read(postmaster);
			java.util.Map<String, Long> calls = new java.util.HashMap<>();
			java.util.Map<String, Double> millis = new java.util.HashMap<>();
			java.util.Map<String, Long> plans = new java.util.HashMap<>();
			java.util.Map<String, Double> planMillis = new java.util.HashMap<>();
			// Planning and execution, as the server timed them (planning is tracked: see EndToEndBenchmark).
			try (ResultSet rs = s.executeQuery("""
					SELECT query, sum(calls)::bigint, sum(total_exec_time + total_plan_time), sum(plans)::bigint,
					       sum(total_plan_time)
					FROM pg_stat_statements GROUP BY query""")) {
				while (rs.next()) {
					calls.put(rs.getString(1), rs.getLong(2));
					millis.put(rs.getString(1), rs.getDouble(3));
					plans.put(rs.getString(1), rs.getLong(4));
					planMillis.put(rs.getString(1), rs.getDouble(5));
				}
			}
			// Which tables autovacuum worked on: its CPU in a window (PostgresCpu) comes with no name otherwise.
			java.util.Map<String, Long> autovacuums = new java.util.HashMap<>();
			try (ResultSet rs = s.executeQuery("""
					SELECT schemaname || '.' || relname, autovacuum_count + autoanalyze_count FROM pg_stat_all_tables
					WHERE autovacuum_count + autoanalyze_count > 0""")) {
				while (rs.next()) {
					autovacuums.put(rs.getString(1), rs.getLong(2));
				}
			}
			// Row versions written by table: an update that is not heap-only adds an entry to every index of its table.
			java.util.Map<String, TableWrites> writes = new java.util.HashMap<>();
			try (ResultSet rs = s.executeQuery("""
					SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables
					WHERE schemaname = 'public'""")) {
				while (rs.next()) {
					writes.put(rs.getString(1), new TableWrites(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
				}
			}
			return new Snapshot(xid, database[0], database[1], database[2], database[3], statements, wal[0], wal[1],
					wal[2], wal[3], checkpoints,
					cpu(platform), CompilerCpu.of(platform), postgres.total(), cpu(ProcessHandle.current()), calls, millis,
					plans, planMillis, postgres, autovacuums, writes);
		}
	}

	/** One line of figures per declaration between two snapshots. */
	static String perDeclaration(Snapshot a, Snapshot b, int declarations) {
		double n = declarations;
		return String.format(java.util.Locale.ROOT,
				"transaction ids (writing transactions and savepoints)=%.2f commits (incl. read-only)=%.2f WAL fsyncs=%.2f WAL records=%.1f "
						+ "WAL full-page images=%.2f WAL bytes=%.0f (checkpoints in the window: %d) statements=%.1f "
						+ "rows inserted=%.1f updated=%.1f deleted=%.1f | CPU ms: platform JVM=%.2f (of which JIT compilers %.2f) PostgreSQL=%.2f benchmark client=%.2f",
				(b.xid() - a.xid() - 1) / n, (b.commits() - a.commits()) / n, (b.walSyncs() - a.walSyncs()) / n,
				(b.walRecords() - a.walRecords()) / n, (b.walFullPages() - a.walFullPages()) / n,
				(b.walBytes() - a.walBytes()) / n, b.checkpoints() - a.checkpoints(), (b.statements() - a.statements()) / n,
				(b.inserted() - a.inserted()) / n, (b.updated() - a.updated()) / n, (b.deleted() - a.deleted()) / n,
				b.platformCpu().minus(a.platformCpu()).toNanos() / 1e6 / n,
				b.platformCompilerCpu().minus(a.platformCompilerCpu()).toNanos() / 1e6 / n,
				b.postgresCpu().minus(a.postgresCpu()).toNanos() / 1e6 / n,
				b.clientCpu().minus(a.clientCpu()).toNanos() / 1e6 / n);
	}

	/**
	 * CPU milliseconds per declaration between two snapshots of the three processes on this machine: the platform's
	 * JVM, PostgreSQL with its backends, and this benchmark (the HTTP clients, or the JDBC writers of a ceiling).
	 */
	record Cpu(double platform, double postgres, double client) {

		double total() {
			return platform + postgres + client;
		}
	}

	static Cpu cpu(Snapshot a, Snapshot b, int declarations) {
		return new Cpu(b.platformCpu().minus(a.platformCpu()).toNanos() / 1e6 / declarations,
				b.postgresCpu().minus(a.postgresCpu()).toNanos() / 1e6 / declarations,
				b.clientCpu().minus(a.clientCpu()).toNanos() / 1e6 / declarations);
	}

	/** The statements run most often between two snapshots, per declaration: where the statements come from. */
	static java.util.List<String> busiestStatements(Snapshot a, Snapshot b, int declarations, int limit) {
		return b.callsByStatement().entrySet().stream()
			.map(e -> java.util.Map.entry(e.getKey(), e.getValue() - a.callsByStatement().getOrDefault(e.getKey(), 0L)))
			.filter(e -> e.getValue() > 0)
			.sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(limit)
			.map(e -> String.format(java.util.Locale.ROOT, "%6.2f  %s", e.getValue() / (double) declarations,
					e.getKey().replaceAll("\\s+", " ").substring(0, Math.min(110, e.getKey().replaceAll("\\s+", " ").length()))))
			.toList();
	}

	/**
	 * The statements that took the server longest between two snapshots (planning and execution, lock waits
	 * included), per declaration: where PostgreSQL's time goes, beside how often each statement ran.
	 */
	static java.util.List<String> costliestStatements(Snapshot a, Snapshot b, int declarations, int limit) {
		double total = b.millisByStatement().entrySet().stream()
			.mapToDouble(e -> e.getValue() - a.millisByStatement().getOrDefault(e.getKey(), 0.0))
			.sum();
		java.util.List<String> lines = new java.util.ArrayList<>();
		lines.add(String.format(java.util.Locale.ROOT, "%6.3f ms in all statements; the costliest (ms, calls):",
				total / declarations));
		b.millisByStatement().entrySet().stream()
			.map(e -> java.util.Map.entry(e.getKey(), e.getValue() - a.millisByStatement().getOrDefault(e.getKey(), 0.0)))
			.filter(e -> e.getValue() > 0)
			.sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(limit)
			.forEach(e -> lines.add(statementLine("%6.3f", e.getKey(), e.getValue(), a, b, declarations)));
		return lines;
	}

	/**
	 * How often the server planned a statement instead of running a cached plan, per declaration, and the planning's
	 * time: statements whose text varies, or whose generic plan the server rejects, are planned at every call.
	 */
	static java.util.List<String> planning(Snapshot a, Snapshot b, int declarations, int limit) {
		java.util.Map<String, Long> planned = new java.util.HashMap<>();
		b.plansByStatement().forEach((sql, n) -> planned.put(sql, n - a.plansByStatement().getOrDefault(sql, 0L)));
		double millis = b.planMillisByStatement().entrySet().stream()
			.mapToDouble(e -> e.getValue() - a.planMillisByStatement().getOrDefault(e.getKey(), 0.0))
			.sum();
		long plans = planned.values().stream().mapToLong(Long::longValue).sum();
		java.util.List<String> lines = new java.util.ArrayList<>();
		lines.add(String.format(java.util.Locale.ROOT,
				"%.2f plans per declaration, %.3f ms of planning per declaration; planned most often (plans, calls):",
				plans / (double) declarations, millis / declarations));
		planned.entrySet().stream()
			.filter(e -> e.getValue() > 0)
			.sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(limit)
			.forEach(e -> lines.add(statementLine("%6.2f", e.getKey(), e.getValue(), a, b, declarations)));
		return lines;
	}

	/** PostgreSQL's CPU milliseconds per declaration between two snapshots, by kind of process. */
	static String postgresByProcess(Snapshot a, Snapshot b, int declarations) {
		return PostgresCpu.perDeclaration(a.postgres(), b.postgres(), declarations);
	}

	/** The tables autovacuum vacuumed or analysed between two snapshots, with how often; "none" if it did nothing. */
	static String autovacuumed(Snapshot a, Snapshot b) {
		String tables = b.autovacuumsByTable().entrySet().stream()
			.map(e -> java.util.Map.entry(e.getKey(), e.getValue() - a.autovacuumsByTable().getOrDefault(e.getKey(), 0L)))
			.filter(e -> e.getValue() > 0)
			.sorted(java.util.Map.Entry.comparingByKey())
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(java.util.stream.Collectors.joining(" "));
		return tables.isEmpty() ? "none" : tables;
	}

	/**
	 * Rows inserted, updated (of which heap-only) and deleted per declaration between two snapshots, by table, most
	 * written first: where the row versions and index entries of a declaration come from.
	 */
	static String writesByTable(Snapshot a, Snapshot b, int declarations) {
		double n = declarations;
		return b.writesByTable().entrySet().stream()
			.map(e -> java.util.Map.entry(e.getKey(),
					e.getValue().minus(a.writesByTable().getOrDefault(e.getKey(), TableWrites.NONE))))
			.filter(e -> e.getValue().rows() > 0)
			.sorted(java.util.Comparator.comparingLong(
					(java.util.Map.Entry<String, TableWrites> e) -> e.getValue().rows()).reversed())
			.map(e -> String.format(java.util.Locale.ROOT, "%s %.2f/%.2f(%.2f)/%.2f", e.getKey(),
					e.getValue().inserted() / n, e.getValue().updated() / n, e.getValue().heapOnly() / n,
					e.getValue().deleted() / n))
			.collect(java.util.stream.Collectors.joining(" "));
	}

	/** A statement's figure and its calls, per declaration, then its text's beginning. */
	private static String statementLine(String figureFormat, String statement, double figure, Snapshot a, Snapshot b,
			int declarations) {
		long calls = b.callsByStatement().getOrDefault(statement, 0L) - a.callsByStatement().getOrDefault(statement, 0L);
		String sql = statement.replaceAll("\\s+", " ");
		return String.format(java.util.Locale.ROOT, figureFormat + " %6.2f  %s", figure / declarations,
				calls / (double) declarations, sql.substring(0, Math.min(100, sql.length())));
	}

	/** The share of the platform's CPU its JIT compilers used between two snapshots, 0 to 1. */
	static double compilerShare(Snapshot a, Snapshot b) {
		long platform = b.platformCpu().minus(a.platformCpu()).toNanos();
		return platform <= 0 ? 0 : b.platformCompilerCpu().minus(a.platformCompilerCpu()).toNanos() / (double) platform;
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private static long single(ResultSet rs) throws SQLException {
		try (rs) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
