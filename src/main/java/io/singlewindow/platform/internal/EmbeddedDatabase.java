package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform's own PostgreSQL 17 (zonky's binaries) in {@code <dataDir>/pg}, started durable.
 * <p>
 * zonky is made for throw-away test databases: it starts the server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}, and stops it from a JVM shutdown hook of its own. Both are wrong for data that must
 * survive: the server options put PostgreSQL's own defaults back (later {@code -c} options win over {@code -F}), and
 * the server is stopped by {@link #close()} only, which Spring calls after every bean that uses the database is gone.
 * <p>
 * One platform per data directory: {@code <dataDir>/single-window.lock} is held while the database runs, and taken
 * before anything in the directory is touched, so a second platform on the same directory fails at once.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final DataDirectoryLock lock;
	private final EmbeddedPostgres postgres;
	private final Path pgData;

	private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres, Path pgData) {
		this.lock = lock;
		this.postgres = postgres;
		this.pgData = pgData;
	}

	/**
	 * Starts the database in {@code dataDir}, creating it on first use.
	 *
	 * @param durable {@code false} keeps zonky's fsync=off and synchronous_commit=off: never in production
	 * @param clean wipe the database first (tests only)
	 */
	static EmbeddedDatabase start(Path dataDir, boolean durable, boolean clean) throws IOException {
		return start(dataDir, DIRECTORY, durable, clean, EmbeddedPostgres.Builder::start);
	}

	/** The platform's database's directory in the data directory. */
	static final String DIRECTORY = "pg";

	/** Starts a server as configured: zonky's own start, or in a test one that fails the way a real start can. */
	@FunctionalInterface
	interface ServerStart {

		EmbeddedPostgres start(EmbeddedPostgres.Builder configured) throws IOException;
	}

	static EmbeddedDatabase start(Path dataDir, boolean durable, boolean clean, ServerStart server) throws IOException {
		return start(dataDir, DIRECTORY, durable, clean, server);
	}

	/**
	 * Starts a database in {@code <dataDir>/<directory>} (a restore builds one beside the platform's, {@link
	 * #closeInPlaceOfThePlatforms}), holding the data directory's lock until it is closed.
	 */
	static EmbeddedDatabase start(Path dataDir, String directory, boolean durable, boolean clean, ServerStart server)
			throws IOException {
		Path dir = dataDir.toAbsolutePath().normalize();
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new NotStarted("The data directory " + dir + " is a file, not a directory: point "
					+ "SINGLEWINDOW_DATA_DIR (or --singlewindow.data-dir) at a directory.", null);
		}
		DataDirectoryLock lock = DataDirectoryLock.acquire(dir);
		try {
			Path pgData = dir.resolve(directory);
			if (clean) {
				deleteRecursively(pgData);
			}
			Files.createDirectories(pgData);
			stopOrphanedPostmaster(pgData);
			long started = System.nanoTime();
			Path serverLog = dir.resolve(SERVER_LOG);
			EmbeddedPostgres postgres;
			try {
				postgres = server.start(builder(pgData, serverLog, durable));
			} catch (IllegalStateException notCreated) {
				// zonky's words for a failed initdb are its command line; initdb's own are in the server's log.
				throw new NotStarted("The embedded database could not be created in " + pgData + ": "
						+ tail(serverLog) + " (all of it in " + serverLog + ")", notCreated);
			} catch (IOException notStarted) {
				// The server did not come up: say why, from its own log, and try once more on a port chosen afresh
				// (the port is picked free and bound a moment later, and another process may take it meanwhile).
				log.error("event=embedded_database_not_started dataDir={} error=\"{}\" serverLog=\"{}\"", pgData,
						notStarted.getMessage(), tail(serverLog));
				stopOrphanedPostmaster(pgData);
				// zonky locked <pgData>/epg-lock before it launched the server and, its constructor having thrown, never
				// released it: a second start in this JVM failed with OverlappingFileLockException. A lock is held on
				// the file, so a new file is free; the platform's own lock (DataDirectoryLock) still guards the directory.
				Files.deleteIfExists(pgData.resolve(ZONKY_LOCK));
				postgres = server.start(builder(pgData, serverLog, durable));
			}
			EmbeddedDatabase database = new EmbeddedDatabase(lock, postgres, pgData);
			DatabaseDurability durability = database.durability();
			log.info("event=embedded_database_started dataDir={} port={} millis={} {}", pgData, postgres.getPort(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), durability);
			if (!durability.durable()) {
				log.warn("event=embedded_database_not_durable {} reason=singlewindow.embedded-database.durable=false "
						+ "(never in production: a crash loses acknowledged transactions)", durability);
			}
			return database;
		} catch (IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/** The embedded database cannot be made or started where it was asked for; the message says why in words. */
	static final class NotStarted extends StartRefused {

		NotStarted(String message, Throwable cause) {
			super(message, cause);
		}

		@Override
		String action() {
			return "Mend what the message names (the data directory, its disk, its permissions), then start again; "
					+ "nothing of an existing database was changed.";
		}
	}

	/** The file zonky locks in the server's data directory while it runs one there. */
	static final String ZONKY_LOCK = "epg-lock";

	/** The server's own output (start-up, shutdown, errors), beside its data directory: what an operator reads first. */
	static final String SERVER_LOG = "postgresql.log";

	private static EmbeddedPostgres.Builder builder(Path pgData, Path serverLog, boolean durable) {
		ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setOutputRedirector(toLog)
			.setErrorRedirector(toLog)
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB");
		// The database's locale is created once (initdb, on first use) and then lives with the data. Taken from the
		// environment, it failed on a host whose LANG names a locale not installed there ("invalid locale settings":
		// an operator's zh_CN.UTF-8 over SSH to a minimal server), and would differ from host to host where it did
		// not: PostgreSQL 17's own C.UTF-8 (Unicode's case mapping, code-point order) needs no locale of the host.
		builder.setLocaleConfig("locale", "C")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8");
		if (durable) {
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		return builder;
	}

	/** The last lines of the server's log, on one line, for a log entry. */
	private static String tail(Path serverLog) {
		try {
			List<String> lines = Files.exists(serverLog) ? Files.readAllLines(serverLog) : List.of();
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()))
				.replace("\"", "'");
		} catch (IOException | RuntimeException e) {
			return "unreadable: " + e;
		}
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	int port() {
		return postgres.getPort();
	}

	Path pgData() {
		return pgData;
	}

	DatabaseDurability durability() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			return DatabaseDurability.of(connection);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read the settings of the embedded database", e);
		}
	}

	/**
	 * Stops this database and puts it in the platform's place ({@link #DIRECTORY}), the platform's database moved
	 * aside to {@code aside} first, never deleted; the data directory's lock is held throughout, so no platform
	 * starts on either meanwhile.
	 *
	 * @return where the platform's database went, or {@code null} when there was none
	 */
	Path closeInPlaceOfThePlatforms(String aside) throws IOException {
		try {
			postgres.close();
			Path platforms = pgData.resolveSibling(DIRECTORY);
			Path movedAside = null;
			if (Files.exists(platforms)) {
				movedAside = platforms.resolveSibling(aside);
				Files.move(platforms, movedAside);
			}
			Files.move(pgData, platforms);
			log.info("event=embedded_database_replaced dataDir={} from={} previous={}", platforms, pgData, movedAside);
			return movedAside;
		} finally {
			lock.close();
		}
	}

	/** Stops this database and deletes its directory: what was built in it is of no use (a restore that failed). */
	void closeAndDelete() throws IOException {
		try {
			postgres.close();
			deleteRecursively(pgData);
			log.info("event=embedded_database_deleted dataDir={}", pgData);
		} finally {
			lock.close();
		}
	}

	/** Stops PostgreSQL (fast shutdown: a checkpoint, nothing lost) and releases the data directory. */
	@Override
	public void close() throws IOException {
		try {
			postgres.close();
			log.info("event=embedded_database_stopped dataDir={}", pgData);
		} finally {
			lock.close();
		}
	}

	/**
	 * After a {@code kill -9} of the JVM the postmaster lives on (pg_ctl daemonised it) and holds
	 * {@code postmaster.pid}; the next start would fail. Stop that orphan first. Only ever called with the data
	 * directory's lock held, so the postmaster cannot belong to a running platform.
	 */
	private static void stopOrphanedPostmaster(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (Stream<String> lines = Files.lines(pidFile)) {
			long pid = Long.parseLong(lines.findFirst().orElse("").strip());
			ProcessHandle.of(pid)
				.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
				.ifPresent(p -> {
					log.warn("event=orphaned_postmaster_stopped pid={} dataDir={}", pid, pgData);
					p.destroy();
					try {
						p.onExit().get(30, TimeUnit.SECONDS);
					} catch (Exception e) {
						p.destroyForcibly();
					}
				});
		} catch (IOException | NumberFormatException e) {
			log.warn("event=unreadable_postmaster_pid file={} error={}", pidFile, e.toString());
		}
	}

	static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
