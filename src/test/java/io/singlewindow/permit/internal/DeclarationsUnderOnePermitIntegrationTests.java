package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;

/**
 * Declarations submitted through the REST API that compete for one permit's quota: however they interleave, the
 * permit is never overdrawn, every write-off belongs to a declaration that exists, and a submission whose permit
 * changed between its check and its write-off leaves nothing behind.
 */
@SingleWindowIntegrationTest
class DeclarationsUnderOnePermitIntegrationTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	@Autowired
	MockMvc mvc;

	@Autowired
	IssuedPermits permits;

	@Autowired
	PermitCatalogue catalogue;

	@Autowired
	BusinessTime time;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private IssuedPermit licence;

	/** A licence of the chip maker's own for this test; revoked afterwards so other tests keep using the demo one. */
	IssuedPermit anAutomaticImportLicenceOfTheChipMaker(String quantity) {
		licence = permits.issue(new IssuedPermits.Grant(catalogue.get("AIL"), CHIP, null, "race test laptops",
				List.of("8471300000"), new BigDecimal(quantity), null, time.today(), "test"));
		return licence;
	}

	@AfterEach
	void revokeTheTestLicence() {
		if (licence != null) {
			jdbc.sql("UPDATE permit SET status = 'REVOKED' WHERE id = ?").param(licence.id()).update();
		}
	}

	@Test
	void declarationsRacingForTheLastUnitsNeverOverdrawThePermit() throws Exception {
		IssuedPermit permit = anAutomaticImportLicenceOfTheChipMaker("3");
		int declarations = 8;

		List<MockHttpServletResponse> responses = race(declarations,
				() -> submit(laptops(permit.number(), "1"), UUID.randomUUID().toString()));

		List<String> created = new ArrayList<>();
		for (MockHttpServletResponse response : responses) {
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(response.getStatus()).as(body).isIn(201, 409);
			if (response.getStatus() == 409) {
				assertThat(JsonPath.<String>read(body, "$.code")).isEqualTo("PERMIT_CHANGED_DURING_SUBMISSION");
			} else {
				created.add(JsonPath.read(body, "$.id"));
			}
		}
		// Eight declarations of one unit against three: the quota is used up exactly, each unit by one declaration
		// whose licensing task was approved by rule; the rest wait for the officer or were refused whole.
		assertThat(permits.get(permit.number()).remainingQuantity()).isEqualByComparingTo("0");
		List<UUID> writtenOff = jdbc.sql("""
				SELECT declaration_id FROM permit_write_off WHERE permit_number = ? AND restored_at IS NULL""")
			.param(permit.number()).query(UUID.class).list();
		assertThat(writtenOff).hasSize(3).doesNotHaveDuplicates();
		assertThat(writtenOff).allSatisfy(id -> assertThat(created).contains(id.toString()));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM agency_task t JOIN declaration_item i ON i.declaration_id = t.declaration_id
				WHERE i.permit_number = ? AND t.agency = 'COMMERCE' AND t.status = 'AUTO_APPROVED'""")
			.param(permit.number()).query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM declaration_item WHERE permit_number = ?").param(permit.number())
			.query(Long.class).single()).isEqualTo(created.size());
	}

	@Test
	void aPermitSuspendedWhileASubmissionWaitsForItRefusesTheWholeSubmission() throws Exception {
		IssuedPermit permit = anAutomaticImportLicenceOfTheChipMaker("10");
		String key = "suspended-meanwhile-" + UUID.randomUUID();
		CountDownLatch locked = new CountDownLatch(1);

		try (ExecutorService officer = Executors.newSingleThreadExecutor()) {
			// The officer's transaction holds the permit while the submission checks it (still in force), then suspends
			// it once the submission waits for the permit's lock to write its quota off.
			Future<?> suspension = officer.submit(() -> transactions.executeWithoutResult(tx -> {
				jdbc.sql("SELECT id FROM permit WHERE id = ? FOR UPDATE").param(permit.id()).query(UUID.class).single();
				locked.countDown();
				awaitASubmissionWaitingForThePermit();
				jdbc.sql("UPDATE permit SET status = 'SUSPENDED' WHERE id = ?").param(permit.id()).update();
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			MockHttpServletResponse refused = submit(laptops(permit.number(), "2"), key);
			suspension.get(30, TimeUnit.SECONDS);

			String body = refused.getContentAsString(StandardCharsets.UTF_8);
			assertThat(refused.getStatus()).as(body).isEqualTo(409);
			assertThat(JsonPath.<String>read(body, "$.code")).isEqualTo("PERMIT_CHANGED_DURING_SUBMISSION");
		}
		// Nothing of the submission is kept: no declaration, no item, no write-off; the quota is untouched.
		assertThat(jdbc.sql("SELECT count(*) FROM declaration WHERE client_reference = ?").param(key)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM declaration_item WHERE permit_number = ?").param(permit.number())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM permit_write_off WHERE permit_number = ?").param(permit.number())
			.query(Long.class).single()).isZero();
		assertThat(permits.get(permit.number()).remainingQuantity()).isEqualByComparingTo("10");
	}

	private void awaitASubmissionWaitingForThePermit() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			// Inside a transaction PostgreSQL answers pg_stat_activity from a snapshot: drop it before every look.
			jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
			long waiting = jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()
					  AND (query LIKE '%FROM permit%FOR UPDATE%' OR query LIKE '%UPDATE permit SET remaining%')""")
				.query(Long.class).single();
			if (waiting > 0) {
				return;
			}
			assertThat(System.nanoTime()).as("a submission waits for the permit within 20 s").isLessThan(deadline);
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private MockHttpServletResponse submit(String json, String key) throws Exception {
		return mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
	}

	private static String laptops(String permit, String quantity) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":1,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8471300000","description":"portable computers","quantity":%s,"unit":"C62",
				           "value":%s,"origin":"US","permitNumber":"%s"}]}"""
			.formatted(quantity, new BigDecimal(quantity).multiply(new BigDecimal("800")), permit);
	}

	private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> action) throws Exception {
		var start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return action.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
	}
}
