package io.singlewindow.statistics.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.platform.BusinessTime;

/**
 * Records cleared declarations as facts and keeps the monthly aggregates in step: the facts are inserted (a
 * declaration already recorded is skipped, so redelivered events never count twice) and exactly the rows inserted are
 * added to the aggregates, at once ({@link #record}: a generator batch of thousands) or by the next fold
 * ({@link #stage}: a clearance).
 */
@Component
class StatisticsLedger {

	private static final Logger log = LoggerFactory.getLogger(StatisticsLedger.class);

	private static final String FACT_COLUMNS = """
			declaration_id, line_no, declaration_number, declarant, cleared_at, month, flow, hs_code, hs_chapter,
			hs_section, partner, origin, trade_mode, high_tech, chain, value_cny, value_usd, synthetic""";

	private static final String UPSERT = """
			INSERT INTO statistics_monthly (month, flow, dimension, key, value_cny, value_usd, declarations, lines)
			SELECT month, flow, dimension, key, value_cny, value_usd, declarations, lines FROM deltas
			ORDER BY dimension, month, flow, key
			ON CONFLICT (dimension, month, flow, key) DO UPDATE SET
			    value_cny = statistics_monthly.value_cny + excluded.value_cny,
			    value_usd = statistics_monthly.value_usd + excluded.value_usd,
			    declarations = statistics_monthly.declarations + excluded.declarations,
			    lines = statistics_monthly.lines + excluded.lines""";

	private static final String[] TYPES = { "uuid", "int4", "text", "text", "timestamptz", "date", "text", "text",
			"text", "text", "text", "text", "text", "bool", "text", "numeric", "numeric", "bool" };

	private static final String UNNEST = """
			SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::text[],
			    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[],
			    ?::numeric[], ?::numeric[], ?::boolean[])""";

	/** Facts from {@code source} in, aggregate deltas of exactly the inserted rows, added to the aggregates. */
	private static String recordFrom(String source) {
		return "inserted AS (INSERT INTO statistics_fact (" + FACT_COLUMNS + ")\n" + source
				+ "\nON CONFLICT (declaration_id, line_no) DO NOTHING RETURNING *),\ndeltas AS ("
				+ deltasOver("inserted") + "),\nupserted AS (" + UPSERT + " RETURNING 1)\n"
				+ "SELECT count(DISTINCT declaration_id), count(*) FROM inserted";
	}

	private static final String RECORD = "WITH " + recordFrom(UNNEST);

	/** The facts in, and the declarations newly recorded marked for the next fold of the aggregates. */
	private static final String STAGE = "WITH recorded AS (INSERT INTO statistics_fact (" + FACT_COLUMNS + ")\n"
			+ UNNEST + "\nON CONFLICT (declaration_id, line_no) DO NOTHING RETURNING declaration_id)\n"
			+ "INSERT INTO statistics_pending (declaration_id) SELECT DISTINCT declaration_id FROM recorded\n"
			+ "ON CONFLICT DO NOTHING";

	/** The declarations marked, taken, and the deltas of their facts added to the aggregates. */
	private static final String FOLD = "WITH taken AS (DELETE FROM statistics_pending RETURNING declaration_id),\n"
			+ "folded AS (SELECT * FROM statistics_fact WHERE declaration_id IN (SELECT declaration_id FROM taken)),\n"
			+ "deltas AS (" + deltasOver("folded") + "),\nupserted AS (" + UPSERT + " RETURNING 1)\n"
			+ "SELECT count(DISTINCT declaration_id), count(*) FROM folded";

