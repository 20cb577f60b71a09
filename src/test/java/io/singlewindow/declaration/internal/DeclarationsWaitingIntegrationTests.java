package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.DeclarationBatchIntegrationTests.chipDeclaration;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.singlewindow.core.Notice;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;

/**
 * 待办事项 on the home pages: an officer reads how many declarations wait for the agency's decision and how many of
 * its questions went unanswered past their day, customs' officers also the applications to cancel; a declarant reads
 * how many of its declarations are queried and when the first answer is due. Each hears only of what is its own to act
 * on. Other tests' declarations may wait too, so each count is compared with the one read before.
 */
class DeclarationsWaitingIntegrationTests extends CustomsDeskTestCase {

	@Autowired
	Declarations declarations;

	@Autowired
	KeyedActors actors;

	@Autowired
	DeclarationsWaiting waiting;

	@Test
	void officersAndDeclarantsCountWhatWaitsForThemAndNoOneCountsAnothersWork() throws Exception {
		Actor chip = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		Actor coffee = actor("trader.coffee");
		Actor broker = actor("broker");
		Actor customs = actor("officer.customs");
		Actor ciq = actor("officer.ciq");
		Map<String, Long> customsBefore = counts(customs);
		Map<String, Long> ciqBefore = counts(ciq);
		Map<String, Long> chipBefore = counts(chip);
		Map<String, Long> brokerBefore = counts(broker);
		List<Notice> coffeeBefore = waiting.noticesFor(coffee);

		String run = UUID.randomUUID().toString();
		// Processors at three times the zone's usual unit price: each waits for a customs officer (YELLOW).
		List<UUID> submitted = new ArrayList<>();
		for (String reference : List.of("A", "B")) {
			submitted.add(declarations.submit(chip, DeclarationWorkbooks.Entry
				.of(AgencyQueueIntegrationTests.overpriced(chipDeclaration(reference, run + "-" + reference, null))).draft(new ArrayList<>()),
					run + "-" + reference).id());
		}
		try {
			assertThat(counts(customs)).as("two more wait for customs")
				.containsEntry("declaration.home.tasksWaiting", customsBefore.get("declaration.home.tasksWaiting") + 2);
			assertThat(counts(ciq)).as("nothing more for inspection and quarantine").isEqualTo(ciqBefore);
			assertThat(counts(chip)).as("nothing asked of the declarant yet").isEqualTo(chipBefore);

			UUID question = AgencyQueueIntegrationTests.customsTask(jdbc, submitted.getFirst());
			declarations.decide(customs, question, Declarations.Decision.QUERY,
					"Why three times the usual price?", null);
			assertThat(counts(customs)).containsEntry("declaration.home.tasksWaiting",
					customsBefore.get("declaration.home.tasksWaiting") + 1);
			assertThat(counts(chip)).as("the declarant's question").containsEntry("declaration.home.queried",
					chipBefore.get("declaration.home.queried") + 1);
			assertThat(counts(broker)).as("its broker's, who declares for it").containsEntry("declaration.home.queried",
					brokerBefore.get("declaration.home.queried") + 1);
			assertThat(waiting.noticesFor(coffee)).as("another enterprise").isEqualTo(coffeeBefore);
			Notice asked = waiting.noticesFor(chip).getFirst();
			assertThat(asked.path()).isEqualTo("/declarations?status=QUERIED");
			assertThat(desk.page("trader.chip", "/?lang=zh_CN")).contains("份报关单被提问，等待贵企业答复",
					"href=\"/declarations?status=QUERIED\"");

			// The day to answer by passed: the declarant and customs read it is late.
			jdbc.sql("UPDATE agency_task SET answer_due = ? WHERE id = ?")
				.params(time.today().minusDays(1), question).update();
			assertThat(counts(chip)).containsEntry("declaration.home.late", chipBefore.get("declaration.home.late") + 1);
			assertThat(counts(customs)).containsEntry("declaration.home.answersLate",
					customsBefore.get("declaration.home.answersLate") + 1);
			assertThat(counts(ciq)).isEqualTo(ciqBefore);

			declarations.answer(chip, submitted.getFirst(), io.singlewindow.core.AgencyCode.CUSTOMS,
					"A newer generation of the processor.");
			assertThat(counts(chip)).as("answered").isEqualTo(chipBefore);
			assertThat(counts(customs)).as("back in customs' queue")
				.containsEntry("declaration.home.tasksWaiting", customsBefore.get("declaration.home.tasksWaiting") + 2)
				.containsEntry("declaration.home.answersLate", customsBefore.get("declaration.home.answersLate"));

			// Customs' own lists: an application to cancel a cleared declaration.
			String cleared = desk.cleared("3000", "1000");
			declarations.applyForCancellation(chip, UUID.fromString(cleared), "Shipped twice by mistake", null);
			assertThat(counts(customs)).containsEntry("declaration.home.cancellationsApplied",
					customsBefore.get("declaration.home.cancellationsApplied") + 1);
			assertThat(counts(ciq)).as("customs' business").isEqualTo(ciqBefore);
			declarations.cancel(customs, UUID.fromString(cleared), "Cancelled as applied", null);
			assertThat(counts(customs)).containsEntry("declaration.home.cancellationsApplied",
					customsBefore.get("declaration.home.cancellationsApplied"));

			String home = desk.page("officer.customs", "/");
			assertThat(home).contains("id=\"home-notices\"", "for a decision of your agency, the longest since",
					"href=\"/agency/queue\"");
		}
		finally {
			for (UUID declaration : submitted) {
				declarations.withdraw(chip, declaration, "waiting test", null);
			}
		}
		assertThat(counts(customs)).as("withdrawn").isEqualTo(customsBefore);
	}

	/**
	 * The counts a person's notices carry by what they count: {@code declaration.home.queried} (whatever the
	 * variant) and {@code declaration.home.late} for a declarant; the first argument of each officer's notice.
	 */
	private Map<String, Long> counts(Actor actor) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String key : List.of("declaration.home.tasksWaiting", "declaration.home.answersLate",
				"declaration.home.cancellationsApplied", "declaration.home.correctionsApplied",
				"declaration.home.guaranteesToEnforce", "declaration.home.queried", "declaration.home.late")) {
			counts.put(key, 0L);
		}
		for (Notice notice : waiting.noticesFor(actor)) {
			String key = notice.messageKey();
			if (key.startsWith("declaration.home.queried")) {
				counts.put("declaration.home.queried", (Long) notice.arguments().getFirst());
				if (key.equals("declaration.home.queriedLate")) {
					counts.put("declaration.home.late", (Long) notice.arguments().get(1));
				}
			}
			else {
				counts.put(key, (Long) notice.arguments().getFirst());
			}
		}
		return counts;
	}

	private Actor actor(String username) {
		return actors.actorFor("sw-demo-" + username).orElseThrow();
	}

}
