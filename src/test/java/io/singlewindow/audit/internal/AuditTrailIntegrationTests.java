package io.singlewindow.audit.internal;

import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.enterprise.Registrations;
import io.singlewindow.enterprise.Registrations.Registered;
import jakarta.servlet.http.Cookie;

/**
 * Decisions leave exactly one audit row each, in their own transaction; the sealed chain recomputes, and any row
 * changed, deleted or reordered directly in the database is found at exactly that place.
 */
@SingleWindowIntegrationTest
class AuditTrailIntegrationTests {

	static final String ADMIN = "Bearer sw-demo-admin";
	static final String SAMR = "Bearer sw-demo-officer.samr";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditVerification verification;

	@Autowired
	AuditSealing sealing;

	@Autowired
	io.singlewindow.platform.BusinessTime time;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void everyDecisionLeavesOneRowWithWhoForWhomAndTheStateBeforeAndAfter() throws Exception {
		Registered enterprise = Registrations.register(mvc, anApplication());
		licence(enterprise, "suspension", SAMR, "{\"reason\":\"Annual report not filed\"}").andExpect(status().isOk());
		licence(enterprise, "reinstatement", SAMR, "{}").andExpect(status().isOk());

		List<AuditEntry> rows = rowsOf("LICENCE", enterprise.uscc().value());
		assertThat(rows).extracting(AuditEntry::action)
			.containsExactly("LICENCE_ISSUED", "LICENCE_SUSPENDED", "LICENCE_REINSTATED");
		AuditEntry suspended = rows.get(1);
		assertThat(suspended.actorName()).isEqualTo("officer.samr");
		assertThat(suspended.actorRole()).isEqualTo("OFFICER");
		assertThat(suspended.actorAccount()).isNotNull();
		assertThat(suspended.actingForAgency()).isEqualTo("SAMR");
		assertThat(suspended.actingForEnterprise()).isNull();
		assertThat(read(suspended.beforeJson(), "$.status")).isEqualTo("ACTIVE");
		assertThat(read(suspended.afterJson(), "$.status")).isEqualTo("SUSPENDED");
		assertThat(read(suspended.afterJson(), "$.reason")).isEqualTo("Annual report not filed");
		assertThat(read(rows.get(2).beforeJson(), "$.status")).isEqualTo("SUSPENDED");
		assertThat(read(rows.get(2).afterJson(), "$.status")).isEqualTo("ACTIVE");

		// An administrator's change of money: the exchange rate, before and after.
		String month = "2031-07";
		rate(month, "7.1000").andExpect(status().isOk());
		rate(month, "7.2500").andExpect(status().isOk());
		List<AuditEntry> rates = rowsOf("EXCHANGE_RATE", "USD/" + month);
		assertThat(rates).extracting(AuditEntry::action).containsExactly("EXCHANGE_RATE_SET", "EXCHANGE_RATE_SET");
		assertThat(rates.get(1).beforeJson()).isEqualTo("{\"rate\": 7.1}");
		assertThat(rates.get(1).afterJson()).isEqualTo("{\"demo\": false, \"rate\": 7.25}");
		assertThat(rates.get(1).actorName()).isEqualTo("admin");
		assertThat(rates.get(1).actingForEnterprise()).isNull();
		assertThat(rates.get(1).actingForAgency()).isNull();

		// An officer's decision on an agency task: computers without their licence go to the inspection officer.
		String declaration = body(mvc.perform(post("/api/v1/declarations")
			.header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(computersWithoutLicence()))
			.andExpect(status().isCreated()));
		String task = JsonPath.<List<String>>read(declaration, "$.tasks[?(@.agency == 'CIQ')].id").getFirst();
		mvc.perform(post("/api/v1/tasks/{id}/decision", task).header("Authorization", "Bearer sw-demo-officer.ciq")
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"QUERY\",\"reason\":\"Show the invoice\"}"))
			.andExpect(status().isOk());
		List<AuditEntry> decisions = rowsOf("AGENCY_TASK", task);
		assertThat(decisions).extracting(AuditEntry::action).containsExactly("AGENCY_TASK_QUERIED");
		assertThat(decisions.getFirst().actingForAgency()).isEqualTo("CIQ");
		assertThat(read(decisions.getFirst().beforeJson(), "$.status")).isEqualTo("PENDING");
		assertThat(read(decisions.getFirst().afterJson(), "$.status")).isEqualTo("QUERIED");
		assertThat(read(decisions.getFirst().afterJson(), "$.reason")).isEqualTo("Show the invoice");
		assertThat(read(decisions.getFirst().afterJson(), "$.declarant"))
			.isEqualTo(JsonPath.read(declaration, "$.declarant"));

