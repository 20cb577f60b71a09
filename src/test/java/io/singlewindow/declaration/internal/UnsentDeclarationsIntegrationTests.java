package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/**
 * 暂存: a declarant saves a half-filled form for later, finds it on the declarations list, a colleague (or its broker)
 * finishes and sends it — once: a form sent, or saved again by someone else since it was opened, is not sent a second
 * time. Nothing of it is checked until it is sent, but nothing a database cannot hold is stored, and another
 * enterprise neither sees nor opens it.
 */
class UnsentDeclarationsIntegrationTests extends CustomsDeskTestCase {

	@Autowired
	UnsentDeclarations unsent;

	@Autowired
	DeclarationsWaiting waiting;

	@Autowired
	io.singlewindow.identity.KeyedActors actors;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void aFormSavedForLaterIsFinishedAndSentOnceAndOnlyItsDeclarantsPeopleSeeIt() throws Exception {
		Map<String, String> half = new LinkedHashMap<>(Map.of("declarant", DeclarationCorrectionIntegrationTests.CHIP,
				"flow", "IMPORT", "port", "CNXMN", "items[0].hsCode", "8542319000", "items[0].description", "processors",
				"items[0].value", "not yet known", "somethingElse", "not a field of the form"));
		half.put("saveUnsent", "1");
		long waitingBefore = unsentWaiting("trader.chip");
		long waitingForCoffee = unsentWaiting("trader.coffee");
		MockHttpServletResponse saved = desk.pagePost("trader.chip", "/declarations/new", half);
		assertThat(saved.getRedirectedUrl()).startsWith("/declarations/new?unsent=").endsWith("&saved");
		String id = saved.getRedirectedUrl().replaceAll(".*unsent=([0-9a-f-]+).*", "$1");
		assertThat(stored(id)).as("as typed, nothing checked; only the form's own fields")
			.contains("\"items[0].value\": \"not yet known\"").doesNotContain("somethingElse");

		String opened = desk.page("trader.chip", saved.getRedirectedUrl());
		assertThat(opened).contains("Saved for later by trader.chip", "id=\"unsent\"", "value=\"" + id + "\"",
				"value=\"CNXMN\"", "value=\"not yet known\"");
		assertThat(desk.page("trader.chip", "/declarations")).contains("id=\"unsent-" + id + "\"",
				"8542319000 processors");
		assertThat(desk.page("broker", "/declarations")).as("the broker declaring for the chip maker")
			.contains("id=\"unsent-" + id + "\"");
		assertThat(desk.page("trader.coffee", "/declarations")).as("another enterprise")
			.doesNotContain("id=\"unsent-" + id + "\"");
		assertThat(desk.statusOf("trader.coffee", "/declarations/new?unsent=" + id)).isEqualTo(404);
		assertThat(unsentWaiting("trader.chip")).as("its home page counts it").isEqualTo(waitingBefore + 1);
		assertThat(unsentWaiting("broker")).isPositive();
		assertThat(unsentWaiting("trader.coffee")).as("another enterprise's").isEqualTo(waitingForCoffee);
		assertThat(desk.page("trader.chip", "/")).contains("saved for later wait",
				"href=\"/declarations#unsent-declarations\"");

		// The broker saves it again; the trader, who opened it before, cannot overwrite that unseen.
		Map<String, String> again = new LinkedHashMap<>(half);
		again.putAll(Map.of("unsent", id, "unsentVersion", "1", "tradeMode", "0110"));
		assertThat(desk.pagePost("broker", "/declarations/new", again).getRedirectedUrl()).contains(id);
		MockHttpServletResponse stale = desk.pagePost("trader.chip", "/declarations/new", again);
		assertThat(stale.getRedirectedUrl()).isNull();
		assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("saved again by broker since you opened it");

		// Finished at version 2 and sent: a declaration, and the form is no longer kept.
		Map<String, String> finished = complete();
		finished.putAll(Map.of("unsent", id, "unsentVersion", "2"));
		long declaredBefore = declarationsOfTheChipMaker();
		MockHttpServletResponse sent = desk.pagePost("trader.chip", "/declarations/new", finished);
		assertThat(sent.getRedirectedUrl()).startsWith("/declarations/").doesNotContain("new");
		assertThat(declarationsOfTheChipMaker()).isEqualTo(declaredBefore + 1);
		assertThat(rows(id)).as("sent: no longer kept").isZero();
		assertThat(desk.page("trader.chip", "/declarations")).doesNotContain("id=\"unsent-" + id + "\"");

		// The same form sent a second time (another tab, a colleague): refused, nothing declared twice.
		MockHttpServletResponse twice = desk.pagePost("trader.chip", "/declarations/new", finished);
		assertThat(twice.getRedirectedUrl()).isNull();
		assertThat(twice.getContentAsString(StandardCharsets.UTF_8)).contains("was sent or deleted since you opened it");
		assertThat(declarationsOfTheChipMaker()).isEqualTo(declaredBefore + 1);
	}

