package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Officers' work: every queue (declaration tasks, release list, permit applications) narrows by status, waiting time
 * and enterprise name and sorts, keeping its choices when the language changes; the administrator oversees every
 * agency's queues with a choice of agency; a decision is confirmed on the page; each officer's menu holds what their
 * agency uses, the current page marked.
 */
class OfficerScreensBrowserTests extends BrowserTestCase {

	@Autowired
	JdbcClient jdbc;

	String usccOf(String user) {
		return jdbc.sql("SELECT uscc FROM user_account WHERE username = ?").param(user).query(String.class).single();
	}

	/**
	 * The reference of the trader's application for {@code code} waiting at commerce, applied for now unless one is
	 * already waiting (one per enterprise and permit; other tests of the suite apply too), submitted {@code ago}.
	 */
	String waitingApplication(String trader, String code, String goods, java.time.Duration ago) throws Exception {
		String uscc = usccOf(trader);
		try {
			api.applyForCommercePermit(trader, uscc, code, goods);
		} catch (IllegalStateException alreadyWaiting) {
			assertThat(alreadyWaiting).hasMessageContaining("409");
		}
		String reference = jdbc.sql("""
				SELECT reference FROM permit_application
				WHERE applicant_uscc = ? AND catalogue_code = ? AND status = 'UNDER_REVIEW'""")
			.params(uscc, code).query(String.class).single();
		jdbc.sql("UPDATE permit_application SET submitted_at = ? WHERE reference = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(ago)), reference).update();
		return reference;
	}

	List<String> rows(String table) {
		return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
			.map(WebElement::getText).toList();
	}

	/** The rows of a queue table that mention one of {@code references}, in the order shown. */
	List<String> shownOf(String table, String... references) {
		return rows(table).stream()
			.flatMap(row -> java.util.Arrays.stream(references).filter(row::contains).limit(1))
			.toList();
	}

	List<String> queueNumbers() {
		return browser.driver().findElements(By.cssSelector("#queue tbody tr td:first-child a")).stream()
			.map(WebElement::getText).toList();
	}

	@Test
	void theQueueShowsQueriedTasksApartFiltersByAgeAndSortsByEnterpriseName() throws Exception {
		String chips = api.submitPerfumeImport("trader.chip");
		String coffee = api.submitPerfumeImport("trader.coffee");
		String queried = api.submitPerfumeImport("trader.chip");
		api.decide(queried, "CIQ", "QUERY", "Which fragrance concentration?");
		logIn("officer.ciq");

		browser.open("/agency/queue?lang=en");
		assertThat(queueNumbers()).contains(api.number(chips), api.number(coffee)).doesNotContain(api.number(queried));

		browser.select("status", "QUERIED");
		browser.click("queue-filter-submit");
		browser.waitFor(By.cssSelector("#status option[value='QUERIED'][selected]"));
		assertThat(queueNumbers()).contains(api.number(queried)).doesNotContain(api.number(chips));
		assertThat(browser.wordsCutAcrossLines("queue")).isEmpty();
		browser.screenshot("officer-queue-queried-en");

		browser.open("/agency/queue?lang=en&olderThanDays=1");
		assertThat(queueNumbers()).as("submitted a moment ago").doesNotContain(api.number(chips), api.number(coffee));

		browser.open("/agency/queue?lang=zh_CN&sort=enterprise");
		List<String> names = browser.driver().findElements(By.cssSelector("#queue tbody tr td:nth-child(2) span"))
			.stream().map(WebElement::getText).toList();
		assertThat(names).hasSizeGreaterThan(1);
		java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(names).isSortedAccordingTo(collator::compare);
		assertThat(browser.text(By.id("queue"))).doesNotContain("OFFICER_REVIEW");
		browser.screenshot("officer-queue-by-enterprise-zh");
	}

	@Test
	void anOfficersDecisionIsConfirmedOnThePageInEitherLanguage() throws Exception {
		String id = api.submitPerfumeImport("trader.coffee");
		logIn("officer.ciq");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		browser.click("approve-CIQ");
		assertThat(browser.text(By.id("recorded"))).isEqualTo("已记录：您已代表本部门批准该报关单。");

		String other = api.submitPerfumeImport("trader.coffee");
		browser.open("/declarations/" + other + "?lang=en");
		browser.type("reason-CIQ", "Send the safety data sheet.");
		browser.click("query-CIQ");
		assertThat(browser.text(By.id("recorded")))
			.isEqualTo("Recorded: your question was sent to the declarant; the task waits for the answer.");
		browser.screenshot("officer-decision-recorded-en");
	}

	@Test
	void eachOfficersMenuHoldsWhatTheirAgencyUsesWithTheCurrentPageMarked() {
		logIn("officer.ciq");
		browser.open("/permits/queue?lang=en");
		assertThat(browser.driver().findElements(By.cssSelector("nav.mainnav a[href='/risk/assessments']"))).isEmpty();
		assertThat(browser.attribute(By.cssSelector("nav.mainnav a[href='/permits/queue']"), "aria-current"))
			.isEqualTo("page");
		assertThat(browser.driver().findElements(By.cssSelector("nav.mainnav a[aria-current]"))).hasSize(1);

		browser.driver().manage().deleteAllCookies();
		logIn("officer.customs");
		browser.open("/risk/assessments?lang=en");
		assertThat(browser.attribute(By.cssSelector("nav.mainnav a[href='/risk/assessments']"), "aria-current"))
			.isEqualTo("page");
	}

	@Test
	void thePermitQueueNarrowsByStatusAgeAndEnterpriseNameSortsAndKeepsItsChoicesInTheOtherLanguage() throws Exception {
		String chip = waitingApplication("trader.chip", "AIL", "8471300000", java.time.Duration.ofHours(2));
		String coffee = waitingApplication("trader.coffee", "AIL", "8471300000", java.time.Duration.ofHours(1));
		String waiting = waitingApplication("trader.coffee", "EXPORT_LICENCE", "2611000000",
				java.time.Duration.ofDays(5));
		logIn("officer.commerce");

		browser.open("/permits/queue?lang=en");
		assertThat(shownOf("queue-table", chip, coffee, waiting)).containsExactlyInAnyOrder(chip, coffee, waiting);
		browser.type("q", "Haicang Coffee");
		browser.select("olderThanDays", "3");
		browser.click("permit-queue-filter-submit");
		browser.waitFor(By.cssSelector("#olderThanDays option[value='3'][selected]"));
		assertThat(shownOf("queue-table", chip, coffee, waiting)).as("the coffee importer's, waiting > 3 days")
			.containsExactly(waiting);
		browser.screenshot("permit-queue-filtered-en");

		browser.click("lang-zh");
		browser.waitFor(By.cssSelector("html[lang='zh-CN']"));
		assertThat(browser.value("q")).isEqualTo("Haicang Coffee");
		assertThat(browser.attribute(By.cssSelector("#olderThanDays option[selected]"), "value")).isEqualTo("3");
		assertThat(shownOf("queue-table", chip, coffee, waiting)).containsExactly(waiting);
		assertThat(browser.text(By.id("queue-table"))).contains("厦门海沧咖啡贸易有限公司（演示）");

		browser.open("/permits/queue?lang=zh_CN&status=DOCUMENTS_REQUESTED");
		assertThat(shownOf("queue-table", chip, coffee, waiting)).isEmpty();
		browser.open("/permits/queue?lang=zh_CN&status=UNDER_REVIEW&q=" + chip);
		assertThat(shownOf("queue-table", chip, coffee, waiting)).containsExactly(chip);

		browser.open("/permits/queue?lang=zh_CN&sort=enterprise");
		List<String> names = browser.driver().findElements(By.cssSelector("#queue-table tbody tr td:nth-child(3) span"))
			.stream().map(WebElement::getText).toList();
		assertThat(names).hasSizeGreaterThan(1);
		assertThat(names).isSortedAccordingTo(java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE)::compare);
		browser.open("/permits/queue?lang=en&sort=newest");
		assertThat(shownOf("queue-table", chip, coffee, waiting)).containsExactly(coffee, chip, waiting);
		browser.open("/permits/queue?lang=en&sort=oldest");
		assertThat(shownOf("queue-table", chip, coffee, waiting)).containsExactly(waiting, chip, coffee);
		browser.screenshot("permit-queue-oldest-en");
	}