		// The administrators' API lists the same rows, newest first, filtered.
		mvc.perform(get("/api/v1/audit").param("subjectType", "LICENCE").param("subjectId", enterprise.uscc().value())
			.header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(3))
			.andExpect(jsonPath("$.entries[0].action").value("LICENCE_REINSTATED"))
			.andExpect(jsonPath("$.entries[1].after.reason").value("Annual report not filed"))
			.andExpect(jsonPath("$.more").value(false));
		mvc.perform(get("/api/v1/audit").param("size", "1").param("actingFor", "SAMR").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(1))
			.andExpect(jsonPath("$.more").value(true));
	}

	@Test
	void onlyAdministratorsReadTheTrailAndBadPagingIsAFieldError() throws Exception {
		mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verification").header("Authorization", "Bearer sw-demo-officer.samr"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit").param("size", "abc").header("Authorization", ADMIN))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/v1/audit").param("size", "100000").header("Authorization", ADMIN))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TOO_LARGE"));
	}

	@Test
	void theSealedChainRecomputesAndTamperingIsFoundAtExactlyItsRow() throws Exception {
		Registered enterprise = Registrations.register(mvc, anApplication());
		licence(enterprise, "suspension", SAMR, "{\"reason\":\"Inspection refused\"}").andExpect(status().isOk());
		licence(enterprise, "reinstatement", SAMR, "{}").andExpect(status().isOk());
		licence(enterprise, "suspension", SAMR, "{\"reason\":\"Second refusal\"}").andExpect(status().isOk());
		sealer.sealAll();

		mvc.perform(get("/api/v1/audit/verification").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.broken").doesNotExist());
		List<AuditEntry> rows = rowsOf("LICENCE", enterprise.uscc().value());
		AuditEntry suspended = rows.get(1);
		AuditEntry next = sealedAt(suspended.chainPosition() + 1);
		assertThat(suspended.hash()).isNotNull();

		// One row's content changed.
		ChainCheck.Break altered = tampered(sql -> sql.sql("""
				UPDATE audit_entry_sealed SET after_state = jsonb_set(after_state, '{reason}', '"forged"') WHERE id = ?""")
			.param(suspended.id()).update());
		assertThat(altered.entryId()).isEqualTo(suspended.id());
		assertThat(altered.reason()).isEqualTo(ChainCheck.Reason.HASH_MISMATCH);
		assertThat(altered.storedHash()).isEqualTo(suspended.hash());
		assertThat(altered.expectedHash()).isNotEqualTo(suspended.hash()).hasSize(64);

		// One row deleted: the chain breaks at the row after the gap.
		ChainCheck.Break deleted = tampered(sql -> sql.sql("DELETE FROM audit_entry_sealed WHERE id = ?").param(suspended.id())
			.update());
		assertThat(deleted.entryId()).isEqualTo(next.id());
		assertThat(deleted.chainPosition()).isEqualTo(suspended.chainPosition());
		assertThat(deleted.reason()).isEqualTo(ChainCheck.Reason.POSITION_GAP);

		// Two rows' hashes swapped: found at the first of them.
		ChainCheck.Break swapped = tampered(sql -> sql.sql("""
				UPDATE audit_entry_sealed SET hash = CASE id WHEN ? THEN ? ELSE ? END WHERE id IN (?, ?)""")
			.params(suspended.id(), next.hash(), suspended.hash(), suspended.id(), next.id()).update());
		assertThat(swapped.entryId()).isEqualTo(suspended.id());
		assertThat(swapped.expectedHash()).isEqualTo(suspended.hash());
		assertThat(swapped.storedHash()).isEqualTo(next.hash());

		// The tampering above was rolled back: the chain is whole again.
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void aRolledBackDecisionLeavesNoAuditRow() throws Exception {
		Registered enterprise = Registrations.register(mvc, anApplication());
		assertThat(rowsOf("LICENCE", enterprise.uscc().value())).hasSize(1);

		// The request runs on this thread, so its transaction joins this one, which is then rolled back.
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			try {
				licence(enterprise, "suspension", SAMR, "{\"reason\":\"Withdrawn decision\"}").andExpect(status().isOk());
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			assertThat(rowsOf("LICENCE", enterprise.uscc().value())).hasSize(2);
			tx.setRollbackOnly();
		});

		assertThat(rowsOf("LICENCE", enterprise.uscc().value())).extracting(AuditEntry::action)
			.containsExactly("LICENCE_ISSUED");
		assertThat(jdbc.sql("SELECT status FROM enterprise WHERE uscc = ?").param(enterprise.uscc().value())
			.query(String.class).single()).isEqualTo("ACTIVE");
	}

	@Test
	void decisionsDoNotWaitForEachOtherAndARowCommittedLateIsChainedAfterThoseSealedMeanwhile() throws Exception {
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		String slow = "SLOW-" + UUID.randomUUID();
		String quick = "QUICK-" + UUID.randomUUID();
		try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
			// A decision that has written its row but not yet committed (it holds the smaller id).
			Future<?> first = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				auditTrail.record(AuditRecord.of("LICENCE_SUSPENDED", "LICENCE", slow).bySystem("test"));
				recorded.countDown();
				await(release);
			}));
			assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();

			// Another decision records and commits meanwhile: nothing makes it wait for the first.
			long started = System.nanoTime();
			new TransactionTemplate(transactions).executeWithoutResult(tx -> auditTrail
				.record(AuditRecord.of("LICENCE_SUSPENDED", "LICENCE", quick).bySystem("test")));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			sealer.sealAll();
			assertThat(rowsOf("LICENCE", quick).getFirst().chainPosition()).isNotNull();

			release.countDown();
			first.get(30, TimeUnit.SECONDS);
		}
		sealer.sealAll();
		AuditEntry late = rowsOf("LICENCE", slow).getFirst();
		AuditEntry early = rowsOf("LICENCE", quick).getFirst();
		assertThat(late.id()).isLessThan(early.id());
		assertThat(late.chainPosition()).isGreaterThan(early.chainPosition());
		assertThat(verification.verify().intact()).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A declaration's automatic decisions are appended in one statement: each its own row, in order, each chained. */
	@Test
	void severalDecisionsAppendedAtOnceAreRowsOfTheirOwnInTheirOrder() {
		String subject = "MANY-" + UUID.randomUUID();
		List<AuditRecord> records = java.util.stream.IntStream.rangeClosed(1, 3)
			.mapToObj(i -> AuditRecord.of("AGENCY_TASK_AUTO_APPROVED", "AGENCY_TASK", subject)
				.bySystem("decision-policy").actingFor(new io.singlewindow.core.AgencyCode("CUSTOMS"))
				.change(null, AuditRecord.state("line", i, "value", new java.math.BigDecimal("12.50"))))
			.toList();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> auditTrail.recordAll(records));
		sealer.sealAll();

		List<AuditEntry> rows = rowsOf("AGENCY_TASK", subject);
		assertThat(rows).extracting(AuditEntry::afterJson)
			.containsExactly("{\"line\": 1, \"value\": 12.5}", "{\"line\": 2, \"value\": 12.5}",
					"{\"line\": 3, \"value\": 12.5}");
		assertThat(rows).extracting(AuditEntry::actingForAgency).containsOnly("CUSTOMS");
		assertThat(rows).extracting(AuditEntry::actorName).containsOnly("system:decision-policy");
		assertThat(rows).allSatisfy(row -> assertThat(row.chainPosition()).isNotNull());
		assertThat(verification.verify().intact()).isTrue();
	}

	/**
	 * A row waits in the narrow table of unsealed rows and is written once, chained, into the sealed one: the trail
	 * (the view the auditor's script reads) shows it exactly once before and after, with the same content.
	 */
	@Test
	void aSealMovesTheRowOnceAndTheTrailShowsItOnceBeforeAndAfter() {
		String subject = "MOVED-" + UUID.randomUUID();
		TransactionTemplate own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// The test holds the chain's head, as a sealer does, while it looks at the row waiting: the scheduled sealer
		// (every second) would otherwise move it between the write and the look, and the "before" would be an "after".
		AuditEntry waiting = own.execute(holdingTheHead -> {
			jdbc.sql("SELECT chain_position FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
			own.executeWithoutResult(tx -> auditTrail.record(AuditRecord
				.of("LICENCE_SUSPENDED", "LICENCE", subject).bySystem("test")
				.change(AuditRecord.state("status", "ACTIVE"), AuditRecord.state("status", "SUSPENDED", "fee", new java.math.BigDecimal("1.50")))));
			AuditEntry written = rowsOf("LICENCE", subject).getFirst();
			assertThat(written.chainPosition()).isNull();
			assertThat(rowsIn("audit_entry_unsealed", written.id())).isOne();
			assertThat(rowsIn("audit_entry_sealed", written.id())).isZero();
			return written;
		});

		sealer.sealAll();

		List<AuditEntry> trail = rowsOf("LICENCE", subject);
		assertThat(trail).hasSize(1);
		AuditEntry sealed = trail.getFirst();
		assertThat(sealed.chainPosition()).isNotNull();
		assertThat(sealed.hash()).isEqualTo(AuditChain.hash(sealed.previousHash(), waiting, sealed.chainPosition()));
		assertThat(sealed).usingRecursiveComparison().ignoringFields("chainPosition", "previousHash", "hash")
			.isEqualTo(waiting);
		assertThat(rowsIn("audit_entry_unsealed", waiting.id())).isZero();
		assertThat(rowsIn("audit_entry_sealed", waiting.id())).isOne();
		assertThat(jdbc.sql("SELECT sealed_at IS NOT NULL FROM audit_entry WHERE id = ?").param(waiting.id())
			.query(Boolean.class).single()).isTrue();
		assertThat(verification.verify().intact()).isTrue();
	}

	/**
	 * The sealer moves rows from one table to the other; a reader of the trail meanwhile sees every row exactly once,
	 * never twice (copied, not yet deleted) and never missing (deleted, not yet copied): the move is one transaction.
	 */
	@Test
	void readersOfTheTrailSeeEveryRowOnceWhileTheSealerMovesThem() throws Exception {
		String subject = "READ-WHILE-SEALING-" + UUID.randomUUID();
		int rows = AuditSealer.BATCH * 2 + 300;
		java.time.OffsetDateTime started = jdbc.sql("SELECT now()").query(java.time.OffsetDateTime.class).single();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> auditTrail.recordAll(
				java.util.stream.IntStream.rangeClosed(1, rows)
					.mapToObj(i -> AuditRecord.of("AGENCY_TASK_AUTO_APPROVED", "AGENCY_TASK", subject).bySystem("test")
						.change(null, AuditRecord.state("line", i)))
					.toList()));
		java.util.concurrent.atomic.AtomicBoolean sealing = new java.util.concurrent.atomic.AtomicBoolean(true);
		try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
			Future<List<Long>> seen = pool.submit(() -> {
				List<Long> counts = new java.util.ArrayList<>();
				while (sealing.get() || counts.isEmpty()) {
					counts.add(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ?").param(subject)
						.query(Long.class).single());
				}
				return counts;
			});
			try {
				// The scheduled sealer may take some of the rounds: either way, rows move while the reader counts.
				sealer.sealAll();
			} finally {
				sealing.set(false);
			}
			List<Long> counts = seen.get(60, TimeUnit.SECONDS);
			assertThat(counts.stream().filter(count -> count != rows).toList())
				.as("reads of the trail that did not see %d rows, of %d reads", rows, counts.size()).isEmpty();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry_sealed WHERE subject_id = ?").param(subject)
			.query(Long.class).single()).isEqualTo(rows);
		// More than two rounds' worth of rows left the table of waiting rows: the sealer vacuumed it (a table rows only
		// pass through, see StagingTable), whichever of its threads moved them.
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!vacuumedSince(started) && System.nanoTime() - deadline < 0) {
			Thread.sleep(200);
		}
		assertThat(vacuumedSince(started)).as("audit_entry_unsealed vacuumed since %s", started).isTrue();
	}

	private boolean vacuumedSince(java.time.OffsetDateTime started) {
		return jdbc.sql("""
				SELECT coalesce(greatest(last_vacuum, last_autovacuum) > ?, false) FROM pg_stat_user_tables
				WHERE relname = 'audit_entry_unsealed'""").param(started).query(Boolean.class).single();
	}

	/**
	 * A row that waits too long for its seal (no sealer gets through) is told to the administrators on their home page,
	 * in the health details and to monitoring. The row is written in a transaction the test rolls back: no sealer ever
	 * sees it, and every read below (same thread) does.
	 */
	@Test
	void rowsWaitingTooLongForTheirSealAreToldToAdministratorsAndMonitoring() throws Exception {
		Cookie admin = mvc.perform(formLogin("/login").user("admin").password("demo12345"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			jdbc.sql("""
					INSERT INTO audit_entry_unsealed (occurred_at, actor_name, actor_role, action, subject_type, subject_id)
					VALUES (?, 'test', 'ADMIN', 'EXCHANGE_RATE_SET', 'EXCHANGE_RATE', 'USD/2031-08')""")
				.param(java.sql.Timestamp.from(time.now().minus(Duration.ofHours(1)))).update();
			try {
				assertThat(sealing.backlog().oldest()).isGreaterThanOrEqualTo(Duration.ofHours(1));
				mvc.perform(get("/").cookie(admin).header("Accept-Language", "en"))
					.andExpect(content().string(org.hamcrest.Matchers.containsString("the oldest for 60 minutes")));
				mvc.perform(get("/actuator/health").cookie(admin))
					.andExpect(jsonPath("$.components.auditTrail.status").value("UP"))
					.andExpect(jsonPath("$.components.auditTrail.details.warning").exists());
				String metrics = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
				assertThat(metrics).contains("singlewindow_audit_unsealed_rows ")
					.containsPattern("singlewindow_audit_unsealed_oldest_seconds 36\\d\\d");
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			tx.setRollbackOnly();
		});
		assertThat(sealing.notices()).isEmpty();
	}

	private long rowsIn(String table, long id) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single();
	}

	/** After a pause the backlog is longer than one round: every row is chained, in the order the rows were taken. */
	@Test
	void aBacklogLongerThanOneRoundIsSealedInRoundsAndTheChainHolds() {
		String subject = "BACKLOG-" + UUID.randomUUID();
		int backlog = AuditSealer.BATCH + 500;
		List<AuditRecord> records = java.util.stream.IntStream.rangeClosed(1, backlog)
			.mapToObj(i -> AuditRecord.of("AGENCY_TASK_AUTO_APPROVED", "AGENCY_TASK", subject).bySystem("test")
				.change(null, AuditRecord.state("line", i)))
			.toList();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> auditTrail.recordAll(records));

		sealer.sealAll();

		List<AuditEntry> rows = rowsOf("AGENCY_TASK", subject);
		assertThat(rows).hasSize(backlog).allSatisfy(row -> assertThat(row.hash()).hasSize(64));
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).chainPosition()).as("position of row %d", i)
				.isGreaterThan(rows.get(i - 1).chainPosition());
		}
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void aRowCannotBeWrittenOutsideTheDecisionsTransaction() {
		assertThatThrownBy(() -> auditTrail.record(AuditRecord.of("LICENCE_SUSPENDED", "LICENCE", "x")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void anAdministratorVerifiesTheChainOnThePageInBothLanguages() throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user("admin").password("demo12345"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
		sealer.sealAll();

		mvc.perform(get("/admin/audit").param("verify", "true").cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"audit-intact\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Chain intact")));
		mvc.perform(get("/admin/audit").param("action", "LICENCE_ISSUED").cookie(session)
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("审计日志")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("LICENCE_ISSUED")));
	}

	/** Tampers inside a transaction that is rolled back afterwards, and verifies what the tampering left. */
	private ChainCheck.Break tampered(Function<JdbcClient, Integer> tampering) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		return tx.execute(status -> {
			assertThat(tampering.apply(jdbc)).isPositive();
			AuditVerification.Result result = verification.verify();
			status.setRollbackOnly();
			assertThat(result.intact()).isFalse();
			return result.broken();
		});
	}

	private List<AuditEntry> rowsOf(String subjectType, String subjectId) {
		return jdbc.sql("SELECT " + AuditEntries.COLUMNS
				+ " FROM audit_entry WHERE subject_type = ? AND subject_id = ? ORDER BY id")
			.params(subjectType, subjectId)
			.query(AuditEntries::map)
			.list();
	}

	private AuditEntry sealedAt(long position) {
		return jdbc.sql("SELECT " + AuditEntries.COLUMNS + " FROM audit_entry WHERE chain_position = ?")
			.param(position)
			.query(AuditEntries::map)
			.single();
	}

	private ResultActions licence(Registered e, String action, String authorization, String body) throws Exception {
		return mvc.perform(post("/api/v1/enterprises/{uscc}/" + action, e.uscc()).header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions rate(String month, String rate) throws Exception {
		return mvc.perform(put("/api/v1/exchange-rates/USD/{month}", month).header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"rate\":" + rate + "}"));
	}

	private static String computersWithoutLicence() {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":1,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8471300000","description":"portable computers","quantity":1,"unit":"C62",
				           "value":800,"origin":"US"}]}""";
	}

	private static Object read(String json, String path) {
		return JsonPath.read(json, path);
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
