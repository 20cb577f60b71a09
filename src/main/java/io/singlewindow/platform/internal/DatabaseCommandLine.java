package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code backup FILE} and {@code restore FILE}: the operator's commands for the platform's database, run from the
 * platform's own jar. Configured like the platform (application.properties, {@code SINGLEWINDOW_DATA_DIR},
 * {@code SPRING_DATASOURCE_URL}, {@code --name=value} arguments), without starting it: only Spring Boot's
 * configuration and logging, no application beans.
 * <ul>
 * <li>{@code backup}: from a running platform's embedded database (found through its data directory) while it keeps
 * serving, else from the data directory's database started for the purpose, or from the external database.</li>
 * <li>{@code restore}: into the embedded database of the data directory, which must not be in use: built beside it,
 * it takes its place once every row is in, the existing database moved aside to {@code pg.before-restore-<time>},
 * never deleted; a restore that fails leaves it as it was. Or into an empty external database.</li>
 * </ul>
 */
public final class DatabaseCommandLine {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCommandLine.class);

	public static final List<String> COMMANDS = List.of("backup", "restore");

	private DatabaseCommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Runs the command; the process's exit code. */
	public static int run(String[] args) {
		String[] options = Arrays.stream(args).skip(2).toArray(String[]::new);
		if (args.length < 2 || args[1].startsWith("--")) {
			System.err.println("usage: " + args[0] + " FILE [--singlewindow.data-dir=DIR | --spring.datasource.url=URL ...]");
			return 2;
		}
		Path file = Path.of(args[1]).toAbsolutePath();
		try (ConfigurableApplicationContext configuration = new SpringApplicationBuilder(DatabaseCommandLine.class)
			.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(options)) {
			Environment environment = configuration.getEnvironment();
			String url = environment.getProperty("spring.datasource.url", "");
			String user = environment.getProperty("spring.datasource.username", "postgres");
			String password = environment.getProperty("spring.datasource.password", "");
			Path dataDir = Path.of(environment.getProperty("singlewindow.data-dir", "./data")).toAbsolutePath().normalize();
			if (args[0].equals("backup")) {
				Properties manifest = url.isEmpty() ? backupEmbedded(dataDir, file) : backup(url, user, password, file);
				System.out.println("backup written: " + file + " (" + DatabaseBackup.totalRows(manifest) + " rows)");
			} else {
				Properties manifest = url.isEmpty() ? restoreEmbedded(dataDir, file)
						: DatabaseBackup.restore(url, user, password, file);
				System.out.println("restored: " + file + " (" + DatabaseBackup.totalRows(manifest) + " rows)");
			}
			return 0;
		} catch (Exception e) {
			log.error("event=database_command_failed command={} file={} error=\"{}\"", args[0], file, e.getMessage(), e);
			System.err.println(args[0] + " failed: " + e.getMessage());
			return 1;
		}
	}

	private static Properties backup(String url, String user, String password, Path file) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			return DatabaseBackup.backup(connection, file);
		}
	}

	private static Properties backupEmbedded(Path dataDir, Path file) throws Exception {
		Path pgData = dataDir.resolve("pg");
		if (!Files.exists(pgData.resolve("PG_VERSION"))) {
			throw new IllegalStateException("no database in " + pgData);
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, true, false)) {
			return backup(database.jdbcUrl(), "postgres", "", file);
		} catch (DataDirectoryLock.DataDirectoryInUse running) {
			// A platform is running on it: back up its database while it serves (online, one snapshot).
			String port = Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).strip();
			log.info("event=backup_of_running_platform dataDir={} port={}", dataDir, port);
			return backup("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "", file);
		}
	}

	/** Where a restore builds the database before it takes the platform's place. */
	static final String RESTORING = "pg.restoring";

	/**
	 * Restores into a database built beside the platform's ({@link #RESTORING}), which takes its place only once every
	 * row is in: until 2026-12-07 the platform's database was moved aside first, and a backup file cut short or not a
	 * backup left an empty database in its place, on which the next start served as if nothing had been.
	 */
	private static Properties restoreEmbedded(Path dataDir, Path file) throws Exception {
		if (!Files.isReadable(file)) {
			throw new IllegalStateException("cannot read " + file);
		}
		EmbeddedDatabase restoring = EmbeddedDatabase.start(dataDir, RESTORING, true, true,
				EmbeddedPostgres.Builder::start);
		Properties manifest;
		try {
			manifest = DatabaseBackup.restore(restoring.jdbcUrl(), "postgres", "", file);
		} catch (Exception | Error failed) {
			try {
				restoring.closeAndDelete();
			} catch (IOException | RuntimeException cleanUp) {
				failed.addSuppressed(cleanUp);
			}
			throw failed;
		}
		// Logged there: event=embedded_database_replaced … previous=<where the platform's database went>.
		restoring.closeInPlaceOfThePlatforms(
				"pg.before-restore-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		return manifest;
	}
}
