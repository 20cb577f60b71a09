package io.singlewindow.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/** The routing table as an administrator reads and edits it: one row per rule, in words, an edit page per rule. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingBrowserTests {

	@LocalServerPort
	int port;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anAdministratorReadsOneRowPerRuleInWordsAndEditsARuleOnItsPage() throws Exception {
		browser.logInAs("admin", "demo12345");
		browser.waitFor(By.cssSelector("section.home"));
		browser.open("/admin/routing?lang=en");
		WebElement row = browser.waitFor(By.id("rule-CIQ_SUPERVISION_AB"));
		List<WebElement> cells = row.findElements(By.tagName("td"));
		assertThat(cells).hasSameSizeAs(browser.driver().findElements(By.cssSelector("#routing-rules thead th")));
		assertThat(cells.get(2).getText()).isEqualTo("Supervision condition of the tariff line");
		assertThat(browser.text(By.id("rule-PERMIT_ISSUING_AGENCY"))).contains("the permit's issuing agency");
		browser.screenshot("routing-rules-en");

		browser.click("edit-CIQ_SUPERVISION_AB");
		assertThat(browser.value("agency")).isEqualTo("CIQ");
		browser.type("priority", "31");
		browser.click("save-rule");
		assertThat(browser.waitFor(By.id("routing-saved")).isDisplayed()).isTrue();
		assertThat(browser.text(By.id("rule-CIQ_SUPERVISION_AB"))).contains("31");
		// Back as it was: other tests share the routing table.
		browser.click("edit-CIQ_SUPERVISION_AB");
		browser.type("priority", "30");
		browser.click("save-rule");
		browser.waitFor(By.id("routing-saved"));

		browser.open("/admin/routing?lang=zh_CN");
		assertThat(browser.text(By.id("rule-CIQ_SUPERVISION_AB"))).contains("税则号列的监管条件");
		browser.screenshot("routing-rules-zh");
	}
}
