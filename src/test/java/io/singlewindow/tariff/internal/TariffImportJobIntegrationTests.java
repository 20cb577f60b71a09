package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TestClock;

/** The import job across nodes: claimed once, and failed when its node stopped beating. */
@SingleWindowIntegrationTest
class TariffImportJobIntegrationTests {

	@Autowired
	TariffImports imports;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BusinessTime time;
	@Autowired
	TestClock clock;
	@Autowired
	TariffImportProperties settings;
	@Autowired
	DataSource dataSource;

	UUID queued(String content, OffsetDateTime createdAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO tariff_import (id, file_name, content, status, created_by, created_at) VALUES (?, 'x.csv', ?, 'QUEUED', 'test', ?)")
				.params(id, content, createdAt).update();
		return id;
	}

	@Test
	void twoNodesRunningTheSameJobImportItOnce() throws Exception {
		String code = "090220" + String.format("%04d", (int) (Math.random() * 10000));
		UUID id = queued(TariffImports.HEADER + "\n" + code + ",茶,Tea,15,9,,,,,,KGM,\n",
				OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC));
		CountDownLatch start = new CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger claimed = new java.util.concurrent.atomic.AtomicInteger();
		List<Thread> nodes = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			nodes.add(Thread.ofVirtual().start(() -> {
				try {
					start.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				if (imports.run(id)) {
					claimed.incrementAndGet();
				}
			}));
		}
		start.countDown();
		for (Thread t : nodes) {
			t.join();
		}
		assertThat(claimed).hasValue(1);
		var status = imports.status(id).orElseThrow();
		assertThat(status.status()).isEqualTo("COMPLETED");
		assertThat(status.importedRows()).isEqualTo(1);
		assertThat(status.errors()).isEmpty();
	}

	@Test
	void aJobWhoseNodeDiedIsReportedAsInterrupted() {
		UUID id = queued("whatever", OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC).minusHours(1));
		var status = imports.status(id).orElseThrow();
		assertThat(status.status()).isEqualTo("FAILED");
		assertThat(status.errors()).extracting(TariffImports.RowError::code).containsExactly("IMPORT_INTERRUPTED");
		assertThat(imports.run(id)).isFalse(); // a late node finds nothing to run
		assertThat(imports.status(id).orElseThrow().errors()).hasSize(1);
	}

	UUID runningSince(String content, Instant lastHeartbeat) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO tariff_import (id, file_name, content, status, created_by, created_at, heartbeat_at)
				VALUES (?, 'x.csv', ?, 'RUNNING', 'test', ?, ?)""")
			.params(id, content, OffsetDateTime.ofInstant(lastHeartbeat, ZoneOffset.UTC).minusSeconds(5),
					OffsetDateTime.ofInstant(lastHeartbeat, ZoneOffset.UTC))
			.update();
		return id;
	}

	@Test
	void aRunningJobSilentForLongerThanTheStaleTimeIsInterruptedAndTheFileCanBeImportedAgain() throws Exception {
		String code = "090230" + String.format("%04d", (int) (Math.random() * 10000));
		String file = TariffImports.HEADER + "\n" + code + ",茶,Tea,15,9,,,,,,KGM,\n";
		Duration staleAfter = settings.staleAfter();
		Instant now = time.now().truncatedTo(ChronoUnit.SECONDS); // PostgreSQL keeps microseconds
		clock.pin(now);
		UUID stillBeating = runningSince(file, now.minus(staleAfter).plusSeconds(1));
		try {
			UUID nodeDied = runningSince(file, now.minus(staleAfter).minusSeconds(1));

			assertThat(imports.status(stillBeating).orElseThrow().status()).isEqualTo("RUNNING");
			var interrupted = imports.status(nodeDied).orElseThrow();
			assertThat(interrupted.status()).isEqualTo("FAILED");
			assertThat(interrupted.errors()).extracting(TariffImports.RowError::code).containsExactly("IMPORT_INTERRUPTED");
			assertThat(interrupted.finishedAt()).isEqualTo(now);

			UUID again = imports.start("x.csv", file, "admin");
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (!imports.status(again).orElseThrow().finished() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			var status = imports.status(again).orElseThrow();
			assertThat(status.status()).isEqualTo("COMPLETED");
			assertThat(status.importedRows()).isEqualTo(1);
		} finally {
			clock.release();
			// It has no node: it would otherwise stay RUNNING in the shared database.
			jdbc.sql("DELETE FROM tariff_import WHERE id = ?").param(stillBeating).update();
		}
	}

	@Test
	void aLiveJobWhoseFinalWriteOutlastsTheStaleTimeKeepsBeatingWhileAJobWhoseNodeDiedIsInterrupted() throws Exception {
		String code = "090240" + String.format("%04d", (int) (Math.random() * 10000));
		String file = TariffImports.HEADER + "\n" + code + ",茶,Tea,15,9,,,,,,KGM,\n";
		Instant later = time.now().truncatedTo(ChronoUnit.SECONDS).plus(settings.staleAfter()).plusSeconds(60);
		UUID live = null;
		UUID nodeDied = null;
		try (Connection anotherWriter = dataSource.getConnection()) {
			// Another writer holds the very line the import writes last: the import's final write waits for it, as a
			// large schedule's write waits for the disk on a loaded machine.
			anotherWriter.setAutoCommit(false);
			try (PreparedStatement line = anotherWriter.prepareStatement("""
					INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, vat_rate, demo)
					VALUES (?, '茶', 'Tea', 0.1, 0.09, FALSE)""")) {
				line.setString(1, code);
				line.executeUpdate();
			}
			live = imports.start("slow.csv", file, "admin");
			awaitFinalWriteWaiting(Duration.ofSeconds(20));

			// The final write now lasts longer than the stale limit, as far as any node's clock can tell.
			clock.pin(later);
			nodeDied = runningSince(file, later.minus(settings.staleAfter()).minusSeconds(1));
			awaitHeartbeat(live, later, Duration.ofSeconds(10));

			assertThat(imports.status(live).orElseThrow().status()).isEqualTo("RUNNING");
			var interrupted = imports.status(nodeDied).orElseThrow();
			assertThat(interrupted.status()).isEqualTo("FAILED");
			assertThat(interrupted.errors()).extracting(TariffImports.RowError::code).containsExactly("IMPORT_INTERRUPTED");

			anotherWriter.rollback();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (!imports.status(live).orElseThrow().finished() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			var completed = imports.status(live).orElseThrow();
			assertThat(completed.status()).isEqualTo("COMPLETED");
			assertThat(completed.errors()).isEmpty();
			assertThat(completed.importedRows()).isEqualTo(1);
		} finally {
			clock.release();
			if (live != null && !imports.status(live).orElseThrow().finished()) {
				jdbc.sql("DELETE FROM tariff_import WHERE id = ?").param(live).update();
			}
		}
	}

	/** Until some connection waits for a row lock in the import's final write. */
	private void awaitFinalWriteWaiting(Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			int waiting = jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO tariff_line%'""").query(Integer.class).single();
			if (waiting > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the import's final write never waited for the line held by another writer");
	}

	/** Until the job has beaten at (or after) {@code at}; returns quietly when it never does, for the assertions to say. */
	private void awaitHeartbeat(UUID id, Instant at, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			OffsetDateTime beat = jdbc.sql("SELECT heartbeat_at FROM tariff_import WHERE id = ?").param(id)
					.query(OffsetDateTime.class).single();
			if (!beat.toInstant().isBefore(at)) {
				return;
			}
			Thread.sleep(100);
		}
	}
}
