package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * The node's listener for declaration changes holds one pooled connection while the node runs; a stopping node gives
 * it back to the pool as it found it, instead of closing its socket under the pool (reported as a broken connection,
 * with a stack trace, at every shutdown) or returning it still listening.
 */
@SingleWindowIntegrationTest
class DeclarationChangesIntegrationTests {

	@Autowired
	DataSource dataSource;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aStoppingNodeGivesItsListenersConnectionBackNoLongerListening() throws java.sql.SQLException {
		// A pool of its own: in the application's pool a background job (a fold, the audit sealer, webhooks) could
		// borrow the connection as soon as it is given back, and its last query would no longer be the UNLISTEN (the
		// test failed so once in a fresh-clone run, 2026-12-04). Two connections: the listener's and the wake-up's.
		HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
		HikariConfig own = new HikariConfig();
		own.setJdbcUrl(shared.getJdbcUrl());
		own.setUsername(shared.getUsername());
		own.setPassword(shared.getPassword());
		own.setMaximumPoolSize(2);
		// Its connections named, so that the listener found is this one: another node's listener (a test context
		// starting in the same fork, or in the other fork on the same server) is new as well, never stops listening,
		// and picking it failed the test twice in fresh-clone runs (2026-12-05).
		String name = "changes-test-" + java.util.UUID.randomUUID();
		own.addDataSourceProperty("ApplicationName", name);
		try (HikariDataSource pool = new HikariDataSource(own)) {
			DeclarationChanges changes = new DeclarationChanges(pool);
			changes.start();
			int backend = within(Duration.ofSeconds(10), () -> listeners(name).stream().findFirst());

			changes.stop();

			assertThat(changes.isRunning()).isFalse();
			// The backend lives on behind the pooled connection, and the last thing it did was to stop listening.
			assertThat(within(Duration.ofSeconds(15), () -> jdbc
				.sql("SELECT query FROM pg_stat_activity WHERE pid = ? AND state = 'idle' AND query LIKE 'UNLISTEN%'")
				.param(backend).query(String.class).optional())).isEqualTo("UNLISTEN " + DeclarationChanges.CHANNEL);
		}
	}

	private static <T> T within(Duration limit, java.util.function.Supplier<java.util.Optional<T>> probe) {
		long until = System.nanoTime() + limit.toNanos();
		java.util.Optional<T> found = probe.get();
		while (found.isEmpty() && System.nanoTime() < until) {
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			found = probe.get();
		}
		return found.orElseThrow(() -> new AssertionError("not within " + limit));
	}

	private List<Integer> listeners(String applicationName) {
		return jdbc.sql("SELECT pid FROM pg_stat_activity WHERE query = ? AND application_name = ?")
			.params("LISTEN " + DeclarationChanges.CHANNEL, applicationName).query(Integer.class).list();
	}
}