	/**
	 * A declaration's facts out, and — when a fold had added them to the aggregates already (no mark left) — their
	 * deltas subtracted; the aggregate rows it leaves empty are the next statement's ({@link #DROP_EMPTY}). The rows
	 * are locked first in key order, the order every writer of the aggregates takes them in (folds are kept out by the
	 * caller's table lock; a direct {@link #record} is not), then subtracted by {@code UPDATE}, which works on each row
	 * as another transaction left it, never by a recomputation that could miss a concurrent writer.
	 */
	private static final String TAKE_OUT = "WITH gone AS (DELETE FROM statistics_fact WHERE declaration_id = ?\n"
			+ "    RETURNING *),\n"
			+ "unmarked AS (DELETE FROM statistics_pending WHERE declaration_id = ? RETURNING declaration_id),\n"
			+ "deltas AS (" + deltasOver("gone") + "),\n"
			+ "locked AS (SELECT m.dimension, m.month, m.flow, m.key FROM statistics_monthly m JOIN deltas d\n"
			+ "    USING (dimension, month, flow, key) WHERE NOT EXISTS (SELECT 1 FROM unmarked)\n"
			+ "    ORDER BY m.dimension, m.month, m.flow, m.key FOR UPDATE OF m),\n"
			+ "subtracted AS (UPDATE statistics_monthly m SET value_cny = m.value_cny - d.value_cny,\n"
			+ "    value_usd = m.value_usd - COALESCE(d.value_usd, 0), declarations = m.declarations - d.declarations,\n"
			+ "    lines = m.lines - d.lines\n"
			+ "  FROM deltas d JOIN locked l USING (dimension, month, flow, key) WHERE m.dimension = d.dimension\n"
			+ "    AND m.month = d.month AND m.flow = d.flow AND m.key = d.key RETURNING m.month),\n"
			+ "revised AS (INSERT INTO statistics_revision (id, month, flow, declaration_id, declaration_number, cause,\n"
			+ "    lines, value_cny, value_usd, revised_at)\n"
			+ "  SELECT gen_random_uuid(), month, flow, declaration_id, declaration_number, 'CANCELLED', count(*),\n"
			+ "    sum(value_cny), sum(value_usd), ? FROM gone WHERE month < ?\n"
			+ "  GROUP BY month, flow, declaration_id, declaration_number)\n"
			+ "SELECT (SELECT count(DISTINCT declaration_id) FROM gone), (SELECT count(*) FROM gone),\n"
			+ "    (SELECT array_agg(DISTINCT month) FROM subtracted)";

	/**
	 * A declaration's facts given their corrected values and — when a fold had added them to the aggregates already
	 * (no mark left) — the differences added there, each aggregate row locked first in key order as {@link #TAKE_OUT}
	 * does; the lines and declarations counted do not change. A month before the correction's has ended: the same
	 * statement notes what it gained or lost ({@code statistics_revision}, cause {@code CORRECTED}, {@code value_cny}
	 * what it lost: negative when it gained).
	 */
	private static final String CORRECT = "WITH corrected AS (SELECT * FROM unnest(?::int[], ?::numeric[], ?::numeric[])\n"
			+ "    AS c(line_no, value_cny, value_usd)),\n"
			+ "before AS (SELECT f.* FROM statistics_fact f JOIN corrected c USING (line_no) WHERE f.declaration_id = ?),\n"
			+ "changed AS (UPDATE statistics_fact f SET value_cny = c.value_cny, value_usd = c.value_usd FROM corrected c\n"
			+ "    WHERE f.declaration_id = ? AND f.line_no = c.line_no\n"
			+ "      AND (f.value_cny, f.value_usd) IS DISTINCT FROM (c.value_cny, c.value_usd)\n"
			+ "    RETURNING f.line_no, f.value_cny, f.value_usd),\n"
			+ "diff AS (SELECT b.declaration_id, b.line_no, b.declaration_number, b.month, b.flow, b.hs_section,\n"
			+ "    b.hs_chapter, b.partner, b.trade_mode, b.high_tech, b.chain, ch.value_cny - b.value_cny AS value_cny,\n"
			+ "    ch.value_usd - b.value_usd AS value_usd FROM before b JOIN changed ch USING (line_no)),\n"
			+ "marked AS (SELECT 1 FROM statistics_pending WHERE declaration_id = ?),\n"
			+ "deltas AS (" + deltasOver("diff") + "),\n"
			+ "locked AS (SELECT m.dimension, m.month, m.flow, m.key FROM statistics_monthly m JOIN deltas d\n"
			+ "    USING (dimension, month, flow, key) WHERE NOT EXISTS (SELECT 1 FROM marked)\n"
			+ "    ORDER BY m.dimension, m.month, m.flow, m.key FOR UPDATE OF m),\n"
			+ "added AS (UPDATE statistics_monthly m SET value_cny = m.value_cny + d.value_cny,\n"
			+ "    value_usd = m.value_usd + COALESCE(d.value_usd, 0)\n"
			+ "  FROM deltas d JOIN locked l USING (dimension, month, flow, key) WHERE m.dimension = d.dimension\n"
			+ "    AND m.month = d.month AND m.flow = d.flow AND m.key = d.key RETURNING 1),\n"
			+ "revised AS (INSERT INTO statistics_revision (id, month, flow, declaration_id, declaration_number, cause,\n"
			+ "    lines, value_cny, value_usd, revised_at)\n"
			+ "  SELECT gen_random_uuid(), month, flow, declaration_id, declaration_number, 'CORRECTED', count(*),\n"
			+ "    -sum(value_cny), -COALESCE(sum(value_usd), 0), ? FROM diff WHERE month < ?\n"
			+ "  GROUP BY month, flow, declaration_id, declaration_number)\n"
			+ "SELECT count(*) FROM diff";

