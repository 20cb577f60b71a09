package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Every refused form (the new-declaration form has its own tests) opens with a summary that takes the focus and links
 * to each field it names; those fields say aria-invalid and show a red border. Placeholders never pass for values;
 * the registration's checkboxes sit beside their labels.
 */
class FormErrorsBrowserTests extends BrowserTestCase {

	/** The border (or ring) a refused field shows: the layout's "bad" red (#b3261e). */
	static final String RED = "rgba(179, 38, 30, 1)";

	/** Submits the form as it is, without the browser's own required-field check, as a script-less client would. */
	void submitAsIs(String formId) {
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).submit()", formId);
	}

	/** The summary has the focus and every field it links to is marked invalid and red; returns the linked ids. */
	List<String> assertSummaryLeadsToInvalidFields(String screenshot) throws Exception {
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

	@Test
	void anonymousFormsLinkTheirErrorsToTheFields() throws Exception {
		browser.logInAs("trader.chip", "not-the-password");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-login")).containsExactly("username");

		browser.open("/register?lang=zh_CN");
		submitAsIs("register-form");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-register-zh")).contains("nameZh");

		browser.open("/verify?lang=en&uscc=123");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-verify")).containsExactly("verify-uscc");
	}

	@Test
	void aTradersFormsLinkTheirErrorsToTheFields() throws Exception {
		logIn("trader.chip");
		browser.open("/account/password?lang=en");
		submitAsIs("password-form");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-password")).contains("currentPassword");

		browser.open("/account/api-keys?lang=en");
		browser.type("label", "old key");
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('expiresOn').value = '2001-01-01'");
		browser.click("label");
		browser.driver().findElement(By.cssSelector("form[action='/account/api-keys'] button")).click();
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-api-key")).containsExactly("expiresOn");

		browser.open("/tariff/assess?lang=zh_CN");
		browser.type("hs-0", "0901210000").type("value-0", "100").type("freight", "lots");
		browser.click("assess-submit");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-assess-zh")).contains("freight");
	}

	@Test
	void anAdministratorsFormsLinkTheirErrorsToTheFields() throws Exception {
		logIn("admin");
		browser.open("/admin/exchange-rates?lang=en");
		browser.type("rate-currency", "USD").type("rate-rate", "-3");
		browser.click("rate-save");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-rates")).contains("rate-rate");

		browser.open("/admin/risk/new?lang=en");
		browser.click("save-risk-profile");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-risk")).contains("nameZh");

		browser.open("/admin/calendar?lang=en");
		browser.type("calendar-year", "20x7").type("calendar-source", "notice").type("calendar-days-input", "x");
		browser.click("calendar-save");
		assertThat(assertSummaryLeadsToInvalidFields("form-errors-calendar")).isNotEmpty();
	}

	@Test
	void registrationCheckboxesSitBesideTheirLabelsAndPlaceholdersDoNotPassForValues() {
		browser.open("/register?lang=en");
		WebElement box = browser.waitFor(By.id("highTech"));
		WebElement text = browser.driver().findElement(By.cssSelector("label[for='highTech'] span"));
		int boxMiddle = box.getRect().getY() + box.getRect().getHeight() / 2;
		assertThat(boxMiddle).isBetween(text.getRect().getY(), text.getRect().getY() + text.getRect().getHeight());
		assertThat(box.getRect().getX()).isLessThan(text.getRect().getX());
		assertThat(text.getRect().getX() - (box.getRect().getX() + box.getRect().getWidth())).isLessThan(20);

		assertThat(browser.driver().findElements(By.cssSelector("[placeholder]"))).isEmpty();
	}
}
