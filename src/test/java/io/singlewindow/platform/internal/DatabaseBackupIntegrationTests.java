package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator's {@code backup} where it cannot succeed says why in words and leaves nothing behind: a file half
 * written (its {@code .partial}) looked like a backup that had run, and the causes came as the libraries' words alone
 * (a path, "relation flyway_schema_history does not exist"). A whole backup and its restore:
 * {@code PlatformLifeIntegrationTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackupIntegrationTests {

	Path dir;

	EmbeddedDatabase database;

	@BeforeAll
	void startADatabaseWithoutThePlatformsTables() throws Exception {
		dir = Files.createTempDirectory("sw-backup");
		database = EmbeddedDatabase.start(dir.resolve("data"), false, false);
	}

	@AfterAll
	void stop() throws Exception {
		if (database != null) {
			database.close();
		}
		EmbeddedDatabase.deleteRecursively(dir);
	}

	@Test
	void aBackupIntoADirectoryThatDoesNotExistSaysSoAndLeavesNothing() throws Exception {
		Path file = dir.resolve("no-such-directory").resolve("sw.backup");
		try (Connection db = DriverManager.getConnection(database.jdbcUrl())) {
			assertThatThrownBy(() -> DatabaseBackup.backup(db, file)).isInstanceOf(IllegalStateException.class)
				.hasMessage("cannot write " + file + ": the directory " + file.getParent() + " does not exist");
		}
		assertThat(file.getParent()).doesNotExist();
	}

	@Test
	void aBackupOntoADirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
		Path directory = Files.createDirectories(dir.resolve("backups"));
		try (Connection db = DriverManager.getConnection(database.jdbcUrl())) {
			assertThatThrownBy(() -> DatabaseBackup.backup(db, directory)).isInstanceOf(IllegalStateException.class)
				.hasMessage(directory + " is a directory: name the backup's file");
		}
		assertThat(leftIn(dir)).doesNotContain("backups.partial");
	}

	@Test
	void aBackupOfADatabaseWithoutThePlatformsTablesSaysSoAndLeavesNoPartialFile() throws Exception {
		Path file = dir.resolve("empty.backup");
		try (Connection db = DriverManager.getConnection(database.jdbcUrl())) {
			assertThatThrownBy(() -> DatabaseBackup.backup(db, file)).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("the database holds no Single Window schema");
		}
		assertThat(leftIn(dir)).doesNotContain("empty.backup", "empty.backup.partial");
	}

	@Test
	void aBackupThatFailsHalfWayLeavesNoPartialFile() throws Exception {
		// A database whose Flyway history is not Flyway's: the backup fails once its file is begun.
		try (Connection db = DriverManager.getConnection(database.jdbcUrl());
				java.sql.Statement s = db.createStatement()) {
			s.execute("CREATE DATABASE half_way");
		}
		Path file = dir.resolve("half-way.backup");
		String url = "jdbc:postgresql://localhost:" + database.port() + "/half_way?user=postgres";
		try (Connection db = DriverManager.getConnection(url); java.sql.Statement s = db.createStatement()) {
			s.execute("CREATE TABLE flyway_schema_history (installed_rank INT)");
			assertThatThrownBy(() -> DatabaseBackup.backup(db, file)).isInstanceOf(java.sql.SQLException.class);
		}
		assertThat(leftIn(dir)).doesNotContain("half-way.backup", "half-way.backup.partial");
	}

	private static java.util.List<String> leftIn(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(f -> f.getFileName().toString()).toList();
		}
	}
}