	/** Aggregate rows of the months a declaration was taken out of that no line counts in any more. */
	private static final String DROP_EMPTY = "DELETE FROM statistics_monthly WHERE month = ANY (?) AND lines = 0";

	private final JdbcTemplate jdbcTemplate;
	private final JdbcClient jdbc;
	private final BusinessTime time;

	StatisticsLedger(JdbcTemplate jdbcTemplate, JdbcClient jdbc, BusinessTime time) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * The aggregate deltas of a set of fact rows: per month, flow, dimension and key the sums, the number of distinct
	 * declarations and of lines.
	 */
	static String deltasOver(String facts) {
		return Arrays.stream(Dimension.values())
			.map(d -> "SELECT month, flow, '" + d.name() + "' AS dimension, " + d.keyExpression() + " AS key,"
					+ " sum(value_cny) AS value_cny, sum(value_usd) AS value_usd,"
					+ " count(DISTINCT declaration_id) AS declarations, count(*) AS lines"
					+ " FROM " + facts + " GROUP BY month, flow, " + d.keyExpression())
			.collect(Collectors.joining("\nUNION ALL\n"));
	}

	/**
	 * Records the declarations not recorded yet, with their aggregates, in the caller's transaction (or a new one).
	 *
	 * @return what was newly recorded; nothing when every declaration was recorded already
	 */
	@Transactional
	public Recorded record(List<StatisticalDeclaration> declarations) {
		Object[][] columns = columns(declarations);
		if (columns[0].length == 0) {
			return new Recorded(0, 0);
		}
		return jdbcTemplate.execute((ConnectionCallback<Recorded>) con -> execute(con, RECORD, columns));
	}

	/**
	 * Records cleared declarations as facts in the caller's transaction and marks them for the next {@link #fold()}:
	 * the clearance and its statistics commit together, and the aggregates (rows every clearance of the month would
	 * update) are left to the fold, which adds many declarations at once. A declaration recorded before is neither
	 * written nor marked again.
	 */
	public void stage(List<StatisticalDeclaration> declarations) {
		Object[][] columns = columns(declarations);
		if (columns[0].length > 0) {
			jdbcTemplate.execute((ConnectionCallback<Integer>) con -> {
				// The facts first, then the marks, as a rebuild and a cancellation take them. The statement alone
				// does not say which it locks first: once the driver prepares it on the server, PostgreSQL takes a
				// cached plan's tables in its range table's order — the marks (the statement's target) first — and
				// a clearance holding the marks while a rebuild held the facts deadlocked (found by
				// StatisticsIntegrationTests' race of clearances, cancellations, folds and rebuilds).
				try (var lock = con.createStatement()) {
					lock.execute("LOCK TABLE statistics_fact IN ROW EXCLUSIVE MODE");
				}
				try (PreparedStatement statement = con.prepareStatement(STAGE)) {
					bind(con, statement, columns);
					return statement.executeUpdate();
				}
			});
		}
	}

	/**
	 * Adds the facts of every marked declaration to the aggregates and takes the marks away, in one statement. Several
	 * nodes may fold at once: a mark taken by one is skipped by the others, and a declaration has one mark for all its
	 * lines, so it counts once per aggregate.
	 */
	public Recorded fold() {
		return jdbcTemplate.query(FOLD, rs -> {
			rs.next();
			return new Recorded(rs.getInt(1), rs.getInt(2));
		});
	}

