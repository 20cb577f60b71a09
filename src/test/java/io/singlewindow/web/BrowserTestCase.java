package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * What every browser test class shares: the platform on the suite's database, a Chromium borrowed from the JVM's
 * (given back after the class), the demo accounts' API client, and a fresh (logged-out) browser before each test.
 */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestCase {

	@LocalServerPort
	protected int port;

	protected BrowserSession browser;
	protected SingleWindowClient api;

	@BeforeAll
	void startBrowser() {
		browser = new BrowserSession(port);
		api = new SingleWindowClient(port);
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void startLoggedOut() {
		browser.forget();
	}

	/** Logs in with a demo account and waits for its home page. */
	protected void logIn(String user) {
		browser.logInAs(user, "demo12345");
		browser.waitFor(By.cssSelector("section.home"));
	}

	/** The border (or ring) a refused field shows: the layout's "bad" red (#b3261e). */
	protected static final String RED = "rgba(179, 38, 30, 1)";

	/** Submits the form as it is, without the browser's own required-field check, as a script-less client would. */
	protected void submitAsIs(String formId) {
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).submit()", formId);
	}

	/** The summary has the focus and every field it links to is marked invalid and red; returns the linked ids. */
	protected List<String> assertSummaryLeadsToInvalidFields(String screenshot) throws Exception {
		WebElement summary = browser.waitFor(By.id("correction-summary"));
		assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("correction-summary");
		List<String> targets = summary.findElements(By.cssSelector("a[href^='#']")).stream()
			.map(a -> a.getDomAttribute("href").substring(1)).distinct().toList();
		assertThat(targets).isNotEmpty();
		for (String id : targets) {
			WebElement field = browser.driver().findElement(By.id(id));
			assertThat(field.getDomAttribute("aria-invalid")).as(id).isEqualTo("true");
			// A red border, or for a native check box (which draws no border) a red ring.
			assertThat(List.of(field.getCssValue("border-top-color"), field.getCssValue("outline-color"))).as(id)
				.contains(RED);
		}
		browser.screenshot(screenshot);
		return targets;
	}
}
