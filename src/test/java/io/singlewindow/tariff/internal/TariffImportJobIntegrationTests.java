package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
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

/** The import job across nodes: claimed once, and failed when its node stopped beating. */
@SingleWindowIntegrationTest
class TariffImportJobIntegrationTests {

	@Autowired
	TariffImports imports;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BusinessTime time;

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
}
