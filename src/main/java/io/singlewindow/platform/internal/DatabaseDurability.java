package io.singlewindow.platform.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings on which PostgreSQL's promise "a committed transaction survives a crash" rests, as the server reports
 * them: {@code fsync} (a power loss with it off can corrupt the whole cluster), {@code synchronous_commit} (off
 * answers a commit before its WAL is written, so a crash loses the last few hundred milliseconds of acknowledged
 * transactions) and {@code full_page_writes} (off risks torn pages). Read back from the server rather than taken from
 * our own configuration, because what counts is what runs.
 */
record DatabaseDurability(String fsync, String synchronousCommit, String fullPageWrites) {

	static DatabaseDurability of(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT current_setting('fsync'), "
						+ "current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
			row.next();
			return new DatabaseDurability(row.getString(1), row.getString(2), row.getString(3));
		}
	}

	/**
	 * Whether an acknowledged commit survives a crash of the server and of the machine. {@code synchronous_commit}
	 * values {@code on}, {@code remote_write}, {@code remote_apply} and {@code local} all flush the local WAL first.
	 */
	boolean durable() {
		return "on".equals(fsync) && !"off".equals(synchronousCommit) && "on".equals(fullPageWrites);
	}

	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("fsync", fsync);
		details.put("synchronous_commit", synchronousCommit);
		details.put("full_page_writes", fullPageWrites);
		details.put("durable", durable());
		return details;
	}

	/** As log fields. */
	@Override
	public String toString() {
		return "fsync=" + fsync + " synchronous_commit=" + synchronousCommit + " full_page_writes=" + fullPageWrites;
	}
}