	/**
	 * Takes a declaration out of the facts and, once folded, out of the aggregates, in the caller's transaction (a
	 * cancellation): the aggregates then equal a recomputation from the facts left, as after any fold. The marks are
	 * locked against folds first, in the order a clearance and a rebuild take the two tables (facts, then marks), so a
	 * fold in progress finishes before and none starts until the caller commits: a declaration is subtracted exactly
	 * when a fold added it. A declaration never recorded is left as it is. A month before the one the cancellation is in
	 * has ended, and its figures may have been reported: the same statement notes what each such month lost
	 * ({@code statistics_revision}, read by {@link StatisticsRevisions}).
	 *
	 * @param at when it was cancelled
	 * @return what was taken out: one declaration and its lines, or nothing
	 */
	public Recorded takeOut(UUID declarationId, Instant at) {
		jdbc.sql("LOCK TABLE statistics_fact IN ROW EXCLUSIVE MODE").update();
		jdbc.sql("LOCK TABLE statistics_pending IN SHARE ROW EXCLUSIVE MODE").update();
		return jdbcTemplate.execute((ConnectionCallback<Recorded>) con -> {
			Recorded removed;
			java.sql.Array months;
			try (PreparedStatement statement = con.prepareStatement(TAKE_OUT)) {
				statement.setObject(1, declarationId);
				statement.setObject(2, declarationId);
				statement.setTimestamp(3, Timestamp.from(at));
				statement.setDate(4, Date.valueOf(LocalDate.ofInstant(at, BusinessTime.ZONE).withDayOfMonth(1)));
				try (var rs = statement.executeQuery()) {
					rs.next();
					removed = new Recorded(rs.getInt(1), rs.getInt(2));
					months = rs.getArray(3);
				}
			}
			if (months != null) {
				try (PreparedStatement statement = con.prepareStatement(DROP_EMPTY)) {
					statement.setArray(1, months);
					statement.executeUpdate();
				}
			}
			return removed;
		});
	}

	/** A line's statistical value as corrected. */
	record CorrectedValue(int lineNo, java.math.BigDecimal valueCny, java.math.BigDecimal valueUsd) {
	}

	/**
	 * Gives a declaration's facts their corrected values and, once folded, the aggregates the differences, in the
	 * caller's transaction (a correction after clearance); locked as {@link #takeOut} is, so that a fold adds either
	 * the values before (and this the differences) or the values after (and this nothing). A line never recorded is
	 * left as it is.
	 *
	 * @param at when it was corrected
	 * @return how many recorded lines changed (none when the values were recorded already: an event heard again)
	 */
	public int correct(UUID declarationId, List<CorrectedValue> lines, Instant at) {
		if (lines.isEmpty()) {
			return 0;
		}
		jdbc.sql("LOCK TABLE statistics_fact IN ROW EXCLUSIVE MODE").update();
		jdbc.sql("LOCK TABLE statistics_pending IN SHARE ROW EXCLUSIVE MODE").update();
		return jdbcTemplate.execute((ConnectionCallback<Integer>) con -> {
			try (PreparedStatement statement = con.prepareStatement(CORRECT)) {
				statement.setArray(1, con.createArrayOf("int4", lines.stream().map(CorrectedValue::lineNo).toArray()));
				statement.setArray(2, con.createArrayOf("numeric", lines.stream().map(CorrectedValue::valueCny).toArray()));
				statement.setArray(3, con.createArrayOf("numeric", lines.stream().map(CorrectedValue::valueUsd).toArray()));
				statement.setObject(4, declarationId);
				statement.setObject(5, declarationId);
				statement.setObject(6, declarationId);
				statement.setTimestamp(7, Timestamp.from(at));
				statement.setDate(8, Date.valueOf(LocalDate.ofInstant(at, BusinessTime.ZONE).withDayOfMonth(1)));
				try (var rs = statement.executeQuery()) {
					rs.next();
					return rs.getInt(1);
				}
			}
		});
	}

