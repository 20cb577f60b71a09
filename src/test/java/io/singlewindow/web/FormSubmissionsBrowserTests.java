package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Administrators' forms submitted as a person would: once refused (summary with the focus, each named field linked,
 * marked invalid and red, in the page's language) and once valid, ending where the saved thing is shown.
 */
class FormSubmissionsBrowserTests extends BrowserTestCase {

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
	}

	@Test
	void aRoutingRuleIsRefusedFieldByFieldThenSaved() throws Exception {
		logIn("admin");
		browser.open("/admin/routing/new?lang=zh_CN");
		browser.type("code", "not a code").type("descriptionZh", " ").type("descriptionEn", " ");
		submitAsIs("rule-form");
		assertThat(assertSummaryLeadsToInvalidFields("routing-rule-refused-zh"))
			.as("every problem at once, not only the first").contains("code", "descriptionZh", "descriptionEn");
		assertThat(browser.text(By.id("correction-summary"))).contains("请更正");
		assertThat(browser.value("code")).as("what was typed stays").isEqualTo("not a code");

		String code = unique("BROWSER_RULE_");
		browser.click("lang-en");
		browser.waitFor(By.cssSelector("html[lang='en']"));
		browser.open("/admin/routing/new?lang=en");
		browser.type("code", code).type("descriptionZh", "浏览器测试规则").type("descriptionEn", "Browser test rule")
			.type("values", "9999").select("agency", "CIQ");
		// Inactive, so that no other test's declaration is routed by it.
		browser.click("active");
		browser.click("save-rule");
		assertThat(browser.waitFor(By.id("routing-saved")).isDisplayed()).isTrue();
		assertThat(browser.text(By.id("rule-" + code))).contains("Browser test rule");
		browser.screenshot("routing-rule-saved-en");
	}

	@Test
	void anOfficersAccountIsRefusedFieldByFieldThenOpened() throws Exception {
		logIn("admin");
		browser.open("/admin/accounts?lang=en");
		submitAsIs("account-form");
		assertThat(assertSummaryLeadsToInvalidFields("account-refused-en")).contains("username", "password");

		String username = unique("officer.browser.").toLowerCase(Locale.ROOT);
		browser.open("/admin/accounts?lang=zh_CN");
		browser.type("username", username).type("displayName", "浏览器测试关员").select("role", "OFFICER")
			.select("agency", "CIQ").type("password", "harbour lantern quietly 2026");
		browser.click("account-submit");
		assertThat(browser.text(By.id("account-opened"))).contains(username);
		assertThat(browser.text(By.id("account-list"))).contains(username);
		browser.screenshot("account-opened-zh");

		// the new officer's first login leads to the password page: the administrator knows the first one
		browser.forget();
		browser.logInAs(username, "harbour lantern quietly 2026");
		assertThat(browser.driver().getCurrentUrl()).contains("/account/password?first");
		assertThat(browser.text(By.id("password-required"))).isNotBlank();
		browser.type("currentPassword", "harbour lantern quietly 2026").type("newPassword", "kelp forest lighthouse 3")
			.type("repeatPassword", "kelp forest lighthouse 3");
		browser.clickForNextPage("password-submit");
		assertThat(browser.text(By.id("password-changed"))).isNotBlank();
		browser.open("/");
		assertThat(browser.driver().getCurrentUrl()).doesNotContain("/account/password");
		assertThat(browser.waitFor(By.id("home-officer")).isDisplayed()).isTrue();
	}

	@Test
	void aTariffImportWithoutAFileIsRefusedAtTheFileField() throws Exception {
		logIn("admin");
		browser.open("/admin/tariff?lang=en");
		submitAsIs("import-form");
		assertThat(assertSummaryLeadsToInvalidFields("tariff-import-refused-en")).containsExactly("file");
		browser.open("/admin/tariff?lang=zh_CN");
		submitAsIs("import-form");
		assertThat(assertSummaryLeadsToInvalidFields("tariff-import-refused-zh")).containsExactly("file");
	}

	@Test
	void aPermitApplicationAndACatalogueEntryAreRefusedAtTheirFields() throws Exception {
		logIn("trader.chip");
		browser.open("/permits/apply?code=AIL&lang=zh_CN");
		submitAsIs("apply-form");
		assertThat(assertSummaryLeadsToInvalidFields("permit-apply-refused-zh")).contains("scope");
		browser.forget();

		logIn("admin");
		browser.open("/admin/permit-catalogue/new?lang=en");
		submitAsIs("entry-form");
		assertThat(assertSummaryLeadsToInvalidFields("permit-entry-refused-en")).contains("code", "nameZh", "nameEn");
	}

	@Test
	void anApiKeyIsRefusedWithoutALabelThenIssuedOnce() throws Exception {
		logIn("trader.coffee");
		browser.open("/account/api-keys?lang=zh_CN");
		submitAsIs("api-key-form");
		assertThat(assertSummaryLeadsToInvalidFields("api-key-refused-zh")).containsExactly("label");

		String label = unique("browser key ");
		browser.open("/account/api-keys?lang=en");
		browser.type("label", label);
		browser.click("api-key-submit");
		assertThat(browser.text(By.id("issued-key"))).startsWith("sw_");
		assertThat(browser.driver().getPageSource()).contains(label);
		browser.open("/account/api-keys?lang=en");
		assertThat(browser.driver().findElements(By.id("issued-key"))).as("the secret is shown once").isEmpty();
		browser.screenshot("api-key-issued-en");
	}

	@Test
	void aWorkingCalendarYearAndAnExchangeRateAreSavedAndShown() throws Exception {
		logIn("admin");
		// A year no other test reads, so that no deadline elsewhere moves.
		browser.open("/admin/calendar?lang=zh_CN");
		browser.type("calendar-year", "2093").type("calendar-source", "浏览器测试通知 2093")
			.type("calendar-days-input", "date,kind,holiday\n2093-10-01,OFF,National Day / 国庆节\n2093-10-02,OFF,National Day / 国庆节");
		browser.click("calendar-save");
		assertThat(browser.text(By.id("year-2093"))).contains("浏览器测试通知 2093");
		assertThat(browser.text(By.id("calendar-days"))).contains("2093-10-01", "2093-10-02");
		assertThat(browser.driver().findElements(By.id("correction-summary"))).isEmpty();
		browser.screenshot("calendar-year-saved-zh");

		// A month far from any declaration's, in a currency the demo data leaves alone.
		browser.open("/admin/exchange-rates?lang=en");
		browser.type("rate-currency", "NOK").type("rate-rate", "0.6789");
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('rate-month').value = '2093-10'");
		browser.click("rate-save");
		assertThat(browser.text(By.cssSelector("p.notice[role='status']"))).contains("NOK");
		assertThat(browser.text(By.id("rate-NOK"))).contains("0.6789");
		browser.screenshot("exchange-rate-saved-en");
	}

	@Test
	void aCatalogueEntryIsSavedAndListed() throws Exception {
		logIn("admin");
		String code = unique("BROWSER_ENTRY_");
		browser.open("/admin/permit-catalogue/new?lang=en");
		browser.type("code", code).type("nameZh", "浏览器测试事项").type("nameEn", "Browser test activity")
			.select("issuingAgency", "COMMERCE").select("mode", "FILING").type("reviewDays", "0")
			.type("verificationDays", "30").type("validityMonths", "12")
			.type("documentsZh", "申请表").type("documentsEn", "Application form");
		// Inactive and without goods in scope, so that no other test's declaration needs it.
		if (browser.driver().findElement(By.id("active")).isSelected()) {
			browser.click("active");
		}
		browser.click("entry-submit");
		assertThat(browser.text(By.cssSelector("p.notice[role='status']"))).contains(code);
		assertThat(browser.waitFor(By.id("edit-" + code)).isDisplayed()).isTrue();
		assertThat(browser.driver().getPageSource()).contains("Browser test activity");
		browser.screenshot("catalogue-entry-saved-en");
	}
}
