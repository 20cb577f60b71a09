package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Traders read their declarations and permits in words: no rule codes, no stored notes like
 * {@code line 1: PERMIT_WRITTEN_OFF …}, no Rec 20 unit codes, and every status says what happens next.
 */
class PlainWordsBrowserTests extends BrowserTestCase {

	@Autowired
	JdbcClient jdbc;

	String chipsLicence() {
		return jdbc.sql("""
				SELECT p.number FROM permit p JOIN user_account a ON a.uscc = p.holder_uscc
				WHERE a.username = 'trader.chip' AND p.catalogue_code = 'AIL' AND p.issued_by = 'demo-data'""")
			.query(String.class).single();
	}

	@Test
	void aDeclarationWrittenOffAPermitSaysSoInTheTradersLanguage() throws Exception {
		String permit = chipsLicence();
		String id = api.submitComputersUnderLicence("trader.chip", permit);
		logIn("trader.chip");

		browser.open("/declarations/" + id + "?lang=en");
		String page = browser.text(By.id("main"));
		browser.screenshot("plain-words-declaration-en");
		assertThat(page).contains("Line 1: written off your permit " + permit + ".", "1 unit", "for item line(s) 1",
				"by rule");
		assertThat(page).doesNotContain("PERMIT_WRITTEN_OFF", "lines [", "C62", "OFFICER_REVIEW", "SUPERVISION",
				"system");

		browser.open("/declarations/" + id + "?lang=zh_CN");
		page = browser.text(By.id("main"));
		browser.screenshot("plain-words-declaration-zh");
		assertThat(page).contains("第 1 项：已从您的许可证 " + permit + " 核销。", "1 个", "系统按规则");
		assertThat(page).doesNotContain("PERMIT_WRITTEN_OFF", "lines [", "C62", "system");

		browser.open("/declarations/" + id + "/response?lang=en");
		page = browser.text(By.tagName("main"));
		assertThat(page).contains("Line 1: written off your permit " + permit + ".");
		assertThat(page).doesNotContain("PERMIT_WRITTEN_OFF", "lines [", "system", "AUTO_APPROVED", "COMMERCE");
	}

	@Test
	void permitPagesNameUnitsAndAgenciesAndSayWhatHappensNext() throws Exception {
		logIn("trader.chip");
		browser.open("/permits?lang=zh_CN");
		String page = browser.text(By.id("main"));
		assertThat(page).doesNotContain("C62", "KGM");

		browser.open("/permits/" + chipsLicence() + "?lang=en");
		page = browser.text(By.id("main"));
		browser.screenshot("plain-words-permit-en");
		assertThat(page).contains("Commerce (licensing)");
		assertThat(page).doesNotContain("C62", "KGM", "COMMERCE");

		browser.open("/permits/catalogue?lang=zh_CN");
		assertThat(browser.text(By.id("main"))).doesNotContain("(KGM)", "(C62)", "COMMERCE", "CIQ");
	}
}
