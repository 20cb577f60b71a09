package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL across restarts and between processes that want the same data directory. */
class EmbeddedDatabaseIntegrationTests {

	Path dir;

	@AfterEach
	void deleteDataDirectory() throws Exception {
		if (dir != null) {
			EmbeddedDatabase.deleteRecursively(dir);
		}
	}

	@Test
	void aDataDirectoryCreatedWithTheOldNonDurableSettingsStartsDurableWithItsData() throws Exception {
		dir = Files.createTempDirectory("sw-embedded");
		try (EmbeddedDatabase old = EmbeddedDatabase.start(dir, false, false);
				Connection db = DriverManager.getConnection(old.jdbcUrl());
				Statement s = db.createStatement()) {
			assertThat(old.durability().fsync()).isEqualTo("off");
			s.execute("CREATE TABLE receipt (number TEXT PRIMARY KEY)");
			s.execute("INSERT INTO receipt VALUES ('XM2026113000000001')");
		}

		try (EmbeddedDatabase durable = EmbeddedDatabase.start(dir, true, false);
				Connection db = DriverManager.getConnection(durable.jdbcUrl());
				Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT number FROM receipt")) {
			assertThat(durable.durability().durable()).isTrue();
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("XM2026113000000001");
		}
	}

	@Test
	void theServersOwnOutputIsKeptBesideItsDataForTheOperator() throws Exception {
		dir = Files.createTempDirectory("sw-embedded");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, true, false)) {
			assertThat(database.durability().durable()).isTrue();
		}
		// Start-up and shutdown as the server wrote them: before, its output was dropped, and a start that failed said
		// only that the platform gave up waiting.
		assertThat(Files.readString(dir.resolve(EmbeddedDatabase.SERVER_LOG)))
			.contains("database system is ready to accept connections").contains("database system is shut down");
	}

	@Test
	void aSecondDatabaseOnADataDirectoryInUseIsRefusedBeforeAnythingIsTouched() throws Exception {
		dir = Files.createTempDirectory("sw-embedded");
		try (EmbeddedDatabase first = EmbeddedDatabase.start(dir, true, false)) {
			String postmaster = Files.readString(dir.resolve("pg/postmaster.pid"));

			assertThatThrownBy(() -> EmbeddedDatabase.start(dir, true, true))
				.isInstanceOf(DataDirectoryLock.DataDirectoryInUse.class)
				.hasMessageContaining("is in use by another running Single Window");

			assertThat(Files.readString(dir.resolve("pg/postmaster.pid"))).isEqualTo(postmaster);
			assertThat(first.durability().durable()).isTrue();
		}
	}
}
