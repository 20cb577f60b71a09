package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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

	/**
	 * A start that fails the way one did in a fresh-clone CI: the server exits (there most likely because the port
	 * zonky chose free was taken before it bound it; here because its first configuration is refused), and zonky gives
	 * up waiting — throwing from its constructor with its lock on the data directory still held. The platform logs why,
	 * from the server's own log, and starts again. Before 2026-12-04 that second start failed at once on zonky's leaked
	 * lock (OverlappingFileLockException): no test had exercised the retry. Zonky waits 2 s here, not 120.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aStartThatGaveUpWaitingIsLoggedWithTheServersOwnWordsAndTriedAgain(
			CapturedOutput output) throws Exception {
		dir = Files.createTempDirectory("sw-embedded");
		AtomicInteger attempts = new AtomicInteger();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, true, false,
				configured -> attempts.incrementAndGet() == 1
						? configured.setServerConfig("max_connections", "-1")
							.setPGStartupWait(Duration.ofSeconds(2)).start()
						: configured.start());
				Connection db = DriverManager.getConnection(database.jdbcUrl());
				Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SHOW max_connections")) {
			assertThat(attempts).hasValue(2);
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("200");
			assertThat(database.durability().durable()).isTrue();
		}
		assertThat(output.getAll()).contains("event=embedded_database_not_started", "Gave up waiting for server to start")
			.containsPattern("serverLog=\"[^\"]*max_connections");
	}

	/**
	 * A database initdb cannot create (here a locale no host has; on a host, a full disk, a directory the user may not
	 * write) said only "Process [unshare, -U, …/initdb, …] failed" under a wall of Spring's causes; initdb's own words
	 * were in postgresql.log alone. They are in the refusal now, which names the log.
	 */
	@Test
	void aDatabaseThatCannotBeCreatedSaysWhyInTheServersOwnWords() throws Exception {
		dir = Files.createTempDirectory("sw-embedded");
		assertThatThrownBy(() -> EmbeddedDatabase.start(dir, true, false,
				configured -> configured.setLocaleConfig("locale", "xx_YY.UTF-8").start()))
			.isInstanceOf(EmbeddedDatabase.NotStarted.class)
			.hasMessageContaining("invalid locale name")
			.hasMessageContaining(dir.resolve(EmbeddedDatabase.SERVER_LOG).toString());
	}

	@Test
	void aDataDirectoryThatIsAFileIsRefusedInWords() throws Exception {
		dir = Files.createTempDirectory("sw-embedded");
		Path file = Files.writeString(dir.resolve("data"), "not a directory");
		assertThatThrownBy(() -> EmbeddedDatabase.start(file, true, false))
			.isInstanceOf(EmbeddedDatabase.NotStarted.class)
			.hasMessage("The data directory " + file + " is a file, not a directory: point SINGLEWINDOW_DATA_DIR "
					+ "(or --singlewindow.data-dir) at a directory.");
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