	@Test
	void theReleaseListNarrowsByEnterpriseNameAndSortsEitherWay() throws Exception {
		String first = api.submitPerfumeImport("trader.coffee");
		String second = api.submitPerfumeImport("trader.coffee");
		String other = api.submitPerfumeImport("trader.chip");
		for (String declaration : List.of(first, second, other)) {
			api.approveAllPending(declaration);
		}
		String firstNumber = api.number(first);
		String secondNumber = api.number(second);
		String otherNumber = api.number(other);
		logIn("officer.customs");

		browser.open("/agency/queue?lang=zh_CN&q=" + java.net.URLEncoder.encode("海沧咖啡", java.nio.charset.StandardCharsets.UTF_8)
				+ "&sort=oldest");
		assertThat(shownOf("release-table", firstNumber, secondNumber, otherNumber))
			.containsExactly(firstNumber, secondNumber);
		browser.select("sort", "newest");
		browser.click("queue-filter-submit");
		browser.waitFor(By.cssSelector("#sort option[value='newest'][selected]"));
		assertThat(shownOf("release-table", firstNumber, secondNumber, otherNumber))
			.containsExactly(secondNumber, firstNumber);
		browser.click("lang-en");
		browser.waitFor(By.cssSelector("html[lang='en']"));
		assertThat(browser.value("q")).isEqualTo("海沧咖啡");
		assertThat(shownOf("release-table", firstNumber, secondNumber, otherNumber))
			.containsExactly(secondNumber, firstNumber);
		browser.screenshot("release-list-newest-en");
	}

