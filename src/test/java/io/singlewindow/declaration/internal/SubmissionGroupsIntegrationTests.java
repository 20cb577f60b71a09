package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.declaration.DeclarationSubmitted;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.ExchangeRates;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions written together in one transaction (group commit): each stands or falls on its own, a refused one
 * leaves nothing behind and announces nothing, and nobody is answered before the group is on disk.
 */
@SingleWindowIntegrationTest
class SubmissionGroupsIntegrationTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final Actor TRADER = new Actor(UUID.randomUUID(), "trader.chip", "Chip trader", Role.TRADER, CHIP, null,
			Set.of());

	@Autowired
	SubmissionGroups groups;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	PermitLedger permits;
	@Autowired
	ExchangeRates rates;
	@Autowired
	BusinessTime time;
	@Autowired
	ApplicationContext context;
	@Autowired
	MeterRegistry meters;

	/** The declarations whose events were heard by a listener called after commit (where the pitfall would show). */
	final Set<UUID> heardAfterCommit = ConcurrentHashMap.newKeySet();
	final ApplicationListener<ApplicationEvent> afterCommit = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload && TransactionSynchronizationManager.isSynchronizationActive()) {
			UUID declaration = switch (payload.getPayload()) {
				case DeclarationSubmitted e -> e.declarationId();
				case AgencyTaskOpened e -> e.declarationId();
				case AgencyDecisionRecorded e -> e.declarationId();
				case DeclarationCleared e -> e.declarationId();
				default -> null;
			};
			if (declaration != null) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						heardAfterCommit.add(declaration);
					}
				});
			}
		}
	};

	@BeforeEach
	void listenAfterCommitAndTheChipMakerDeclaresAtTheUsualPrices() {
		multicaster().addApplicationListener(afterCommit);
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(CHIP)
			.usualUnitPrice("8471300000", "C62", "800")
			.usualUnitPrice("8542319000", "C62", "20");
	}

	@AfterEach
	void stopListening() {
		multicaster().removeApplicationListener(afterCommit);
	}

	@Test
	void aSubmissionRefusedInsideItsGroupFailsNoOtherLeavesNothingAnnouncesNothingAndNoOneIsAnsweredBeforeCommit()
			throws Exception {
		HeldPermit licence = permits.heldBy(CHIP).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		var first = waiting(processors(), "group-first-" + UUID.randomUUID());
		var underLicence = waiting(SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "1"),
				"group-licence-" + UUID.randomUUID());
		var last = waiting(processors(), "group-last-" + UUID.randomUUID());
		long assessmentsBefore = jdbc.sql("SELECT count(*) FROM risk_assessment").query(Long.class).single();

		double writtenAgain = groupsWritten("again");

		commitWhileAnOfficerUsesUpTheLicence(licence, first, underLicence, last);

		var refused = underLicence.answer().join();
		assertThat(refused.refusal()).isNotNull();
		assertThat(refused.refusal().code()).isEqualTo("PERMIT_CHANGED_DURING_SUBMISSION");
		assertThat(declarationsUnder(underLicence.key())).isZero();
		UUID firstId = first.answer().join().submission().id();
		UUID lastId = last.answer().join().submission().id();
		assertThat(declarationsUnder(first.key())).isOne();
		assertThat(declarationsUnder(last.key())).isOne();
		// Refused after it wrote its header: the group was rolled back and written again without it.
		assertThat(groupsWritten("again")).isEqualTo(writtenAgain + 1);
		// The risk assessments are held with the rest: the refused one's went with the rolled-back group.
		assertThat(rowsOf("risk_assessment", firstId)).isOne();
		assertThat(rowsOf("risk_assessment", lastId)).isOne();
		assertThat(jdbc.sql("SELECT count(*) FROM risk_assessment").query(Long.class).single())
			.isEqualTo(assessmentsBefore + 2);
		assertThat(heardAfterCommit).contains(firstId, lastId);
		// Other work of the platform may be heard meanwhile, but nothing of a declaration that was not stored.
		assertThat(heardAfterCommit).allSatisfy(id -> assertThat(stored(id)).as("announced %s is stored", id).isTrue());
	}

	@Test
	void submissionsRefusedBeforeTheyWroteAnythingCostTheirGroupNothing() {
		String key = "group-clean-" + UUID.randomUUID();
		var first = waiting(processors(), key);
		var unknownCode = waiting(processors().replace("8542319000", "9999999999"), "group-clean-bad-" + UUID.randomUUID());
		var sameKeyOtherBody = waiting(SingleWindowFlowIntegrationTests.processors("201", "4000"), key);
		var last = waiting(processors(), "group-clean-last-" + UUID.randomUUID());
		double writtenOnce = groupsWritten("once");
		double writtenAgain = groupsWritten("again");

		groups.commit(List.of(first, unknownCode, sameKeyOtherBody, last));

		assertThat(unknownCode.answer().join().refusal().code()).isEqualTo("INVALID_INPUT");
		assertThat(sameKeyOtherBody.answer().join().refusal().code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		UUID firstId = first.answer().join().submission().id();
		UUID lastId = last.answer().join().submission().id();
		assertThat(declarationsUnder(key)).isOne();
		assertThat(declarationsUnder(unknownCode.key())).isZero();
		assertThat(rowsOf("declaration_item", firstId)).isOne();
		assertThat(rowsOf("risk_assessment", lastId)).isOne();
		assertThat(heardAfterCommit).contains(firstId, lastId);
		// Written once, without savepoints: neither refusal had written anything to take back.
		assertThat(groupsWritten("once")).isEqualTo(writtenOnce + 1);
		assertThat(groupsWritten("again")).isEqualTo(writtenAgain);
	}

	@Test
	void aSubmissionRefusedAloneInItsGroupLeavesNothingAndAnnouncesNothing() throws Exception {
		HeldPermit licence = permits.heldBy(CHIP).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		var underLicence = waiting(SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "1"),
				"group-alone-" + UUID.randomUUID());

		// Refused after its rows were written (a group of one runs without a savepoint): all of it rolls back.
		commitWhileAnOfficerUsesUpTheLicence(licence, underLicence);

		var refused = underLicence.answer().join();
		assertThat(refused.refusal()).isNotNull();
		assertThat(refused.refusal().code()).isEqualTo("PERMIT_CHANGED_DURING_SUBMISSION");
		assertThat(declarationsUnder(underLicence.key())).isZero();
		assertThat(heardAfterCommit).allSatisfy(id -> assertThat(stored(id)).as("announced %s is stored", id).isTrue());
	}

	/**
	 * An officer holds the licence and uses up its quota meanwhile: the licensed submission has checked the quota
	 * (still there), announced its agencies' decisions to its group, and waits for the licence's lock; when it gets
	 * it, the quota is gone and it is refused. No member is answered while the group is open.
	 */
	private void commitWhileAnOfficerUsesUpTheLicence(HeldPermit licence, SubmissionGroups.Waiting... members)
			throws Exception {
		try (var committer = Executors.newSingleThreadExecutor()) {
			Future<?> group;
			try {
				group = transactions.execute(tx -> {
					jdbc.sql("SELECT id FROM permit WHERE number = ? FOR UPDATE").param(licence.number()).query().listOfRows();
					jdbc.sql("UPDATE permit SET remaining_quantity = 0 WHERE number = ?").param(licence.number()).update();
					Future<?> running = committer.submit(() -> groups.commit(List.of(members)));
					LockWaits.awaitOne(jdbc, context.getBean(PlatformTransactionManager.class), "the group");
					for (var member : members) {
						assertThat(member.answer()).as("answered while its group is still open").isNotDone();
					}
					return running;
				});
				group.get();
			} finally {
				jdbc.sql("UPDATE permit SET remaining_quantity = ? WHERE number = ?")
					.params(licence.remainingQuantity(), licence.number()).update();
			}
		}
	}

	@Test
	void aGroupWritesEveryMembersLinesRoutesTasksTimelineAndAuditAndTheWriteOffIsByItsCaller() {
		HeldPermit licence = permits.heldBy(CHIP).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		var processorsOnly = waiting(processors(), "group-rows-" + UUID.randomUUID());
		var underLicence = waiting(SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "1"),
				"group-rows-licence-" + UUID.randomUUID());

		groups.commit(List.of(processorsOnly, underLicence));

		UUID processorsId = processorsOnly.answer().join().submission().id();
		UUID licensedId = underLicence.answer().join().submission().id();
		assertThat(rowsOf("declaration_item", processorsId)).isOne();
		assertThat(rowsOf("declaration_item", licensedId)).isEqualTo(2);
		assertThat(rowsOf("declaration_route", licensedId)).isPositive();
		assertThat(rowsOf("agency_task", licensedId)).isPositive();
		assertThat(rowsOf("declaration_event", processorsId)).isPositive();
		assertThat(rowsOf("declaration_event", licensedId)).isPositive();
		assertThat(rowsOf("risk_assessment", processorsId)).isOne();
		assertThat(rowsOf("risk_assessment", licensedId)).isOne();
		// What routing concluded reaches each header with the group's other writes: as answered, assessed, once.
		for (var member : List.of(processorsOnly, underLicence)) {
			Declarations.Submission answered = member.answer().join().submission();
			assertThat(jdbc.sql("""
					SELECT d.status, d.version, d.channel = r.channel AND d.total_customs_value IS NOT NULL AS assessed
					  FROM declaration d JOIN risk_assessment r ON r.declaration_id = d.id WHERE d.id = ?""")
				.param(answered.id()).query().singleRow())
				.containsEntry("status", answered.status().name()).containsEntry("version", 1)
				.containsEntry("assessed", true);
		}
		// The group's committer thread has no request of its own: the write-off is recorded as the caller's doing, as
		// it is when a submission is written alone.
		assertThat(jdbc.sql("""
				SELECT actor_name FROM audit_entry WHERE action = 'PERMIT_WRITTEN_OFF' AND subject_id = ?
				   AND after_state ->> 'declaration' = ?""")
			.params(licence.number(), licensedId.toString()).query(String.class).list())
			.containsExactly(TRADER.username());
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = 'AGENCY_TASK_AUTO_APPROVED'
				   AND subject_id IN (SELECT id::text FROM agency_task WHERE declaration_id = ?)""")
			.param(licensedId).query(Long.class).single()).isPositive();
	}

	@Test
	void aGroupReadsItsMembersPermitsInOneStatementBeforeTheirChecks() {
		HeldPermit licence = permits.heldBy(CHIP).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		var members = List.of(waiting(SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "1"),
				"group-read-ahead-" + UUID.randomUUID()), waiting(processors(), "group-read-ahead-" + UUID.randomUUID()),
				waiting(SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "2"),
						"group-read-ahead-" + UUID.randomUUID()));
		double kept = checks("kept");
		double read = checks("read");

		groups.commit(members);

		members.forEach(m -> assertThat(m.answer().join().submission()).isNotNull());
		// Each licensed line checked on the licence as the group read it ahead, none read on its own.
		assertThat(checks("kept") - kept).isEqualTo(2);
		assertThat(checks("read") - read).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM permit_write_off WHERE permit_number = ? AND declaration_id IN (?, ?)")
			.params(licence.number(), members.get(0).answer().join().submission().id(),
					members.get(2).answer().join().submission().id())
			.query(Long.class).single()).isEqualTo(2);
	}

	private double checks(String permit) {
		var counter = meters.find("singlewindow.permit.checks").tag("permit", permit).counter();
		return counter == null ? 0 : counter.count();
	}

	/**
	 * A group's lines, tasks and timeline are written as one array per column: every value must come back as
	 * declared, whatever its text — quotes, braces, commas, backslashes, a description that reads NULL — and the
	 * timeline in the order it happened.
	 */
	@Test
	void aGroupWritesWhatEachMemberDeclaredExactlyWhateverItsText() {
		List<String> descriptions = List.of("NULL", "{\\\"a\\\",b}", "back\\\\slash, comma", "处理器 \\\"quoted\\\"");
		List<SubmissionGroups.Waiting> members = descriptions.stream()
			.map(text -> waiting(SingleWindowFlowIntegrationTests.processors("12.345", "4000.5")
				.replace("\"description\":\"processors\"", "\"description\":\"" + text + "\""),
					"group-text-" + UUID.randomUUID()))
			.toList();

		groups.commit(members);

		for (int m = 0; m < members.size(); m++) {
			UUID id = members.get(m).answer().join().submission().id();
			var line = jdbc.sql("SELECT description, quantity, value, steps FROM declaration_item WHERE declaration_id = ?")
				.param(id).query().singleRow();
			assertThat(line.get("description")).isEqualTo(JSON.readValue("\"" + descriptions.get(m) + "\"", String.class));
			assertThat((java.math.BigDecimal) line.get("quantity")).isEqualByComparingTo("12.345");
			assertThat((java.math.BigDecimal) line.get("value")).isEqualByComparingTo("4000.5");
			assertThat((String) line.get("steps")).contains("\n");
			// The timeline in the order it happened, each entry at the instant the declaration recorded.
			List<String> events = jdbc.sql("SELECT event FROM declaration_event WHERE declaration_id = ? ORDER BY seq")
				.param(id).query(String.class).list();
			assertThat(events).first().isEqualTo("SUBMITTED");
			assertThat(jdbc.sql("""
					SELECT bool_and(e.at = d.updated_at) FROM declaration_event e JOIN declaration d ON d.id = e.declaration_id
					 WHERE d.id = ?""").param(id).query(Boolean.class).single()).isTrue();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM agency_task t JOIN declaration d ON d.id = t.declaration_id
					 WHERE d.id = ? AND t.created_at = d.updated_at AND t.decided_at IS NOT DISTINCT FROM
					       CASE WHEN t.decided_by IS NULL THEN NULL ELSE d.updated_at END""")
				.param(id).query(Long.class).single()).isEqualTo(rowsOf("agency_task", id)).isPositive();
		}
	}

	@Test
	void aWebhookThatCarriesTheResponseCarriesWhatTheGroupConcludedNotTheHeaderAsFirstWritten() {
		UUID subscription = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO webhook_subscription (id, enterprise, url, secret, active, created_by, created_at, format)
				VALUES (?, ?, 'https://hooks.invalid/cusres', 'not-a-secret', true, 'test', now(), 'EDIFACT')""")
			.params(subscription, CHIP.value()).update();
		try {
			var member = waiting(processors(), "group-webhook-" + UUID.randomUUID());
			var other = waiting(processors(), "group-webhook-other-" + UUID.randomUUID());

			groups.commit(List.of(member, other));

			Declarations.Submission submitted = member.answer().join().submission();
			String payload = jdbc.sql("SELECT payload FROM webhook_delivery WHERE subscription_id = ? AND declaration_id = ?")
				.params(subscription, submitted.id()).query(String.class).single();
			assertThat(JsonPath.<String>read(payload, "$.status")).isEqualTo(submitted.status().name());
			// The CUSRES carried in the event says the same as the event: the status routing concluded, not the
			// header's SUBMITTED as it read before the group's writes.
			assertThat(JsonPath.<String>read(payload, "$.document")).contains("GIS+ZST:::" + submitted.status().name());
		} finally {
			jdbc.sql("DELETE FROM webhook_delivery WHERE subscription_id = ?").param(subscription).update();
			jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(subscription).update();
		}
	}

	@Test
	void theSameKeyTwiceInOneGroupIsOneDeclaration() {
		String key = "group-twice-" + UUID.randomUUID();
		var once = waiting(processors(), key);
		var again = waiting(processors(), key);

		groups.commit(List.of(once, again));

		var created = once.answer().join().submission();
		var repeated = again.answer().join().submission();
		assertThat(created.created()).isTrue();
		assertThat(repeated.created()).isFalse();
		assertThat(repeated.id()).isEqualTo(created.id());
		assertThat(declarationsUnder(key)).isOne();
		assertThat(heardAfterCommit).contains(created.id());
	}

	@Test
	void concurrentCallersAreAnsweredEachWithTheirOwnCommittedDeclaration() throws Exception {
		List<String> keys = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "group-many-" + UUID.randomUUID())
			.toList();
		try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Declarations.Submission>> answers = keys.stream()
				.map(key -> callers.submit(() -> {
					Declarations.Submission submission = groups.submit(TRADER, draft(processors()), key);
					// Answered means committed: another connection sees it at once.
					assertThat(declarationsUnder(key)).isOne();
					return submission;
				}))
				.toList();
			for (Future<Declarations.Submission> answer : answers) {
				assertThat(answer.get().created()).isTrue();
			}
		}
	}

	private SubmissionGroups.Waiting waiting(String json, String key) {
		return new SubmissionGroups.Waiting(TRADER, draft(json), key, new CompletableFuture<>());
	}

	private static DeclarationDraft draft(String json) {
		return new DeclarationDraft(JSON.readValue(json, DeclarationRequest.class), List.of());
	}

	private static String processors() {
		return SingleWindowFlowIntegrationTests.processors("200", "4000");
	}

	private double groupsWritten(String how) {
		var counter = meters.find("singlewindow.declaration.submission.groups").tag("written", how).counter();
		return counter == null ? 0 : counter.count();
	}

	private long declarationsUnder(String key) {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ? AND client_reference = ?")
			.params(CHIP.value(), key).query(Long.class).single();
	}

	private long rowsOf(String table, UUID declaration) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE declaration_id = ?").param(declaration)
			.query(Long.class).single();
	}

	private boolean stored(UUID declaration) {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE id = ?").param(declaration).query(Long.class).single() == 1;
	}

	private ApplicationEventMulticaster multicaster() {
		return context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
				ApplicationEventMulticaster.class);
	}
}
