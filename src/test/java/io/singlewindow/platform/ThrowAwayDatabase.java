package io.singlewindow.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;


/**
 * The tests' database lives in a fresh folder per test JVM (see {@code application-test.properties}); this deletes the
 * folder — some 66 MB of PostgreSQL cluster — when the JVM ends, after the postmaster has exited, so that no run leaves
 * one behind in the temp directory. A JVM shutdown hook rather than the context's own shutdown: the test framework
 * keeps its cached context open until the JVM exits, and zonky stops PostgreSQL from a hook of its own; this hook waits
 * for the postmaster to exit before it deletes anything. It takes the {@link DataSource} only so that it is created
 * after the database has started (and its {@code postmaster.pid} names the process to wait for).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ThrowAwayDatabase {

	@Bean
	DataDirectory throwAwayDataDirectory(DataSource startedDatabase, Environment environment) {
		DataDirectory directory = new DataDirectory(Path.of(environment.getRequiredProperty("singlewindow.data-dir")));
		Runtime.getRuntime().addShutdownHook(new Thread(directory::delete, "test-database-cleanup"));
		return directory;
	}

	/** The folder of one test JVM's database. */
	static final class DataDirectory {

		private final Path path;
		private final Optional<ProcessHandle> postmaster;
		private final AtomicBoolean deleted = new AtomicBoolean();

		DataDirectory(Path path) {
			this.path = path;
			this.postmaster = postmasterOf(path.resolve("pg"));
		}

		void delete() {
			if (!path.getFileName().toString().startsWith("single-window-test-") || deleted.getAndSet(true)) {
				return;
			}
			try {
				// zonky's own hook stops the server; hooks run concurrently, hence the waits.
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
			for (int attempt = 0; attempt < 3 && Files.exists(path); attempt++) {
				deleteTree();
			}
		}

		private void deleteTree() {
			try (Stream<Path> files = Files.walk(path)) {
				for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
					try {
						Files.deleteIfExists(p);
					} catch (IOException e) {
						// A file the stopping server still removes itself, or a folder another pass empties.
					}
				}
			} catch (IOException | java.io.UncheckedIOException e) {
				// A file vanished under the walk: the next pass starts afresh.
			}
		}

		private static Optional<ProcessHandle> postmasterOf(Path pgData) {
			try (Stream<String> lines = Files.lines(pgData.resolve("postmaster.pid"))) {
				return lines.findFirst().map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of);
			} catch (IOException | NumberFormatException e) {
				return Optional.empty();
			}
		}
	}
}