	@Test
	void whatADatabaseCannotHoldIsRefusedAtItsFieldAndAFormIsDeletedOnlyByItsDeclarantsPeople() throws Exception {
		long before = rowsOfTheChipMaker();
		// A NUL, which PostgreSQL's JSON cannot hold, is refused before any page reads it; an endless value at its field.
		MockHttpServletResponse nul = desk.pagePost("trader.chip", "/declarations/new",
				Map.of("port", "CN\u0000XMN", "saveUnsent", "1"));
		assertThat(nul.getStatus()).isEqualTo(400);
		MockHttpServletResponse endless = desk.pagePost("trader.chip", "/declarations/new",
				Map.of("consignee", "x".repeat(600), "saveUnsent", "1"));
		assertThat(endless.getRedirectedUrl()).isNull();
		assertThat(endless.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"consignee-error\"");
		MockHttpServletResponse escape = desk.pagePost("trader.chip", "/declarations/new",
				Map.of("consignee", "Egret\u001b[2J", "saveUnsent", "1"));
		assertThat(escape.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"consignee-error\"");
		assertThat(rowsOfTheChipMaker()).as("nothing stored").isEqualTo(before);

		String id = desk.pagePost("trader.chip", "/declarations/new", Map.of("port", "CNXMN", "saveUnsent", "1"))
			.getRedirectedUrl().replaceAll(".*unsent=([0-9a-f-]+).*", "$1");
		assertThat(desk.pagePost("trader.coffee", "/declarations/unsent/" + id + "/delete", Map.of()).getStatus())
			.isEqualTo(404);
		assertThat(rows(id)).isOne();
		MockHttpServletResponse deleted = desk.pagePost("trader.chip", "/declarations/unsent/" + id + "/delete",
				Map.of());
		assertThat(deleted.getRedirectedUrl()).isEqualTo("/declarations?unsentDeleted");
		assertThat(rows(id)).isZero();
		assertThat(desk.statusOf("trader.chip", "/declarations/new?unsent=" + id)).isEqualTo(404);
		assertThat(desk.statusOf("trader.chip", "/declarations/new?unsent=not-an-id")).isEqualTo(400);
	}

	/**
	 * A form is kept 90 days after its last save, a day its list shows; past it nobody lists, counts or opens it, and
	 * the sweep deletes it.
	 */
	@Test
	void aFormUntouchedForNinetyDaysIsNoLongerKept() throws Exception {
		java.time.Instant now = time.now();
		long waitingBefore = unsentWaiting("trader.chip");
		UUID lately = savedAgo(java.time.Duration.ofDays(89));
		UUID tooLong = savedAgo(java.time.Duration.ofDays(90).plusMinutes(1));
		try {
			String list = desk.page("trader.chip", "/declarations");
			String keptUntil = java.time.LocalDate.ofInstant(now.plus(java.time.Duration.ofDays(1)),
					io.singlewindow.platform.BusinessTime.ZONE).toString();
			assertThat(list).contains("id=\"unsent-" + lately + "\"")
				.containsPattern("id=\"unsent-kept-until-" + lately + "\">" + keptUntil + "<")
				.doesNotContain("id=\"unsent-" + tooLong + "\"");
			assertThat(desk.page("trader.chip", "/declarations/new?unsent=" + lately)).contains("Kept until " + keptUntil);
			assertThat(desk.statusOf("trader.chip", "/declarations/new?unsent=" + tooLong)).isEqualTo(404);
			assertThat(unsentWaiting("trader.chip")).as("the home page counts the one still kept")
				.isEqualTo(waitingBefore + 1);

			assertThat(unsent.forgetThoseKeptTooLong()).isPositive();
			assertThat(rows(tooLong.toString())).isZero();
			assertThat(rows(lately.toString())).isOne();
			assertThat(unsent.forgetThoseKeptTooLong()).as("nothing left to forget").isZero();
		}
		finally {
			jdbc.sql("DELETE FROM declaration_unsent WHERE id IN (?, ?)").params(lately, tooLong).update();
		}
	}

