package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.Registrations;
import io.singlewindow.platform.TestClock;
import io.singlewindow.web.Axe;
import io.singlewindow.web.BrowserTestCase;

/**
 * What a person does to turn on the second factor (动态口令) in Chromium: opens the page, scans (here: reads) the key,
 * types the app's code, is shown the recovery codes, and from then on logs in with the password and a code — the page
 * with the QR code, the one with the recovery codes and the login form with its code field pass the accessibility
 * check.
 */
class SecondFactorBrowserTests extends BrowserTestCase {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@AfterEach
	void letTimeRun() {
		clock.release();
	}

	@Test
	void aPersonTurnsOnTheSecondFactorAndLogsInWithTheirPasswordAndTheAppsCode() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		Instant start = clock.instant();
		clock.pin(start);
		browser.logInAs(trader.username(), trader.password());
		browser.waitFor(By.cssSelector("section.home"));
		browser.open("/account/second-factor");
		browser.clickForNextPage("begin-submit");
		assertThat(browser.waitFor(By.id("second-factor-qr")).getDomProperty("naturalWidth")).isNotEqualTo("0");
		assertThat(Axe.seriousViolations(browser.driver())).as("the page with the QR code").isEmpty();
		browser.screenshot("second-factor-enrol");
		String secret = browser.text(By.id("secret")).replace(" ", "");
		browser.type("code", Totp.code(secret, Totp.step(start)));
		browser.clickForNextPage("confirm-submit");
		assertThat(browser.waitFor(By.id("second-factor-enabled")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).as("the recovery codes, once")
			.hasSize(RecoveryCodes.COUNT);
		assertThat(Axe.seriousViolations(browser.driver())).as("the page with the recovery codes").isEmpty();
		browser.screenshot("second-factor-recovery-codes");
		browser.click("logout");
		browser.waitFor(By.id("login-form"));

		browser.logInAs(trader.username(), trader.password());
		assertThat(browser.waitFor(By.cssSelector("p.error[role=alert]")).isDisplayed()).as("the password alone")
			.isTrue();
		assertThat(Axe.seriousViolations(browser.driver())).as("the login form with its code field").isEmpty();
		clock.pin(start.plusSeconds(30));
		browser.open("/login");
		browser.type("username", trader.username());
		browser.type("password", trader.password());
		browser.type("code", Totp.code(secret, Totp.step(start) + 1));
		browser.clickForNextPage("login-submit");
		assertThat(browser.waitFor(By.id("home-trader")).isDisplayed()).isTrue();
	}
}
