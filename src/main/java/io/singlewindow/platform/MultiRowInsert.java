package io.singlewindow.platform;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Any number of rows of one table in one statement of one text: each column is bound as one array and the arrays are
 * unnested ({@code INSERT … SELECT * FROM unnest(?::uuid[], ?::int[], …)}). The JDBC driver's rewritten batches
 * ({@code reWriteBatchedInserts}) split a group's rows into statements of 2ⁿ rows, each text of its own, planned anew
 * until the driver has seen it five times on a connection: in {@code bench/e2e} the lines, routes, tasks and timeline
 * of a group took 2.5 statements a declaration and most of the server's planning. This takes one statement per table
 * and group, whose generic plan the server keeps.
 * <p>
 * Values travel as text and are cast by column, as the arrays' types say: amounts in plain notation, instants in
 * ISO-8601 with their offset, so that nothing depends on the session's time zone.
 */
public final class MultiRowInsert {

	private final String sql;
	private final int columns;

	/**
	 * @param table the table
	 * @param typedColumns each column with its type, as in {@code "line_no int"}, in the order of the rows' values
	 * @param suffix what follows the rows, e.g. {@code ON CONFLICT DO NOTHING}, or empty
	 */
	public MultiRowInsert(String table, List<String> typedColumns, String suffix) {
		this.columns = typedColumns.size();
		String names = typedColumns.stream().map(c -> c.split(" ")[0]).collect(Collectors.joining(", "));
		String arrays = typedColumns.stream()
			.map(c -> "?::" + c.substring(c.indexOf(' ') + 1) + "[]")
			.collect(Collectors.joining(", "));
		this.sql = ("INSERT INTO " + table + " (" + names + ") SELECT * FROM unnest(" + arrays + ") " + suffix).strip();
	}

	public String sql() {
		return sql;
	}

	/** Writes the rows, each an array of its column values in the order given; nothing when there are none. */
	public void write(JdbcClient jdbc, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql(sql).params(columnsOf(rows)).update();
	}

	/**
	 * Several tables' rows in one statement with a statement of the caller's: each insert a data-modifying {@code WITH}
	 * query, which PostgreSQL runs once and to completion whether or not anything reads it. One round trip, one parse
	 * and one executor start for all of a group's tables instead of one each. A table without rows still takes part,
	 * with empty arrays, so that the text never varies and its plan is kept.
	 */
	public static Together together(MultiRowInsert... inserts) {
		return new Together(List.of(inserts));
	}

	/** The inserts of {@link #together}. */
	public static final class Together {

		private final List<MultiRowInsert> inserts;
		private final String withQueries;

		private Together(List<MultiRowInsert> inserts) {
			this.inserts = inserts;
			StringBuilder sql = new StringBuilder("WITH ");
			for (int i = 0; i < inserts.size(); i++) {
				sql.append(i == 0 ? "" : ",\n").append("written_").append(i + 1).append(" AS (")
					.append(inserts.get(i).sql()).append(")");
			}
			this.withQueries = sql.toString();
		}

		/**
		 * The statement: the inserts, then {@code more} (further {@code WITH} queries, each starting with a comma,
		 * or none) and the statement proper, {@code primary}. The rows of one table go in as given; the tables, in no
		 * order anything may rely on but their foreign keys' (all checked at the statement's end).
		 */
		public String sql(String more, String primary) {
			return withQueries + more + "\n" + primary;
		}

		/** The parameters of the inserts, for rows given in the order of the inserts; the caller's follow them. */
		public List<Object> params(List<List<Object[]>> rows) {
			if (rows.size() != inserts.size()) {
				throw new IllegalArgumentException(rows.size() + " sets of rows for " + inserts.size() + " inserts");
			}
			List<Object> params = new java.util.ArrayList<>();
			for (int i = 0; i < inserts.size(); i++) {
				params.addAll(Arrays.asList(inserts.get(i).columnsOf(rows.get(i))));
			}
			return params;
		}
	}

	/** The rows turned into one text array per column. */
	public Object[] columnsOf(List<Object[]> rows) {
		return columns(rows, columns);
	}

	/**
	 * Rows of {@code columns} values each, turned into one text array per column: what a statement that unnests its
	 * parameters binds ({@code unnest(?::text[], …)}).
	 */
	public static Object[] columns(List<? extends Object[]> rows, int columns) {
		for (Object[] row : rows) {
			if (row.length != columns) {
				throw new IllegalArgumentException(
						"a row of " + row.length + " values for " + columns + " columns: " + Arrays.toString(row));
			}
		}
		Object[] arrays = new Object[columns];
		for (int c = 0; c < columns; c++) {
			String[] column = new String[rows.size()];
			for (int r = 0; r < column.length; r++) {
				Object[] row = rows.get(r);
				column[r] = text(row[c]);
			}
			arrays[c] = column;
		}
		return arrays;
	}

	public static String text(Object value) {
		return switch (value) {
			case null -> null;
			case BigDecimal amount -> amount.toPlainString();
			case Timestamp at -> at.toInstant().toString();
			case Instant at -> at.toString();
			default -> value.toString();
		};
	}
}
