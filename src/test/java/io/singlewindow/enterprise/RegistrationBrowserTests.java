package io.singlewindow.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.web.BrowserSession;

/** A person with no account opens the site, registers a business, holds the licence and logs in as its trader. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationBrowserTests {

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
	void anAnonymousApplicantRegistersHoldsTheLicenceAndLogsInAsTheNewTrader() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		String username = "founder." + tag;
		browser.open("/register?lang=en");
		// First attempt forgets the name and mistypes the capital: both are explained next to their fields.
		browser.type("legalRepresentative", "陈开办")
			.type("registeredCapital", "three million")
			.select("zoneArea", "CROSS_STRAIT_TRADE_CENTRE")
			.type("address", "Xiangyu Road 99")
			.click("activity-I6513")
			.select("industrialChain", "SOFTWARE_INFORMATION")
			.type("username", username)
			.type("password", "open-sesame-1");
		browser.click("register-submit");
		assertThat(browser.text(By.id("error-nameZh"))).isNotBlank();
		assertThat(browser.text(By.id("error-registeredCapital"))).contains("number");
		browser.screenshot("enterprise-register-rejected");

		browser.type("nameZh", "厦门开办" + tag + "软件有限公司")
			.type("nameEn", "Kaiban " + tag + " Software Xiamen Co., Ltd.")
			.type("registeredCapital", "3000000")
			.type("password", "open-sesame-1")
			.click("crossBorderTrader");
		browser.click("register-submit");

		String code = browser.text(By.id("licence-uscc"));
		assertThat(Uscc.parse(code).hasValidCheckCharacter()).isTrue();
		assertThat(browser.text(By.id("registered-notice"))).isNotBlank();
		assertThat(browser.text(By.id("agency-registrations"))).contains("SAMR", "TAX", "CUSTOMS");
		browser.screenshot("enterprise-licence");
		browser.click("print-link");
		assertThat(browser.text(By.id("printed-uscc"))).isEqualTo(code);
		browser.screenshot("enterprise-licence-print");

		browser.logInAs(username, "open-sesame-1");
		assertThat(browser.waitFor(By.id("home-trader")).isDisplayed()).isTrue();
		browser.open("/licences/mine");
		assertThat(browser.text(By.id("licence-uscc"))).isEqualTo(code);
		browser.click("logout");
		browser.waitFor(By.id("login-form"));

		browser.open("/verify/" + code);
		assertThat(browser.text(By.id("verify-verdict"))).isNotBlank();
		browser.screenshot("enterprise-verify");

		// The market-regulation officer finds the new registration and suspends the licence.
		browser.logInAs("officer.samr", "demo12345");
		browser.waitFor(By.id("home-officer"));
		browser.open("/enterprises?lang=zh_CN&q=" + code);
		browser.driver().findElement(By.linkText(code)).click();
		browser.type("reason-suspend", "经营场所无法联系");
		browser.click("do-suspend");
		assertThat(browser.text(By.id("done-notice"))).contains("暂停");
		assertThat(browser.text(By.id("licence-status"))).isEqualTo("暂停");
		browser.screenshot("enterprise-licence-suspended-zh");
		browser.click("logout");
	}
}
