package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

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
}
