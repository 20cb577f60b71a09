package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Officers' work: the queue narrows by task status, waiting time and enterprise and sorts by enterprise name; a
 * decision is confirmed on the page; each officer's menu holds what their agency uses, the current page marked.
 */
class OfficerScreensBrowserTests extends BrowserTestCase {

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
}
