package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * How many declarations per second the JDBC risk assessor decides, with 8 threads on the embedded PostgreSQL. A
 * measurement, not a check, so it lives outside the test suite: {@code bench/risk/run.sh} compiles it into the test
 * classes (Maven profile {@code bench}) and runs it alone; see docs/risk.md for figures. The tests' database is not
 * durable (fsync off, for speed); a benchmark's is, as in production.
 */
@SingleWindowIntegrationTest
@TestPropertySource(properties = "singlewindow.embedded-database.durable=true")
class RiskThroughputBench {

	@Autowired
	RiskAssessor assessor;

	@Test
	void measuresAssessmentsPerSecond() throws Exception {
		for (int warm = 0; warm < 300; warm++) {
			assessor.assess(aRiskRequest().withLine(aLine().hs("3303000000").valueCny("9000"))
				.withLine(aLine().hs("8542319000")).build());
		}
		int n = 4000;
		int threads = 8;
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					for (int i = 0; i < n / threads; i++) {
						assessor.assess(aRiskRequest().withLine(aLine().hs(RiskFixtures.anUnusedHsCode()).valueCny("9000"))
							.withLine(aLine().hs(RiskFixtures.anUnusedHsCode())).build());
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("event=risk_benchmark assessments=%d threads=%d seconds=%.2f perSecond=%.0f%n", n, threads, seconds, n / seconds);
	}
}
