package io.singlewindow.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;

/** Codes drawn from the database sequence by several threads at once are all valid and all different. */
@SingleWindowIntegrationTest
class UsccIssuerIntegrationTests {

	@Autowired
	UsccIssuer issuer;

	@Test
	void thousandsOfCodesIssuedConcurrentlyAreValidAndUnique() throws Exception {
		Set<Uscc> issued = ConcurrentHashMap.newKeySet();
		int threads = 4;
		int perThread = 750;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int t = 0; t < threads; t++) {
				EntityType type = EntityType.values()[t % EntityType.values().length];
				futures.add(pool.submit(() -> {
					for (int i = 0; i < perThread; i++) {
						Uscc uscc = issuer.issue(type);
						assertThat(uscc.hasValidCheckCharacter()).as(uscc.value()).isTrue();
						assertThat(uscc.value()).startsWith("9" + type.usccType() + "350200MA");
						assertThat(issued.add(uscc)).as("issued twice: %s", uscc).isTrue();
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		} finally {
			pool.shutdownNow();
		}
		assertThat(issued).hasSize(threads * perThread);
	}
}
