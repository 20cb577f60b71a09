package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
}
