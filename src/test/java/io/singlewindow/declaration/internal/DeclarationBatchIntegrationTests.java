package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.DeclarationWorkbookIntegrationTests.GOODS;
import static io.singlewindow.declaration.internal.DeclarationWorkbookIntegrationTests.HEADER;
import static io.singlewindow.declaration.internal.DeclarationWorkbookIntegrationTests.goods;
import static io.singlewindow.declaration.internal.DeclarationWorkbookIntegrationTests.processorsHeader;
import static io.singlewindow.declaration.internal.DeclarationWorkbookIntegrationTests.row;
import static io.singlewindow.declaration.internal.Workbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.platform.BusinessTime;

/**
 * A workbook of many declarations through the API: accepted as a batch at once (202), submitted declaration by
 * declaration by the batch job, its progress and each declaration's outcome read from the batch's address, and a
 * batch left half-done by a node that stopped finished by another without any declaration stored twice.
 */
@SingleWindowIntegrationTest
class DeclarationBatchIntegrationTests {

	static final String TRADER = "Bearer sw-demo-trader.chip";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchSubmissions batches;

	@Autowired
	BatchJob job;

	@Autowired
	DeclarationWorkbooks workbooks;

	@Autowired
	Declarations declarations;

	@Autowired
	KeyedActors actors;

	@Autowired
	BusinessTime time;

	@Autowired
	MeterRegistry meters;

	@Autowired
	io.singlewindow.tariff.ExchangeRates rates;

