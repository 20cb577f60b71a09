package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/** What a person does first: log in, land on their role's home page, switch the language, log out. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellBrowserTests {

	@LocalServerPort
	int port;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	@Test
	void eachDemoRoleLandsOnItsOwnHomePage() throws Exception {
		for (String[] account : new String[][] { { "trader.chip", "home-trader" }, { "broker", "home-broker" },
				{ "officer.customs", "home-officer" }, { "admin", "home-admin" } }) {
			browser.logInAs(account[0], "demo12345");
			assertThat(browser.waitFor(By.id(account[1])).isDisplayed()).as(account[0]).isTrue();
			browser.click("logout");
			browser.waitFor(By.id("login-form"));
		}
	}

	@Test
	void switchesBetweenChineseAndEnglish() throws Exception {
		browser.logInAs("officer.ciq", "demo12345");
		// The login page has the same language links: wait until the home page has replaced it.
		browser.waitFor(By.id("home-officer"));
		browser.click("lang-en");
		assertThat(browser.waitForText(By.cssSelector("#home-officer h1"), "Officer workspace")).isTrue();
		assertThat(browser.htmlLang()).isEqualTo("en");
		browser.screenshot("officer-home-en");
		browser.click("lang-zh");
		assertThat(browser.waitForText(By.cssSelector("#home-officer h1"), "审单工作台")).isTrue();
		assertThat(browser.htmlLang()).isEqualTo("zh-CN");
		browser.click("logout");
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() {
		browser.logInAs("trader.chip", "wrong-password");
		assertThat(browser.waitFor(By.cssSelector("p.error[role=alert]")).isDisplayed()).isTrue();
	}
}
