package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.DeclarationBatchIntegrationTests.chipDeclaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.ExchangeRates;

/**
 * The officers' lists when more wait than a list shows — an agency's tasks, customs' release list: the list shows the
 * longest waiting, and an officer looking for one declaration by its number finds it wherever it stands, as does one
 * who asks for the newest first.
 */
@SingleWindowIntegrationTest
class AgencyQueueIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchSubmissions batches;

	@Autowired
	BatchJob job;

	@Autowired
	Declarations declarations;

	@Autowired
	DeclarationStore store;

	@Autowired
	DutyPayments payments;

	@Autowired
	KeyedActors actors;

	@Autowired
	BusinessTime time;

	@Autowired
	ExchangeRates rates;

	@Test
	void anOfficerFindsATaskByItsNumberWhenMoreWaitThanTheQueueShows() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		// Processors at three times the zone's usual unit price: each waits for a customs officer (YELLOW).
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(trader.enterprise())
			.usualUnitPrice("8542319000", "C62", "20");
		String run = UUID.randomUUID().toString();
		List<BatchedDeclaration> waiting = new ArrayList<>();
		for (long i = customsTasksPending(); i < AgencyQueuePages.SHOWN; i++) {
			waiting.add(overpriced(chipDeclaration("T" + i, run + "-" + i, null)));
		}
		submitThroughTheBatchJob(trader, waiting);
		var lookedFor = declarations.submit(trader,
				DeclarationWorkbooks.Entry.of(overpriced(chipDeclaration("X", run + "-X", null))).draft(new ArrayList<>()),
				run + "-X");
		Actor customsOfficer = actors.actorFor("sw-demo-officer.customs").orElseThrow();
		try {
			assertThat(lookedFor.status()).isEqualTo(DeclarationStatus.UNDER_REVIEW);
			assertThat(customsTasksPending()).isGreaterThan(AgencyQueuePages.SHOWN);
			Cookie customs = logIn("officer.customs");

			String whole = page(customs, "/agency/queue?lang=en");
			String byNumber = page(customs, "/agency/queue?lang=en&q=" + lookedFor.number());
			String newestFirst = page(customs, "/agency/queue?lang=en&sort=newest");
			String yellowNewestFirst = page(customs, "/agency/queue?lang=en&sort=newest&channel=YELLOW");
			String redOnly = page(customs, "/agency/queue?lang=en&channel=RED&q=" + lookedFor.number());
			String longWaiting = page(customs, "/agency/queue?lang=en&olderThanDays=1&q=" + lookedFor.number());

			assertThat(whole).as("the longest waiting fill the queue").doesNotContain("open-" + lookedFor.number());
			assertThat(whole).as("the officer is told more wait").contains("id=\"queue-more\"");
			assertThat(byNumber).contains("open-" + lookedFor.number()).doesNotContain("id=\"queue-more\"");
			assertThat(shownTasks(whole)).isEqualTo(AgencyQueuePages.SHOWN);
			assertThat(newestFirst).contains("open-" + lookedFor.number());
			assertThat(yellowNewestFirst).contains("open-" + lookedFor.number());
			assertThat(redOnly).doesNotContain("open-" + lookedFor.number());
			assertThat(longWaiting).as("submitted a moment ago").doesNotContain("open-" + lookedFor.number());
		}
		finally {
			// Officers' other tests read the whole queue: this one leaves it as long as it found it.
			for (UUID task : jdbc.sql("""
					SELECT t.id FROM agency_task t JOIN declaration d ON d.id = t.declaration_id
					WHERE t.agency = 'CUSTOMS' AND t.status = 'PENDING' AND d.client_reference LIKE ?""")
				.param(run + "-%").query(UUID.class).list()) {
				declarations.decide(customsOfficer, task, Declarations.Decision.APPROVE, null, null);
			}
		}
	}

	/**
	 * A search by name reads so many enterprises at most, those registered last: when the name matches more, an
	 * officer is told the search did not look at all of them (it said nothing before, and the queue looked complete).
	 */
	@Test
	void anOfficerIsToldWhenANameMatchesMoreEnterprisesThanTheSearchReads() throws Exception {
		String crowd = "Crowd " + UUID.randomUUID().toString().substring(0, 8);
		EnterpriseFixtures.namedAlike(jdbc, crowd, AgencyQueuePages.SHOWN + 1);
		Cookie customs = logIn("officer.customs");
		assertThat(page(customs, "/agency/queue?lang=en&q={q}", crowd)).contains("id=\"queue-names-more\"",
				"matches the names of more than 200 enterprises");
		assertThat(page(customs, "/agency/queue?lang=en&q={q}", crowd + " enterprise 7"))
			.doesNotContain("id=\"queue-names-more\"");
	}

	@Test
	void anOfficerFindsADeclarationByItsNumberWhenMoreWaitForReleaseThanTheListShows() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		String run = UUID.randomUUID().toString();
		// Enough cleared declarations that the list is full before the one looked for, through the batch job (the
		// risk channel sends some to officers: topped up until enough are cleared).
		for (int round = 0; cleared() < AgencyQueuePages.SHOWN; round++) {
			List<BatchedDeclaration> more = new ArrayList<>();
			for (long i = cleared(); i < AgencyQueuePages.SHOWN + 10; i++) {
				more.add(chipDeclaration("R" + i, run + "-" + round + "-" + i, null));
			}
			submitThroughTheBatchJob(trader, more);
		}
		var lookedFor = declarations.submit(trader, DeclarationWorkbooks.Entry.of(chipDeclaration("X", run + "-X", null))
			.draft(new ArrayList<>()), run + "-X");
		assertThat(lookedFor.status()).isEqualTo(DeclarationStatus.CLEARED);
		Cookie customs = logIn("officer.customs");

		String whole = page(customs, "/agency/queue?lang=en");
		String byNumber = page(customs, "/agency/queue?lang=en&q=" + lookedFor.number());
		String newestFirst = page(customs, "/agency/queue?lang=en&sort=newest");

		assertThat(whole).as("the longest waiting fill the list").doesNotContain("release-" + lookedFor.number());
		assertThat(whole).as("the officer is told more wait").contains("id=\"release-more\"");
		assertThat(byNumber).contains("release-" + lookedFor.number()).doesNotContain("id=\"release-more\"");
		assertThat(newestFirst).contains("release-" + lookedFor.number());
	}

	@Test
	void customsReadsOffTheReleaseListWhichDeclarationsStillWaitForTheirDuties() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		String run = UUID.randomUUID().toString();
		var owing = declarations.submit(trader, DeclarationWorkbooks.Entry.of(chipDeclaration("D", run + "-D", null))
			.draft(new ArrayList<>()), run + "-D");
		var paid = declarations.submit(trader, DeclarationWorkbooks.Entry.of(chipDeclaration("P", run + "-P", null))
			.draft(new ArrayList<>()), run + "-P");
		// The channel depends on the prices other tests of this JVM declared before (UNIT_PRICE_ANOMALY): one sent to
		// an officer is cleared by the officers, as the release list is about cleared declarations.
		for (var submission : List.of(owing, paid)) {
			clearedByTheOfficers(submission.id());
		}
		assertThat(List.of(owing, paid)).extracting(s -> store.find(s.id()).orElseThrow().status())
			.containsOnly(DeclarationStatus.CLEARED);
		payments.record(actors.actorFor("sw-demo-officer.customs").orElseThrow(), paid.id(),
				store.find(paid.id()).orElseThrow().duties().amountDue(), null, "ICBC-" + run.substring(0, 8));
		Cookie customs = logIn("officer.customs");

		String owingListed = page(customs, "/agency/queue?lang=en&q=" + owing.number());
		String paidListed = page(customs, "/agency/queue?lang=en&q=" + paid.number());

		assertThat(owingListed).contains("release-" + owing.number(), "id=\"duties-" + owing.number() + "\"",
				"Due by " + store.find(owing.id()).orElseThrow().duties().payBy());
		assertThat(paidListed).contains("release-" + paid.number(), "id=\"duties-" + paid.number() + "\"", ">Paid<")
			.doesNotContain("Due by");
	}

	/** Every task of the declaration still open is approved by its agency's demo officer. */
	private void clearedByTheOfficers(java.util.UUID id) {
		for (DeclarationView.Task task : store.find(id).orElseThrow().tasks()) {
			if (task.status() == TaskStatus.PENDING) {
				declarations.decide(actors.actorFor("sw-demo-officer." + task.agency().toLowerCase(java.util.Locale.ROOT))
					.orElseThrow(), task.id(), Declarations.Decision.APPROVE, null, null);
			}
		}
	}

	@Test
	void aDeclarantLateWithAnAnswerIsMarkedInTheAgencysQueueAndOnTheDeclaration() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		String run = UUID.randomUUID().toString();
		List<Declarations.Submission> queried = queriedByCustoms(trader, run, "L", "T");
		var late = queried.get(0);
		var inTime = queried.get(1);
		// Eleven working days later, for the late one: its answer was due yesterday.
		jdbc.sql("UPDATE agency_task SET answer_due = ? WHERE id = ?")
			.params(time.today().minusDays(1), customsTask(jdbc, late.id())).update();
		try {
			Cookie customs = logIn("officer.customs");
			String lateInQueue = page(customs, "/agency/queue?lang=en&status=QUERIED&q=" + late.number());
			String inTimeInQueue = page(customs, "/agency/queue?lang=en&status=QUERIED&q=" + inTime.number());
			Cookie declarant = logIn("trader.chip");
			String lateDeclaration = page(declarant, "/declarations/" + late.id() + "?lang=en");
			String inTimeDeclaration = page(declarant, "/declarations/" + inTime.id() + "?lang=en");
			String declarantsList = page(declarant, "/declarations?lang=en&q=" + run);

			assertThat(lateInQueue).contains("open-" + late.number(), "answer-overdue-" + late.number());
			assertThat(inTimeInQueue).contains("open-" + inTime.number()).doesNotContain("answer-overdue-");
			assertThat(lateDeclaration).contains("id=\"task-answer-by-CUSTOMS\"", "id=\"task-answer-overdue-CUSTOMS\"");
			assertThat(inTimeDeclaration).contains("id=\"task-answer-by-CUSTOMS\"")
				.doesNotContain("task-answer-overdue-CUSTOMS");
			assertThat(declarantsList).contains("answer-by-" + late.number(), "answer-overdue-" + late.number(),
					"answer-by-" + inTime.number()).doesNotContain("answer-overdue-" + inTime.number());
		}
		finally {
			// Officers' other tests read the queried list: this one takes its questions back out of it.
			for (var submitted : List.of(late, inTime)) {
				declarations.withdraw(trader, submitted.id(), "test over", null);
			}
		}
		assertThat(store.find(late.id()).orElseThrow().task("CUSTOMS").answerBy())
			.as("withdrawn: the question is answered by nobody, no date is left to meet").isNull();
	}

	@Test
	void aQueriedTaskWaitsSinceItsQuestionNotSinceItsRouting() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		List<Declarations.Submission> queried = queriedByCustoms(trader, UUID.randomUUID().toString(), "A", "B");
		var askedToday = queried.get(0);
		var askedLastWeek = queried.get(1);
		// Both were routed ten days ago; the officer asked about one today, about the other a week ago.
		Instant now = time.now();
		jdbc.sql("UPDATE agency_task SET created_at = ? WHERE id = ?")
			.params(Timestamp.from(now.minus(Duration.ofDays(10))), customsTask(jdbc, askedToday.id())).update();
		jdbc.sql("UPDATE agency_task SET created_at = ?, decided_at = ? WHERE id = ?")
			.params(Timestamp.from(now.minus(Duration.ofDays(10))), Timestamp.from(now.minus(Duration.ofDays(7))),
					customsTask(jdbc, askedLastWeek.id()))
			.update();
		try {
			Cookie customs = logIn("officer.customs");
			String chip = trader.enterprise().value();
			String waitingThreeDays = page(customs, "/agency/queue?lang=en&status=QUERIED&olderThanDays=3&q=" + chip);
			String oldestFirst = page(customs, "/agency/queue?lang=en&status=QUERIED&q=" + chip);

			assertThat(waitingThreeDays).as("asked a week ago").contains("open-" + askedLastWeek.number())
				.as("asked today, though routed ten days ago").doesNotContain("open-" + askedToday.number());
			assertThat(oldestFirst).contains(">Asked on<");
			assertThat(oldestFirst.indexOf("open-" + askedLastWeek.number()))
				.isLessThan(oldestFirst.indexOf("open-" + askedToday.number()));
			assertThat(oldestFirst).contains("id=\"waiting-since-" + askedToday.number() + "\">"
					+ java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").format(jdbc
						.sql("SELECT decided_at FROM agency_task WHERE id = ?").param(customsTask(jdbc, askedToday.id()))
						.query(Timestamp.class).single().toInstant().atZone(BusinessTime.ZONE)) + "<");
		}
		finally {
			for (var submitted : List.of(askedToday, askedLastWeek)) {
				declarations.withdraw(trader, submitted.id(), "test over", null);
			}
		}
	}

	/**
	 * Declarations of processors at three times the zone's usual unit price, one per reference (under {@code run}):
	 * customs' officer looks at each (YELLOW) and asks why.
	 */
	private List<Declarations.Submission> queriedByCustoms(Actor trader, String run, String... references) {
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(trader.enterprise())
			.usualUnitPrice("8542319000", "C62", "20");
		Actor customsOfficer = actors.actorFor("sw-demo-officer.customs").orElseThrow();
		List<Declarations.Submission> queried = new ArrayList<>();
		for (String reference : references) {
			var submitted = declarations.submit(trader, DeclarationWorkbooks.Entry
				.of(overpriced(chipDeclaration(reference, run + "-" + reference, null))).draft(new ArrayList<>()),
					run + "-" + reference);
			declarations.decide(customsOfficer, customsTask(jdbc, submitted.id()), Declarations.Decision.QUERY,
					"Why three times the usual price?", null);
			queried.add(submitted);
		}
		return queried;
	}

	/** The customs task of a declaration. */
	static UUID customsTask(JdbcClient jdbc, UUID declaration) {
		return jdbc.sql("SELECT id FROM agency_task WHERE declaration_id = ? AND agency = 'CUSTOMS'").param(declaration)
			.query(UUID.class).single();
	}

	private void submitThroughTheBatchJob(Actor trader, List<BatchedDeclaration> declarationsOfTheBatch) {
		UUID batchId = batches.preview(trader, "WORKBOOK", declarationsOfTheBatch);
		assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (batches.find(trader, batchId).orElseThrow().pending() > 0) {
			job.submitPending(time.now());
			assertThat(System.nanoTime()).as("the batch worked off within a minute").isLessThan(deadline);
		}
	}

	/** The declaration with its processors at 60 USD a unit instead of 20. */
	static BatchedDeclaration overpriced(BatchedDeclaration declaration) {
		Map<String, String> fields = new LinkedHashMap<>(declaration.fields());
		fields.replaceAll((field, value) -> field.endsWith("value") && value.equals("4000") ? "12000" : value);
		return new BatchedDeclaration(declaration.reference(), declaration.source(), fields, declaration.sources(),
				declaration.problems());
	}

	/** How many tasks the page lists. */
	private static long shownTasks(String page) {
		return java.util.regex.Pattern.compile("id=\"open-XM").matcher(page).results().count();
	}

	private long customsTasksPending() {
		return jdbc.sql("""
				SELECT count(*) FROM agency_task t JOIN declaration d ON d.id = t.declaration_id
				WHERE t.agency = 'CUSTOMS' AND t.status = 'PENDING' AND d.status IN ('UNDER_REVIEW', 'QUERIED')""")
			.query(Long.class).single();
	}

	private long cleared() {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE status = 'CLEARED'").query(Long.class).single();
	}

	private String page(Cookie session, String address, Object... variables) throws Exception {
		var response = mvc.perform(get(address, variables).cookie(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private Cookie logIn(String user) throws Exception {
		var response = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse();
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("session cookie for " + user).isNotNull();
		return session;
	}
}