	/** The values of the facts' columns, column by column, for {@code unnest}. */
	private static Object[][] columns(List<StatisticalDeclaration> declarations) {
		int lines = declarations.stream().mapToInt(d -> d.lines().size()).sum();
		Object[][] columns = new Object[TYPES.length][lines];
		int row = 0;
		for (StatisticalDeclaration d : declarations) {
			LocalDate month = LocalDate.ofInstant(d.clearedAt(), BusinessTime.ZONE).withDayOfMonth(1);
			for (StatisticalDeclaration.Line line : d.lines()) {
				String chapter = line.hsCode().substring(0, 2);
				Object[] values = { d.declarationId(), line.lineNo(), d.declarationNumber(), d.declarant(),
						Timestamp.from(d.clearedAt()), Date.valueOf(month), d.flow().name(), line.hsCode(), chapter,
						HsSections.of(chapter), d.partner(), line.origin(), d.tradeMode(), d.highTech(), d.chain(),
						line.valueCny(), line.valueUsd(), d.synthetic() };
				for (int c = 0; c < values.length; c++) {
					columns[c][row] = values[c];
				}
				row++;
			}
		}
		return columns;
	}

	private static void bind(Connection con, PreparedStatement statement, Object[][] columns) throws SQLException {
		for (int c = 0; c < columns.length; c++) {
			statement.setArray(c + 1, con.createArrayOf(TYPES[c], columns[c]));
		}
	}

	private static Recorded execute(Connection con, String sql, Object[][] columns) throws SQLException {
		try (PreparedStatement statement = con.prepareStatement(sql)) {
			bind(con, statement, columns);
			try (var rs = statement.executeQuery()) {
				rs.next();
				return new Recorded(rs.getInt(1), rs.getInt(2));
			}
		}
	}

	/**
	 * Recomputes every aggregate from the facts in one transaction. Ingestion and folds wait meanwhile (the facts are
	 * locked against inserts, the marks against folds), so no cleared declaration is missed or counted twice: the
	 * marked ones are in the recomputation, and their marks go with it.
	 */
	@Transactional
	public Rebuild rebuild(String by) {
		long start = System.nanoTime();
		// In the order a clearance takes them (facts, then marks): a rebuild and a clearance never wait for each other
		// in a circle. SHARE ROW EXCLUSIVE on the marks waits for a fold in progress and keeps the next one out.
		jdbc.sql("LOCK TABLE statistics_fact IN SHARE MODE").update();
		jdbc.sql("LOCK TABLE statistics_pending IN SHARE ROW EXCLUSIVE MODE").update();
		jdbc.sql("DELETE FROM statistics_monthly").update();
		jdbc.sql("DELETE FROM statistics_pending").update();
		int aggregates = jdbc.sql("WITH deltas AS (" + deltasOver("statistics_fact") + ")\n" + UPSERT).update();
		long facts = jdbc.sql("SELECT count(*) FROM statistics_fact").query(Long.class).single();
		long millis = (System.nanoTime() - start) / 1_000_000;
		Rebuild rebuild = new Rebuild(time.now(), by, facts, aggregates, millis);
		jdbc.sql("""
				INSERT INTO statistics_rebuild (id, rebuilt_at, rebuilt_by, fact_rows, aggregate_rows, millis)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), Timestamp.from(rebuild.at()), by, facts, aggregates, millis)
			.update();
		log.info("event=statistics_rebuilt by={} facts={} aggregates={} millis={}", by, facts, aggregates, millis);
		return rebuild;
	}

	/** The last rebuild, if any. */
	java.util.Optional<Rebuild> lastRebuild() {
		return jdbc.sql("""
				SELECT rebuilt_at, rebuilt_by, fact_rows, aggregate_rows, millis FROM statistics_rebuild
				ORDER BY rebuilt_at DESC LIMIT 1""")
			.query((rs, n) -> new Rebuild(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5)))
			.optional();
	}

	/** Whether a declaration is recorded: in the facts, and in the aggregates (not waiting for a fold). */
	boolean isRecorded(UUID declarationId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM statistics_fact WHERE declaration_id = ?)
				   AND NOT EXISTS (SELECT 1 FROM statistics_pending WHERE declaration_id = ?)""")
			.params(declarationId, declarationId)
			.query(Boolean.class).single();
	}

	/** Declarations and lines newly recorded by one call. */
	public record Recorded(int declarations, int lines) {
	}

	/** Serializable: the page hands it to the next request as a flash attribute, kept in the JDBC session. */
	public record Rebuild(java.time.Instant at, String by, long factRows, long aggregateRows, long millis)
			implements java.io.Serializable {
	}

}
