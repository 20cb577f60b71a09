package io.singlewindow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own on the tests' server, for a migration test: migrated up to a version, given rows as they were
 * stored then, migrated on. Dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

	private final DataSource server;

	private final String name;

	private final SingleConnectionDataSource dataSource;

	public ScratchDatabase(DataSource server, String prefix) throws SQLException {
		this.server = server;
		this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
		JdbcClient.create(server).sql("CREATE DATABASE " + name).update();
		try (Connection c = server.getConnection()) {
			String url = c.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
			this.dataSource = new SingleConnectionDataSource(url, c.getMetaData().getUserName(), "", true);
		}
	}

	/** Applies the migrations up to {@code version} ({@code 11.6.1}), or all of them when null. */
	public ScratchDatabase migrate(String version) {
		var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		(version == null ? flyway : flyway.target(version)).load().migrate();
		return this;
	}

	public JdbcClient sql() {
		return JdbcClient.create(dataSource);
	}

	@Override
	public void close() {
		dataSource.destroy();
		JdbcClient.create(server).sql("DROP DATABASE " + name + " WITH (FORCE)").update();
	}
}
