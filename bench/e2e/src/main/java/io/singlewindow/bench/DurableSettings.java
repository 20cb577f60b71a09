package io.singlewindow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import javax.sql.DataSource;

/**
 * What a benchmark's PostgreSQL really runs with, read back from the server: zonky starts throw-away servers with
 * fsync and synchronous commit off, so every benchmark turns them on and prints this line to show it.
 */
final class DurableSettings {

	private DurableSettings() {
	}

	static String readBack(DataSource db) throws java.sql.SQLException {
		StringBuilder out = new StringBuilder();
		try (Connection c = db.getConnection(); var s = c.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
					rs.next();
					out.append(out.isEmpty() ? "" : " ").append(setting).append('=').append(rs.getString(1));
				}
			}
		}
		return out.toString();
	}
}
