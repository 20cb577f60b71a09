package io.singlewindow.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.singlewindow.core.Cursor;
import io.singlewindow.core.Problem;

/**
 * Reads the audit trail's rows: waiting ones in {@code audit_entry_unsealed}, chained ones in {@code audit_entry_sealed}
 * (where the sealer moves them), both together through the view {@code audit_entry} (migration {@code V11_7_1}).
 */
@Repository
class AuditEntries {

	/** What a decision wrote: the columns both tables have. */
	private static final String CONTENT = """
			id, occurred_at, actor_account, actor_name, actor_role, acting_for_enterprise, acting_for_agency, action,
			subject_type, subject_id, before_state::text AS before_state, after_state::text AS after_state""";

	static final String COLUMNS = CONTENT + ", chain_position, previous_hash, hash";

	/** {@link #COLUMNS} of a row that waits for its seal. */
	private static final String UNSEALED_COLUMNS = CONTENT
			+ ", NULL::bigint AS chain_position, NULL AS previous_hash, NULL AS hash";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	AuditEntries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Committed rows not yet chained, oldest id first. */
	List<AuditEntry> unsealed(int limit) {
		return jdbc.sql("SELECT " + UNSEALED_COLUMNS + " FROM audit_entry_unsealed ORDER BY id LIMIT ?")
			.param(limit)
			.query(AuditEntries::map)
			.list();
	}

	/** Every sealed row in chain order, streamed (the caller's transaction fixes the snapshot). */
	void eachSealed(Consumer<AuditEntry> consumer) {
		template.query(con -> {
			var statement = con.prepareStatement(
					"SELECT " + COLUMNS + " FROM audit_entry_sealed ORDER BY chain_position");
			// A fetch size streams the rows inside a transaction instead of loading the whole trail.
			statement.setFetchSize(1000);
			return statement;
		}, rs -> {
			consumer.accept(map(rs, 0));
		});
	}

	long unsealedCount() {
		return jdbc.sql("SELECT count(*) FROM audit_entry_unsealed").query(Long.class).single();
	}

	/** How many rows wait for their seal, and when the oldest of them was written ({@literal null} with none). */
	record Waiting(long rows, java.time.Instant oldestOccurredAt) {
	}

	Waiting waiting() {
		return jdbc.sql("SELECT count(*), min(occurred_at) FROM audit_entry_unsealed")
			.query((rs, n) -> new Waiting(rs.getLong(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
	}

	/**
	 * What an administrator looks for; every criterion is optional and exact.
	 *
	 * @param actingFor an enterprise's USCC or an agency's code
	 */
	record Filter(String action, String subjectType, String subjectId, String actor, String actingFor) {

		Filter {
			action = blankToNull(action);
			subjectType = blankToNull(subjectType);
			subjectId = blankToNull(subjectId);
			actor = blankToNull(actor);
			actingFor = blankToNull(actingFor);
		}

		private static String blankToNull(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}
	}

	/** One page of rows matching {@code filter}, newest first, and whether another page follows. */
	record Page(List<AuditEntry> entries, int page, int size, boolean more, Cursor next) {
	}

	Page find(Filter filter, int page, int size) {
		return find(filter, page, size, null);
	}

	/**
	 * Rows newest first: the page {@code page} of {@code size} rows, or, after a cursor, the {@code size} rows older
	 * than the cursor's row (keyset on the id, so rows appended meanwhile shift nothing).
	 */
	Page find(Filter filter, int page, int size, Cursor after) {
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		criterion(where, params, "action = ?", filter.action());
		criterion(where, params, "subject_type = ?", filter.subjectType());
		criterion(where, params, "subject_id = ?", filter.subjectId());
		criterion(where, params, "actor_name = ?", filter.actor());
		if (filter.actingFor() != null) {
			where.append(" AND (acting_for_enterprise = ? OR acting_for_agency = ?)");
			params.add(filter.actingFor());
			params.add(filter.actingFor());
		}
		if (after != null) {
			where.append(" AND id < ?");
			params.add(rowId(after));
		}
		params.add(size + 1);
		params.add(after != null ? 0L : (long) page * size);
		List<AuditEntry> rows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where
				+ " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(AuditEntries::map)
			.list();
		boolean more = rows.size() > size;
		List<AuditEntry> shown = more ? rows.subList(0, size) : rows;
		Cursor next = more ? new Cursor(shown.getLast().occurredAt(), String.valueOf(shown.getLast().id())) : null;
		return new Page(shown, page, size, more, next);
	}

	private static long rowId(Cursor cursor) {
		try {
			return Long.parseLong(cursor.key());
		} catch (NumberFormatException e) {
			throw Problem.invalidField("cursor", "CURSOR_INVALID");
		}
	}

	private static void criterion(StringBuilder where, List<Object> params, String condition, String value) {
		if (value != null) {
			where.append(" AND ").append(condition);
			params.add(value);
		}
	}

	static AuditEntry map(ResultSet rs, int row) throws SQLException {
		Long position = rs.getObject("chain_position", Long.class);
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_account", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
				rs.getString("acting_for_enterprise"), rs.getString("acting_for_agency"), rs.getString("action"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("before_state"),
				rs.getString("after_state"), position, rs.getString("previous_hash"),
				rs.getString("hash"));
	}
}
