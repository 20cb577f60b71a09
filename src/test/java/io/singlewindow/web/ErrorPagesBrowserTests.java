package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


/**
 * A refusal or a wrong address is one error page inside the normal layout: a logged-in person keeps their menu and
 * name; an anonymous visitor of an address that has no page is told so instead of being sent to log in.
 */
class ErrorPagesBrowserTests extends BrowserTestCase {

	void assertErrorPageWithMenu(String status, String heading) {
		assertThat(browser.text(By.cssSelector("#error-" + status + " h1"))).isEqualTo(heading);
		assertThat(browser.driver().findElements(By.cssSelector("nav.mainnav a"))).as("menu").hasSizeGreaterThan(1);
		assertThat(browser.driver().findElements(By.id("logout"))).as("logged in").hasSize(1);
		assertThat(browser.driver().findElements(By.id("login-link"))).isEmpty();
	}

	@Test
	void aTraderOpeningAnotherEnterprisesDeclarationOrAnOfficersQueueGetsA403InTheLayout() throws Exception {
		String coffees = api.submitPerfumeImport("trader.coffee");
		logIn("trader.chip");
		browser.open("/declarations/" + coffees + "?lang=en");
		assertErrorPageWithMenu("403", "Not allowed");
		browser.screenshot("error-403-declaration-en");
		browser.open("/agency/queue?lang=zh_CN");
		assertErrorPageWithMenu("403", "无权访问");
		browser.screenshot("error-403-queue-zh");
	}

	@Test
	void anUnknownOrMalformedAddressIsA404WithTheMenu() throws Exception {
		logIn("officer.customs");
		browser.open("/declarations?lang=en");
		assertErrorPageWithMenu("403", "Not allowed");
		browser.open("/declarations/00000000-0000-4000-8000-000000000000");
		assertErrorPageWithMenu("404", "Page not found");
		browser.open("/declarations/2");
		assertErrorPageWithMenu("404", "Page not found");
		browser.open("/admin/tariff/imports/x");
		assertErrorPageWithMenu("403", "Not allowed");
		browser.open("/no-such-page?lang=zh_CN");
		assertErrorPageWithMenu("404", "页面不存在");
		browser.screenshot("error-404-logged-in-zh");
	}

	@Test
	void anAnonymousVisitorOfAnAddressWithoutAPageIsToldSoAndOfAPageThatNeedsALoginIsAskedToLogIn() throws Exception {
		browser.open("/no-such-page?ref=mail&lang=en");
		assertThat(browser.text(By.cssSelector("#error-404 h1"))).isEqualTo("Page not found");
		assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
		assertThat(browser.driver().findElements(By.id("login-link"))).hasSize(1);
		browser.screenshot("error-404-anonymous-en");
		// The other language is the same address asked again (it was /error, a 500 page).
		browser.click("lang-zh");
		assertThat(browser.text(By.cssSelector("#error-404 h1"))).isEqualTo("页面不存在");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/no-such-page?ref=mail&lang=zh_CN");
		browser.open("/declarations");
		assertThat(browser.waitFor(By.id("login-form")).isDisplayed()).isTrue();
	}

	@Test
	void anAdminSeesTheSameErrorPageForAnUnknownImport() {
		logIn("admin");
		browser.open("/admin/tariff/imports/x?lang=en");
		assertErrorPageWithMenu("404", "Page not found");
		browser.open("/permits/apply?code=AIL&lang=en");
		assertErrorPageWithMenu("403", "Not allowed");
	}
}
