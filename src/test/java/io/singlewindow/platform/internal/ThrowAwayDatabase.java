package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The tests' database lives in a fresh folder per test JVM (see {@code application-test.properties}); this deletes the
 * folder — some 66 MB of PostgreSQL cluster — once the database has stopped, so that no run leaves one behind in the
 * temp directory. It does so when the context closes and, should the JVM end without closing it, from a shutdown hook
 * that stops the database first (both idempotent).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ThrowAwayDatabase {

	@Bean
	DataDirectory throwAwayDataDirectory(EmbeddedDatabase database, Environment environment) {
		DataDirectory directory = new DataDirectory(Path.of(environment.getRequiredProperty("singlewindow.data-dir")),
				database);
		Runtime.getRuntime().addShutdownHook(new Thread(directory::delete, "test-database-cleanup"));
		return directory;
	}

	/** The folder of one test JVM's database. */
	static final class DataDirectory implements DisposableBean {

		private final Path path;
		private final EmbeddedDatabase database;
		private final AtomicBoolean deleted = new AtomicBoolean();

		DataDirectory(Path path, EmbeddedDatabase database) {
			this.path = path.toAbsolutePath().normalize();
			this.database = database;
		}

		@Override
		public void destroy() {
			delete();
		}

		void delete() {
			if (!path.getFileName().toString().startsWith("single-window-test-") || deleted.getAndSet(true)) {
				return;
			}
			try {
				database.close();
				// close() returns at once when the context's own shutdown got there first: wait for the server.
				Path pid = database.pgData().resolve("postmaster.pid");
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
						// A file the stopping server removes itself, or a folder the next pass empties.
					}
				}
			} catch (IOException | java.io.UncheckedIOException e) {
				// A file vanished under the walk: the next pass starts afresh.
			}
		}
	}
}
