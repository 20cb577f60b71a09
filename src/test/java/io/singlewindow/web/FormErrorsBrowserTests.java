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

		for (String lang : List.of("en", "zh_CN")) {
			browser.open("/statistics?year=1999&month=13&lang=" + lang);
			assertThat(assertSummaryLeadsToInvalidFields("form-errors-statistics-" + lang))
				.as("each filter's error links to its filter, not to the form").containsExactly("year", "month");
			assertThat(browser.text(By.id("month-error"))).isNotBlank();
		}
		browser.select("year", "2026");
		browser.select("month", "1");
		browser.click("apply-filters");
		browser.waitFor(By.cssSelector("#month option[value='1'][selected]"));
		assertThat(browser.driver().findElements(By.id("correction-summary"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("[aria-invalid='true']"))).isEmpty();

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
