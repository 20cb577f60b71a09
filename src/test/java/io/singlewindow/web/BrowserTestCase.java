package io.singlewindow.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * What every browser test class shares: the platform on the suite's database, one Chromium for the class, the demo
 * accounts' API client, and a fresh (logged-out) browser before each test.
 */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestCase {

	@LocalServerPort
	protected int port;

	protected BrowserSession browser;
	protected SingleWindowClient api;

	@BeforeAll
	void startBrowser() throws Exception {
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
		browser.driver().manage().deleteAllCookies();
	}

	/** Logs in with a demo account and waits for its home page. */
	protected void logIn(String user) {
		browser.logInAs(user, "demo12345");
		browser.waitFor(By.cssSelector("section.home"));
	}
}