	/**
	 * A week before a form's keeping day ends, its declarant's home page says so, while there is time to finish it or
	 * save it again; a form saved again is kept from then and no longer said to end.
	 */
	@Test
	void theHomePageWarnsAWeekBeforeAFormSavedForLaterIsDeleted() throws Exception {
		java.time.Instant now = time.now();
		assertThat(ending("trader.chip")).as("nothing near its day").isEmpty();
		UUID notYet = savedAgo(java.time.Duration.ofDays(90 - UnsentDeclarations.ENDING_NOTICE_DAYS).minusMinutes(1));
		UUID nextWeek = savedAgo(java.time.Duration.ofDays(90 - UnsentDeclarations.ENDING_NOTICE_DAYS).plusMinutes(1));
		UUID tomorrow = savedAgo(java.time.Duration.ofDays(89));
		try {
			String keptUntil = java.time.LocalDate.ofInstant(now.plus(java.time.Duration.ofDays(1)),
					io.singlewindow.platform.BusinessTime.ZONE).toString();
			assertThat(ending("trader.chip")).singleElement().satisfies(n -> {
				assertThat(n.arguments()).element(1).isEqualTo(2L);
				assertThat(n.arguments()).element(2).isEqualTo(keptUntil);
				assertThat(n.arguments()).element(3).isEqualTo(UnsentDeclarations.ENDING_NOTICE_DAYS);
				assertThat(n.path()).isEqualTo("/declarations#unsent-declarations");
				assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(), java.util.Locale.ENGLISH))
					.startsWith("2 declaration forms saved for later are deleted within 7 days unless finished or "
							+ "saved again (the first is kept until " + keptUntil + ")");
				assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(),
						java.util.Locale.SIMPLIFIED_CHINESE)).contains("其中 2 份将在 7 天内删除（最早一份保留至 " + keptUntil);
			});
			assertThat(desk.page("broker", "/")).as("the broker declaring for the chip maker")
				.contains("deleted within 7 days unless finished or saved again");
			assertThat(ending("trader.coffee")).as("another enterprise").isEmpty();

			for (UUID form : java.util.List.of(tomorrow, nextWeek)) {
				assertThat(desk.pagePost("trader.chip", "/declarations/new", Map.of("unsent", form.toString(),
						"unsentVersion", "1", "port", "CNXMN", "saveUnsent", "1")).getRedirectedUrl()).contains("&saved");
			}
			assertThat(ending("trader.chip")).as("saved again: kept ninety days from now").isEmpty();
			assertThat(unsentWaiting("trader.chip")).as("still waiting to be sent").isGreaterThanOrEqualTo(3);
		}
		finally {
			jdbc.sql("DELETE FROM declaration_unsent WHERE id IN (?, ?, ?)").params(notYet, nextWeek, tomorrow).update();
		}
	}

	private java.util.List<io.singlewindow.core.Notice> ending(String user) {
		return waiting.noticesFor(actors.actorFor("sw-demo-" + user).orElseThrow()).stream()
			.filter(n -> n.messageKey().equals("declaration.home.unsentEnding")).toList();
	}

	/** A form of the chip maker with a port, last saved {@code ago}. */
	private UUID savedAgo(java.time.Duration ago) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO declaration_unsent (id, declarant, saved_by, saved_at, fields, version)
				VALUES (?, ?, 'trader.chip', ?, '{"port": "CNXMN"}', 1)""")
			.params(id, DeclarationCorrectionIntegrationTests.CHIP, Timestamp.from(time.now().minus(ago))).update();
		return id;
	}

	@Test
	void anEnterpriseKeepsAtMostAHundredFormsForLater() {
		Uscc enterprise = Uscc.issue("91350200MA31CAP01");
		Actor trader = new Actor(UUID.randomUUID(), "trader.unsent", "Trader", Role.TRADER, enterprise, null, Set.of());
		for (int i = 0; i < UnsentDeclarations.KEPT - 1; i++) {
			jdbc.sql("""
					INSERT INTO declaration_unsent (id, declarant, saved_by, saved_at, fields, version)
					VALUES (?, ?, 'trader.unsent', ?, '{}', 1)""")
				.params(UUID.randomUUID(), enterprise.value(), Timestamp.from(time.now())).update();
		}
		// One more, past its keeping day: no longer kept, so not counted against the hundred.
		jdbc.sql("""
				INSERT INTO declaration_unsent (id, declarant, saved_by, saved_at, fields, version)
				VALUES (?, ?, 'trader.unsent', ?, '{}', 1)""")
			.params(UUID.randomUUID(), enterprise.value(), Timestamp.from(time.now().minus(java.time.Duration.ofDays(91))))
			.update();
		try {
			unsent.save(trader, null, null, Map.of("port", "CNXMN"));
			assertThatThrownBy(() -> unsent.save(trader, null, null, Map.of("port", "CNXMN")))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("UNSENT_DECLARATIONS_TOO_MANY"));
			assertThat(jdbc.sql("SELECT count(*) FROM declaration_unsent WHERE declarant = ?").param(enterprise.value())
				.query(Long.class).single()).isEqualTo(UnsentDeclarations.KEPT + 1);
		}
		finally {
			jdbc.sql("DELETE FROM declaration_unsent WHERE declarant = ?").param(enterprise.value()).update();
		}
	}

	/** How many forms saved for later the person's home page says wait: 0 when it says nothing of them. */
	private long unsentWaiting(String user) {
		return waiting.noticesFor(actors.actorFor("sw-demo-" + user).orElseThrow()).stream()
			.filter(n -> n.messageKey().startsWith("declaration.home.unsent")).map(n -> (Long) n.arguments().getFirst())
			.findFirst().orElse(0L);
	}

	/** A whole import of processors as the form sends it. */
	private static Map<String, String> complete() {
		Map<String, String> form = new LinkedHashMap<>(Map.of("declarant", DeclarationCorrectionIntegrationTests.CHIP,
				"flow", "IMPORT", "tradeMode", "0110", "transportMode", "2", "port", "CNXMN", "originCountry", "US",
				"destinationCountry", "CN", "tradingCountry", "US", "currency", "USD", "incoterm", "FOB"));
		form.putAll(Map.of("freight", "100", "packages", "3", "grossWeight", "12", "netWeight", "10",
				"items[0].hsCode", "8542319000",
				"items[0].description", "processors", "items[0].quantity", "150", "items[0].unit", "C62",
				"items[0].value", "3000", "items[0].origin", "US"));
		return form;
	}

	private String stored(String id) {
		return jdbc.sql("SELECT fields::text FROM declaration_unsent WHERE id = ?").param(UUID.fromString(id))
			.query(String.class).single();
	}

	private long rows(String id) {
		return jdbc.sql("SELECT count(*) FROM declaration_unsent WHERE id = ?").param(UUID.fromString(id))
			.query(Long.class).single();
	}

	private long rowsOfTheChipMaker() {
		return jdbc.sql("SELECT count(*) FROM declaration_unsent WHERE declarant = ?")
			.param(DeclarationCorrectionIntegrationTests.CHIP).query(Long.class).single();
	}

	private long declarationsOfTheChipMaker() {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ?")
			.param(DeclarationCorrectionIntegrationTests.CHIP).query(Long.class).single();
	}

}
