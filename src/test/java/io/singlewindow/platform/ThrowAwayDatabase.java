package io.singlewindow.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tests' database lives in a fresh folder per test context (see {@code application-test.properties}); this deletes
 * the folder — some 85 MB of PostgreSQL cluster — when the JVM ends, after the postmaster has exited, and at start the
 * folders that earlier test JVMs left behind when they were killed.
 * <p>
 * The folder is asked of the database itself ({@code data_directory}), never of the property: its value
 * {@code ${random.uuid}} is drawn afresh at every lookup, so re-reading it named a folder that never existed, and every
 * run left its own behind (2026-11-29: 63 of them in {@code /tmp}). A JVM shutdown hook rather than the context's own
 * shutdown: the test framework keeps its cached context open until the JVM exits and closes it from a hook of its own
 * (which stops PostgreSQL); hooks run concurrently, so this one waits for the postmaster to exit before it deletes.
 * <p>
 * The folder is listed for {@code .ci/check-test-leftovers} ({@link RunLeftovers}), which fails a build whose run left
 * it behind.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ThrowAwayDatabase {

	static final String PREFIX = "single-window-test-";

	/** A leftover younger than this may be a test JVM that is still creating its database: never swept. */
	static final Duration SWEEP_AGE = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(ThrowAwayDatabase.class);

	@Bean
	DataDirectory throwAwayDataDirectory(DataSource startedDatabase) {
		Path pgData = Path.of(JdbcClient.create(startedDatabase).sql("SELECT current_setting('data_directory')")
			.query(String.class).single());
		DataDirectory directory = new DataDirectory(pgData.getParent());
		RunLeftovers.expectGone(directory.path);
		Runtime.getRuntime().addShutdownHook(new Thread(directory::delete, "test-database-cleanup"));
		sweepLeftoversOfDeadRuns(directory.path.getParent(), directory.path);
		return directory;
	}

	/**
	 * Deletes the test database folders next to {@code own} whose test JVM has died: nobody holds their
	 * {@code single-window.lock} (the kernel releases it when its process dies, even by {@code kill -9}), no postmaster
	 * named by their {@code postmaster.pid} still runs, and they are older than {@link #SWEEP_AGE}.
	 *
	 * @return the folders deleted
	 */
	static List<Path> sweepLeftoversOfDeadRuns(Path temp, Path own) {
		try (Stream<Path> folders = Files.list(temp)) {
			List<Path> dead = folders.filter(f -> f.getFileName().toString().startsWith(PREFIX))
				.filter(f -> !f.equals(own))
				.filter(Files::isDirectory)
				.filter(ThrowAwayDatabase::olderThanSweepAge)
				.filter(f -> postmasterOf(f.resolve("pg")).isEmpty())
				.filter(ThrowAwayDatabase::nobodyHoldsItsLock)
				.toList();
			for (Path folder : dead) {
				RunLeftovers.delete(folder, 3);
				log.info("event=test_database_leftover_deleted dataDir={}", folder);
			}
			return dead;
		} catch (IOException e) {
			log.warn("event=test_database_sweep_failed temp={} error={}", temp, e.toString());
			return List.of();
		}
	}

	private static boolean olderThanSweepAge(Path folder) {
		try {
			return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(SWEEP_AGE));
		} catch (IOException e) {
			return false;
		}
	}

	private static boolean nobodyHoldsItsLock(Path folder) {
		Path file = folder.resolve("single-window.lock");
		if (!Files.exists(file)) {
			return true;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return false;
			}
			lock.release();
			return true;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	static Optional<ProcessHandle> postmasterOf(Path pgData) {
		try (Stream<String> lines = Files.lines(pgData.resolve("postmaster.pid"))) {
			return lines.findFirst().map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of)
				.filter(ProcessHandle::isAlive);
		} catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** The folder of one test context's database: {@code <folder>/pg} is PostgreSQL's data directory. */
	static final class DataDirectory {

		private final Path path;
		private final Optional<ProcessHandle> postmaster;
		private final AtomicBoolean deleted = new AtomicBoolean();

		DataDirectory(Path path) {
			this.path = path;
			this.postmaster = postmasterOf(path.resolve("pg"));
		}

		void delete() {
			if (!path.getFileName().toString().startsWith(PREFIX) || deleted.getAndSet(true)) {
				return;
			}
			try {
				if (postmaster.isPresent()) {
					try {
						postmaster.get().onExit().get(10, TimeUnit.SECONDS);
					} catch (java.util.concurrent.TimeoutException stillRunning) {
						// Nobody stopped it (a context the framework never closed): stop it as pg_ctl would.
						postmaster.get().destroy();
						postmaster.get().onExit().get(20, TimeUnit.SECONDS);
					}
				}
				Path pid = path.resolve("pg").resolve("postmaster.pid");
				for (int i = 0; i < 300 && Files.exists(pid); i++) {
					Thread.sleep(100);
				}
			} catch (Exception e) {
				// Shutting down: delete what can be deleted.
			}
			RunLeftovers.delete(path, 50);
		}
	}
}
