package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/** On a 390 px phone the menu folds behind one button and no page is pushed sideways by a wide table. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MobileBrowserTests {

	@LocalServerPort
	int port;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
		browser.driver().manage().window().setSize(new Dimension(390, 844));
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	long overflow() {
		return (Long) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
	}

	@Test
	void theMenuFoldsAndWideTablesScrollInsideThemselves() throws Exception {
		String declaration = new SingleWindowClient(port).submitPerfumeImport("trader.chip");
		browser.logInAs("trader.chip", "demo12345");
		browser.waitFor(By.cssSelector("section.home"));
		browser.open("/?lang=zh_CN");
		assertThat(browser.text(By.id("menu-toggle"))).isEqualTo("菜单");
		browser.open("/?lang=en");
		assertThat(browser.waitFor(By.id("mainnav-items")).isDisplayed()).as("menu folded").isFalse();
		browser.click("menu-toggle");
		assertThat(browser.waitFor(By.id("mainnav-items")).isDisplayed()).as("menu open").isTrue();
		browser.screenshot("mobile-menu-open-en");
		for (String page : new String[] { "/declarations", "/declarations/" + declaration, "/permits", "/tariff/lines",
				"/hs?q=coffee" }) {
			browser.open(page);
			browser.waitFor(By.id("main"));
			assertThat(overflow()).as(page + " pushed sideways by px").isLessThanOrEqualTo(0);
		}
		browser.screenshot("mobile-declaration-en");
	}
}