	@Autowired
	PermitLedger permits;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aWorkbookOfManyDeclarationsIsAcceptedAsABatchAndEachGetsItsOutcome() throws Exception {
		String run = UUID.randomUUID().toString();
		byte[] seven = sevenDeclarations(run, "D");
		long before = declarationCount();

		ResultActions accepted = send(seven, "many-" + run).andExpect(status().isAccepted())
			.andExpect(header().string("Retry-After", "2"));
		String location = accepted.andReturn().getResponse().getHeader("Location");
		assertThat(location).startsWith("/api/v1/declarations/workbooks/");
		assertThat(JsonPath.<Integer>read(body(accepted), "$.total")).isEqualTo(7);

		String done = pollUntilFinished(location);

		assertThat(JsonPath.<Integer>read(done, "$.submitted")).isEqualTo(6);
		assertThat(JsonPath.<Integer>read(done, "$.refused")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(done, "$.pending")).isZero();
		assertThat(JsonPath.<List<String>>read(done, "$.declarations[*].reference"))
			.containsExactly("A", "B", "C", "D", "E", "F", "G");
		assertThat(JsonPath.<List<String>>read(done, "$.declarations[*].state")).containsExactly("SUBMITTED",
				"SUBMITTED", "SUBMITTED", "REFUSED", "SUBMITTED", "SUBMITTED", "SUBMITTED");
		// The refused one names its cell, in the trader's language, with the API's stable code.
		assertThat(JsonPath.<String>read(done, "$.declarations[3].code")).isEqualTo("INVALID_INPUT");
		assertThat(JsonPath.<List<String>>read(done, "$.declarations[3].errors[*].field"))
			.containsExactly("Declarations!J5");
		assertThat(JsonPath.<List<String>>read(done, "$.declarations[3].errors[*].code"))
			.containsExactly("CURRENCY_UNKNOWN");
		assertThat(JsonPath.<List<String>>read(done, "$.declarations[3].errors[*].message").getFirst())
			.contains("XYZ");
		assertThat(JsonPath.<List<String>>read(done, "$.declarations[?(@.state == 'SUBMITTED')].number"))
			.hasSize(6).allMatch(n -> n.startsWith("XM"));
		assertThat(declarationCount()).isEqualTo(before + 6);
		// A chunk's lines and timelines are held back while its declarations run and written for all at its end.
		List<String> numbers = JsonPath.read(done, "$.declarations[?(@.state == 'SUBMITTED')].number");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM declaration d WHERE d.number IN (:numbers)
				   AND EXISTS (SELECT 1 FROM declaration_item i WHERE i.declaration_id = d.id)
				   AND EXISTS (SELECT 1 FROM declaration_event e WHERE e.declaration_id = d.id)""")
			.param("numbers", numbers).query(Long.class).single()).isEqualTo(6);
		mvc.perform(get(location).header("Authorization", TRADER))
			.andExpect(header().doesNotExist("Retry-After"));

		// The same workbook again under the same key: the batch accepted before, nothing stored anew.
		long batchesBefore = batchCount();
		ResultActions again = send(seven, "many-" + run).andExpect(status().isOk());
		assertThat(again.andReturn().getResponse().getHeader("Location")).isEqualTo(location);
		assertThat(batchCount()).isEqualTo(batchesBefore);
		assertThat(declarationCount()).isEqualTo(before + 6);
		// The same key with other declarations is a client's mistake, said so.
		send(sevenDeclarations(run, "E"), "many-" + run).andExpect(status().isConflict());
		assertThat(batchCount()).isEqualTo(batchesBefore);

		// Another enterprise does not see the batch.
		mvc.perform(get(location).header("Authorization", "Bearer sw-demo-trader.coffee"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFewDeclarationsAreStillSubmittedWhileTheClientWaits() throws Exception {
		String run = UUID.randomUUID().toString();
		List<List<Object>> headers = new ArrayList<>();
		List<List<Object>> lines = new ArrayList<>();
		for (String ref : List.of("A", "B", "C", "D", "E")) {
			headers.add(row(HEADER, processorsHeader(run + "-" + ref), Map.of("reference", ref)));
			lines.add(goods(ref, "8542319000", "4000"));
		}
		byte[] five = workbook().rows("Declarations", withHeading(HEADER, headers))
			.rows("Goods", withHeading(GOODS, lines)).bytes();

		String result = body(send(five, null).andExpect(status().isOk()));

		assertThat(JsonPath.<List<String>>read(result, "$.results[*].outcome")).hasSize(5).containsOnly("CREATED");
	}

	@Test
	void theOwnersWebhooksHearThatTheBatchFinished() throws Exception {
		String uscc = jdbc.sql("SELECT uscc FROM user_account WHERE username = 'trader.chip'").query(String.class)
			.single();
		UUID subscription = UUID.randomUUID();
		// A receiver that never resolves (RFC 6761): the event waits in the outbox, where this test reads it.
		jdbc.sql("""
				INSERT INTO webhook_subscription (id, enterprise, url, secret, created_by, created_at)
				VALUES (?, ?, 'https://batches.invalid/hook', 'whsec_test', 'test', now())""")
			.params(subscription, uscc).update();
		try {
			String location = send(sevenDeclarations(UUID.randomUUID().toString(), "D"), null)
				.andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
			pollUntilFinished(location);
			UUID batchId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

			String payload = jdbc.sql("""
					SELECT payload FROM webhook_delivery
					WHERE subscription_id = ? AND batch_id = ? AND event_type = 'declaration.batch.finished'""")
				.params(subscription, batchId).query(String.class).single();
			assertThat(JsonPath.<Integer>read(payload, "$.total")).isEqualTo(7);
			assertThat(JsonPath.<Integer>read(payload, "$.submitted")).isEqualTo(6);
			assertThat(JsonPath.<Integer>read(payload, "$.refused")).isEqualTo(1);
			assertThat(JsonPath.<String>read(payload, "$.location")).isEqualTo(location);
		}
		finally {
			jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE id = ?").param(subscription).update();
		}
	}

	/**
	 * A node submitted the first declaration and stopped before recording it: the declaration is stored, its row still
	 * pending under that node's lease. Once the lease has run out, the job (here called by hand, as any node's poll
	 * would) finishes the batch; the first declaration is found again by its key, not stored a second time.
	 */
	@Test
	void aBatchLeftHalfDoneByANodeThatStoppedIsFinishedAndNothingIsSubmittedTwice() throws Exception {
		String run = UUID.randomUUID().toString();
		Actor trader = actors.actorFor(jdbc.sql("SELECT id FROM user_account WHERE username = 'trader.chip'")
			.query(UUID.class).single()).orElseThrow();
		var entries = workbooks.read(sevenDeclarations(run, "none"));
		// Held back (a preview) while the first declaration is set up as the stopped node left it.
		UUID batchId = batches.preview(trader, "WORKBOOK",
				entries.stream().map(DeclarationWorkbooks.Entry::batched).toList());
		String key = jdbc.sql("SELECT submission_key FROM declaration_batch_entry WHERE batch_id = ? AND position = 1")
			.param(batchId).query(String.class).single();
		UUID submittedByTheStoppedNode = declarations.submit(trader, entries.getFirst().draft(new ArrayList<>()), key)
			.id();
		jdbc.sql("UPDATE declaration_batch_entry SET claimed_until = ?, attempts = 1 WHERE batch_id = ? AND position = 1")
			.params(Timestamp.from(time.now().plus(BatchJob.LEASE)), batchId).update();
		long before = declarationCount();
		assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();

		// Within the lease, the others are submitted, the first is left to the node that holds it.
		drain(trader, batchId, time.now(), 1);
		assertThat(batch(trader, batchId).finished()).isFalse();

		drain(trader, batchId, time.now().plus(BatchJob.LEASE).plusSeconds(1), 0);

		DeclarationBatch batch = batch(trader, batchId);
		assertThat(batch.finished()).isTrue();
		assertThat(batch.submitted()).isEqualTo(7);
		assertThat(batch.declarations().getFirst().declarationId()).isEqualTo(submittedByTheStoppedNode);
		assertThat(batch.declarations().getFirst().repeated()).isTrue();
		assertThat(declarationCount()).isEqualTo(before + 6);
		assertThat(jdbc.sql("SELECT count(DISTINCT declaration_id) FROM declaration_batch_entry WHERE batch_id = ?")
			.param(batchId).query(Long.class).single()).isEqualTo(7);
	}

	/**
	 * A refusal that comes before a declaration wrote anything (an unknown currency is refused by validation) leaves
	 * the chunk's transaction as it was: the chunk is written once, without a savepoint for each declaration, and each
	 * declaration counts one attempt.
	 */
	@Test
	void aChunkWhoseRefusalsCameBeforeAnyWriteIsWrittenOnceWithoutASavepointEach() throws Exception {
		double once = chunksWritten("once");
		double again = chunksWritten("again");

		String location = send(sevenDeclarations(UUID.randomUUID().toString(), "D"), null)
			.andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
		String done = pollUntilFinished(location);

		assertThat(JsonPath.<Integer>read(done, "$.submitted")).isEqualTo(6);
		assertThat(JsonPath.<Integer>read(done, "$.refused")).isEqualTo(1);
		assertThat(chunksWritten("once")).isGreaterThan(once);
		assertThat(chunksWritten("again")).isEqualTo(again);
		UUID batchId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT attempts FROM declaration_batch_entry WHERE batch_id = ?").param(batchId)
			.query(Integer.class).list()).hasSize(7).containsOnly(1);
	}

	/**
	 * What a declaration of a chunk writes while it runs (here its permit write-off) is written by the chunk's own
	 * transaction, as the outcomes recorded at its end are: no savepoint (a subtransaction with an id of its own) for
	 * each declaration.
	 */
	@Test
	void theDeclarationsOfAChunkWriteInTheChunksTransactionNotInASavepointEach() throws Exception {
		HeldPermit licence = theChipMakersLicence();
		Actor trader = theChipTrader();
		String run = UUID.randomUUID().toString();
		UUID batchId = batches.preview(trader, "WORKBOOK", List.of(chipDeclaration("A", run + "-A", licence.number()),
				chipDeclaration("B", run + "-B", licence.number()), chipDeclaration("C", run + "-C", licence.number())));
		assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();

		drain(trader, batchId, time.now(), 0);

		assertThat(batch(trader, batchId).submitted()).isEqualTo(3);
		// Each write-off by the transaction that recorded its declaration's outcome, not by a subtransaction of it.
		record Written(String writeOff, String outcome) {
		}
		List<Written> written = jdbc.sql("""
				SELECT w.xmin::text AS write_off, e.xmin::text AS outcome FROM permit_write_off w
				JOIN declaration_batch_entry e ON e.declaration_id = w.declaration_id WHERE e.batch_id = ?""")
			.param(batchId).query((rs, n) -> new Written(rs.getString("write_off"), rs.getString("outcome"))).list();
		assertThat(written).hasSize(3).allSatisfy(w -> assertThat(w.writeOff()).isEqualTo(w.outcome()));
	}

	/**
	 * A batch larger than a chunk is written in chunks, side by side on the node (and beside any other node's): each
	 * declaration is submitted once, in exactly one chunk's transaction, none larger than a chunk.
	 */
	@Test
	void aBatchOfManyChunksIsWrittenChunkByChunkEachDeclarationOnce() throws Exception {
		Actor trader = theChipTrader();
		String run = UUID.randomUUID().toString();
		List<BatchedDeclaration> many = new ArrayList<>();
		for (int i = 1; i <= 2 * BatchJob.CHUNK + 20; i++) {
			many.add(chipDeclaration("R" + i, run + "-" + i, null));
		}
		UUID batchId = batches.preview(trader, "WORKBOOK", many);
		assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();

		drain(trader, batchId, time.now(), 0);

		DeclarationBatch batch = batch(trader, batchId);
		assertThat(batch.submitted()).isEqualTo(many.size());
		assertThat(batch.declarations()).extracting(DeclarationBatch.Entry::declarationId).doesNotHaveDuplicates()
			.doesNotContainNull();
		assertThat(jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ? AND client_reference LIKE ?")
			.params(CHIP.value(), run + "-%").query(Long.class).single()).isEqualTo(many.size());
		List<Integer> chunkSizes = jdbc.sql("""
				SELECT count(*) FROM declaration_batch_entry WHERE batch_id = ? GROUP BY xmin::text""")
			.param(batchId).query(Integer.class).list();
		assertThat(chunkSizes).hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> assertThat(n).isBetween(1,
				BatchJob.CHUNK));
		assertThat(jdbc.sql("SELECT attempts FROM declaration_batch_entry WHERE batch_id = ?").param(batchId)
			.query(Integer.class).list()).containsOnly(1);
	}

	/**
	 * Batches are served in turn, not one after the other: a small batch accepted after a large one (a trader's
	 * interchange of a few messages after a broker's of thousands) goes in one of the next chunks, not after the whole
	 * large one (served one after the other, at most one chunk of it would come after the small one's last).
	 * Declarations draw their numbers as they are submitted, so the numbers tell the order.
	 */
	@Test
	void aSmallBatchAcceptedAfterALargeOneIsNotLeftUntilTheLargeOneIsDone() throws Exception {
		Actor trader = theChipTrader();
		String run = UUID.randomUUID().toString();
		List<BatchedDeclaration> large = new ArrayList<>();
		// Ten chunks: the platform's own poller may have claimed a few of them, side by side with the test's, before
		// the small batch was accepted.
		for (int i = 1; i <= 10 * BatchJob.CHUNK; i++) {
			large.add(chipDeclaration("L" + i, run + "-L" + i, null));
		}
		UUID largeId = batches.preview(trader, "INTERCHANGE", large);
		UUID smallId = batches.preview(trader, "INTERCHANGE", List.of(chipDeclaration("S1", run + "-S1", null),
				chipDeclaration("S2", run + "-S2", null), chipDeclaration("S3", run + "-S3", null)));
		assertThat(batches.acceptPreviewed(trader, largeId)).isTrue();
		Thread.sleep(5); // accepted later, on any clock
		assertThat(batches.acceptPreviewed(trader, smallId)).isTrue();

		drain(trader, largeId, time.now(), 0);
		drain(trader, smallId, time.now(), 0);

		String smallsLast = jdbc.sql("""
				SELECT max(d.number) FROM declaration_batch_entry e JOIN declaration d ON d.id = e.declaration_id
				WHERE e.batch_id = ?""").param(smallId).query(String.class).single();
		long largeAfterIt = jdbc.sql("""
				SELECT count(*) FROM declaration_batch_entry e JOIN declaration d ON d.id = e.declaration_id
				WHERE e.batch_id = ? AND d.number > ?""").params(largeId, smallsLast).query(Long.class).single();
		assertThat(largeAfterIt).as("declarations of the large batch submitted after the small one's last")
			.isGreaterThan(2 * BatchJob.CHUNK);
	}

	/**
	 * A chunk takes the licences its declarations name before any of them writes: while an officer holds the chip
	 * maker's licence and uses up its quota, the chunk waits without having drawn a number, then decides on the licence
	 * as the officer left it (the licensed declaration goes to the issuing agency instead of being written off).
	 * Nothing had to be undone: the chunk is written once, without savepoints.
	 */
	@Test
	void aChunkTakesItsLicencesBeforeItsDeclarationsWriteAndDecidesOnThemAsAnOfficerLeftThem() throws Exception {
		HeldPermit licence = theChipMakersLicence();
		Actor trader = theChipTrader();
		String run = UUID.randomUUID().toString();
		// Alone in its batch: chunks taken at the same moment (two workers, the scheduled run and this test's poll) may
		// share a batch's declarations out between them.
		UUID batchId = batches.preview(trader, "WORKBOOK", List.of(chipDeclaration("B", run + "-B", licence.number())));
		double once = chunksWritten("once");
		double again = chunksWritten("again");
		long numberBefore = lastNumberDrawn();
		TransactionTemplate officer = new TransactionTemplate(transactionManager);
		try (var elsewhere = Executors.newSingleThreadExecutor()) {
			try {
				Future<?> submitting = officer.execute(tx -> {
					jdbc.sql("SELECT id FROM permit WHERE number = ? FOR UPDATE").param(licence.number()).query()
						.listOfRows();
					jdbc.sql("UPDATE permit SET remaining_quantity = 0 WHERE number = ?").param(licence.number())
						.update();
					// Accepted and submitted on another connection: by this poll, or by the scheduled one.
					Future<?> running = elsewhere.submit(() -> {
						assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();
						return job.submitPending(time.now());
					});
					LockWaits.awaitOne(jdbc, transactionManager, "the chunk");
					// Numbers are drawn outside transactions: one drawn would show a header written while it waits.
					assertThat(lastNumberDrawn()).as("a header written before the chunk has its licence")
						.isEqualTo(numberBefore);
					return running;
				});
				submitting.get();
				drain(trader, batchId, time.now(), 0);
			} finally {
				jdbc.sql("UPDATE permit SET remaining_quantity = ? WHERE number = ?")
					.params(licence.remainingQuantity(), licence.number()).update();
			}
		}

		DeclarationBatch batch = batch(trader, batchId);
		assertThat(batch.declarations()).extracting(DeclarationBatch.Entry::state).containsOnly(
				DeclarationBatch.State.SUBMITTED);
		UUID licensed = batch.declarations().getFirst().declarationId();
		assertThat(jdbc.sql("SELECT count(*) FROM permit_write_off WHERE declaration_id = ?").param(licensed)
			.query(Long.class).single()).as("written off from a licence with nothing left").isZero();
		assertThat(chunksWritten("once")).isEqualTo(once + 1);
		assertThat(chunksWritten("again")).isEqualTo(again);
	}

	/**
	 * The job runs on a thread of its own, not on the scheduler's (every fixed-delay task of the platform shares that
	 * one thread): while a run waits for a licence an officer holds, the statistics of a declaration cleared meanwhile
	 * are still folded.
	 */
	@Test
	void aRunOfTheJobWaitingForALicenceHoldsUpNoOtherScheduledWork() throws Exception {
		HeldPermit licence = theChipMakersLicence();
		Actor trader = theChipTrader();
		// Cleared at once needs GREEN: not left to whether a test before made the chip maker a year old (the profile
		// for enterprises younger than 30 days selects some of their declarations).
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(CHIP).usualUnitPrice("8542319000", "C62", "20");
		String run = UUID.randomUUID().toString();
		UUID batchId = batches.preview(trader, "WORKBOOK", List.of(chipDeclaration("L", run + "-L", licence.number())));
		TransactionTemplate officer = new TransactionTemplate(transactionManager);
		try (var others = Executors.newSingleThreadExecutor()) {
			officer.executeWithoutResult(tx -> {
				jdbc.sql("SELECT id FROM permit WHERE number = ? FOR UPDATE").param(licence.number()).query()
					.listOfRows();
				try {
					// Accepted on another connection; the scheduled poll starts the run that waits for the licence.
					assertThat(others.submit(() -> batches.acceptPreviewed(trader, batchId)).get()).isTrue();
					LockWaits.awaitOne(jdbc, transactionManager, "the job's run");
					var processors = others.submit(() -> declarations.submit(trader,
							DeclarationWorkbooks.Entry.of(chipDeclaration("P", run + "-P", null)).draft(new ArrayList<>()),
							run + "-P")).get();
					// Cleared at once: its statistics are staged with it, for the fold.
					assertThat(processors.status()).isEqualTo(DeclarationStatus.CLEARED);
					UUID cleared = processors.id();
					long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
					while (statisticsPendingFor(cleared)) {
						assertThat(System.nanoTime()).as("statistics folded while the run waits").isLessThan(deadline);
						Thread.sleep(50);
					}
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
		}
		drain(trader, batchId, time.now(), 0);
		assertThat(batch(trader, batchId).submitted()).isOne();
	}

	private boolean statisticsPendingFor(UUID declaration) {
		TransactionTemplate own = new TransactionTemplate(transactionManager);
		own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return own.execute(tx -> jdbc.sql("SELECT count(*) FROM statistics_pending WHERE declaration_id = ?")
			.param(declaration).query(Long.class).single()) > 0;
	}

	/**
	 * A declaration of a chunk that fails after it wrote (here its write-off, by a trigger that stands for the database
	 * failing) cannot be taken back alone without a savepoint: the chunk is rolled back and written again, each
	 * declaration then in a savepoint of its own. The others are stored once; the failing one stays pending, an attempt
	 * counted each time (the undone pass counts none), until its fifth attempt refuses it.
	 */
	@Test
	void aDeclarationFailingAfterItWroteHasItsChunkWrittenAgainAndTheOthersAreStoredOnce() throws Exception {
		HeldPermit licence = theChipMakersLicence();
		Actor trader = theChipTrader();
		String run = UUID.randomUUID().toString();
		UUID batchId = batches.preview(trader, "WORKBOOK", List.of(chipDeclaration("A", run + "-A", null),
				chipDeclaration("B", run + "-B", licence.number()), chipDeclaration("C", run + "-C", null)));
		double again = chunksWritten("again");
		jdbc.sql("""
				CREATE FUNCTION test_write_off_fails() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'the database failed the write-off of %', NEW.declaration_id; END $$""")
			.update();
		jdbc.sql("""
				CREATE TRIGGER test_write_off_fails BEFORE INSERT ON permit_write_off FOR EACH ROW
				WHEN (NEW.permit_number = '%s') EXECUTE FUNCTION test_write_off_fails()""".formatted(licence.number()))
			.update();
		try {
			assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();
			drain(trader, batchId, time.now(), 0);
		} finally {
			jdbc.sql("DROP TRIGGER test_write_off_fails ON permit_write_off").update();
			jdbc.sql("DROP FUNCTION test_write_off_fails()").update();
		}

		DeclarationBatch batch = batch(trader, batchId);
		assertThat(batch.declarations()).extracting(DeclarationBatch.Entry::state).containsExactly(
				DeclarationBatch.State.SUBMITTED, DeclarationBatch.State.REFUSED, DeclarationBatch.State.SUBMITTED);
		assertThat(batch.declarations().get(1).code()).isEqualTo("SUBMISSION_FAILED");
		assertThat(declarationsUnder(run + "-A")).isOne();
		assertThat(declarationsUnder(run + "-B")).isZero();
		assertThat(declarationsUnder(run + "-C")).isOne();
		assertThat(chunksWritten("again")).isGreaterThanOrEqualTo(again + 1);
		assertThat(jdbc.sql("SELECT attempts FROM declaration_batch_entry WHERE batch_id = ? ORDER BY position")
			.param(batchId).query(Integer.class).list()).containsExactly(1, BatchJob.MAX_ATTEMPTS, 1);
		assertThat(licence.remainingQuantity()).isEqualByComparingTo(theChipMakersLicence().remainingQuantity());
	}

	static final io.singlewindow.core.Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	private HeldPermit theChipMakersLicence() {
		return permits.heldBy(CHIP).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
	}

	private Actor theChipTrader() {
		return chipTrader(jdbc, actors);
	}

	/** The demo chip maker's trader, as the batch job acts for it. */
	static Actor chipTrader(JdbcClient jdbc, KeyedActors actors) {
		return actors.actorFor(jdbc.sql("SELECT id FROM user_account WHERE username = 'trader.chip'")
			.query(UUID.class).single()).orElseThrow();
	}

	/** A declaration as a batch holds it: processors, with portable computers under {@code permit} before them. */
	static BatchedDeclaration chipDeclaration(String reference, String clientReference, String permit) {
		Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("clientReference", clientReference,
				"flow", "IMPORT", "tradeMode", "0110", "transportMode", "4", "port", "CNXMN", "originCountry", "US",
				"destinationCountry", "CN", "tradingCountry", "US", "currency", "USD", "incoterm", "CIF"));
		fields.putAll(Map.of("packages", "3", "grossWeight", "120", "netWeight", "100"));
		List<Map<String, String>> items = new ArrayList<>();
		if (permit != null) {
			items.add(Map.of("hsCode", "8471300000", "description", "portable computers", "quantity", "1", "unit",
					"C62", "value", "800", "origin", "US", "permitNumber", permit));
		}
		items.add(Map.of("hsCode", "8542319000", "description", "processors", "quantity", "200", "unit", "C62",
				"value", "4000", "origin", "US"));
		for (int i = 0; i < items.size(); i++) {
			int row = i;
			items.get(i).forEach((field, value) -> fields.put(DeclarationForm.itemField(row, field), value));
		}
		return new BatchedDeclaration(reference, "Declarations!" + reference, fields, Map.of(), List.of());
	}

	private long declarationsUnder(String clientReference) {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ? AND client_reference = ?")
			.params(CHIP.value(), clientReference).query(Long.class).single();
	}

	private long lastNumberDrawn() {
		return jdbc.sql("SELECT last_value FROM declaration_number_seq").query(Long.class).single();
	}

	private double chunksWritten(String how) {
		var counter = meters.find("singlewindow.declaration.batch.chunks").tag("written", how).counter();
		return counter == null ? 0 : counter.count();
	}

	/**
	 * Runs the job as a node's poll would at {@code now} until {@code pending} declarations are left; the scheduled
	 * poll may take some meanwhile, which changes nothing of the outcome.
	 */
	private void drain(Actor trader, UUID batchId, java.time.Instant now, long pending) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (job.submitPending(now) > 0 || batch(trader, batchId).pending() > pending) {
			assertThat(System.nanoTime()).as("batch worked off within a minute").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private DeclarationBatch batch(Actor actor, UUID id) {
		return batches.find(actor, id).orElseThrow();
	}

	/** Seven declarations A to G, one line each; {@code refused} gets an unknown currency (cell J of its row). */
	static byte[] sevenDeclarations(String run, String refused) throws Exception {
		List<List<Object>> headers = new ArrayList<>();
		List<List<Object>> lines = new ArrayList<>();
		for (String ref : List.of("A", "B", "C", "D", "E", "F", "G")) {
			headers.add(row(HEADER, processorsHeader("none"), ref.equals(refused)
					? Map.of("reference", ref, "currency", "XYZ") : Map.of("reference", ref)));
			lines.add(goods(ref, "8542319000", ref.equals("B") ? "4,000.00" : "4000"));
		}
		headers.forEach(h -> h.set(HEADER.indexOf("clientReference"), null));
		return workbook().rows("Declarations", withHeading(HEADER, headers))
			.rows("Goods", withHeading(GOODS, lines))
			.bytes();
	}

	private static List<List<Object>> withHeading(List<String> heading, List<List<Object>> rows) {
		List<List<Object>> all = new ArrayList<>();
		all.add(new ArrayList<>(heading));
		all.addAll(rows);
		return all;
	}

	private String pollUntilFinished(String location) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			String progress = body(mvc.perform(get(location).header("Authorization", TRADER)
				.header("Accept-Language", "en")).andExpect(status().isOk()));
			if (JsonPath.read(progress, "$.finishedAt") != null) {
				return progress;
			}
			assertThat(System.nanoTime()).as("batch finished within 90 s: " + progress).isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	private ResultActions send(byte[] xlsx, String key) throws Exception {
		return DeclarationWorkbookIntegrationTests.submit(mvc, xlsx, key, "en");
	}

	private long declarationCount() {
		return jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();
	}

	private long batchCount() {
		return jdbc.sql("SELECT count(*) FROM declaration_batch").query(Long.class).single();
	}

	private static String body(ResultActions actions) throws Exception {
		return DeclarationWorkbookIntegrationTests.body(actions);
	}
}