	@Test
	void theAdministratorOverseesEveryAgencysQueuesAndNarrowsThemToOneAgency() throws Exception {
		String declaration = api.submitPerfumeImport("trader.chip");
		String number = api.number(declaration);
		String licence = waitingApplication("trader.chip", "AIL", "8471300000", java.time.Duration.ofHours(3));
		logIn("admin");

		browser.open("/agency/queue?lang=en&q=" + number);
		assertThat(browser.text(By.cssSelector("section.card h1"))).endsWith("All agencies");
		assertThat(browser.text(By.id("queue"))).as("the agency column").contains("Inspection & quarantine");
		browser.waitFor(By.id("open-CIQ-" + number));
		browser.waitFor(By.id("release-queue"));
		browser.select("agency", "CUSTOMS");
		browser.click("queue-filter-submit");
		browser.waitFor(By.cssSelector("#agency option[value='CUSTOMS'][selected]"));
		assertThat(browser.driver().findElements(By.id("open-CIQ-" + number))).isEmpty();
		browser.waitFor(By.id("release-queue"));
		browser.select("agency", "CIQ");
		browser.click("queue-filter-submit");
		browser.waitFor(By.cssSelector("#agency option[value='CIQ'][selected]"));
		assertThat(browser.driver().findElements(By.id("open-CIQ-" + number))).hasSize(1);
		assertThat(browser.driver().findElements(By.id("release-queue"))).as("customs' list, not CIQ's").isEmpty();
		browser.click("lang-zh");
		browser.waitFor(By.cssSelector("html[lang='zh-CN']"));
		assertThat(browser.attribute(By.cssSelector("#agency option[selected]"), "value")).isEqualTo("CIQ");
		assertThat(browser.driver().findElements(By.id("open-CIQ-" + number))).hasSize(1);
		assertThat(browser.wordsCutAcrossLines("queue")).as("a Chinese heading is one word: 进出口, not 进出/口").isEmpty();
		browser.screenshot("admin-queue-ciq-zh");

		browser.open("/permits/queue?lang=en&agency=COMMERCE&q=" + licence);
		assertThat(shownOf("queue-table", licence)).containsExactly(licence);
		browser.open("/permits/queue?lang=en&agency=CIQ&q=" + licence);
		assertThat(shownOf("queue-table", licence)).isEmpty();
		browser.open("/permits/queue?lang=en&q=" + licence);
		assertThat(browser.text(By.id("queue-table"))).contains(licence, "Commerce");

		// An officer sees their own agency's queue whatever the address asks for, and is offered no other.
		browser.forget();
		logIn("officer.ciq");
		browser.open("/agency/queue?lang=en&agency=CUSTOMS&q=" + number);
		assertThat(browser.driver().findElements(By.id("agency"))).isEmpty();
		browser.waitFor(By.id("open-" + number));
		assertThat(browser.driver().findElements(By.id("release-queue"))).isEmpty();
	}
}
