package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Chinese content, not only Chinese chrome: the HS in Chinese down to the headings (subheadings with their heading's
 * name), searched in either language; the duty calculation in the reader's language; and switching language keeps
 * what the page shows.
 */
class ChineseContentBrowserTests extends BrowserTestCase {

	@Test
	void aTraderFindsPortableComputersByTheirEverydayChineseNameAndReadsSubheadingsUnderTheirHeadingsName()
			throws Exception {
		logIn("trader.chip");
		browser.open("/hs?lang=zh_CN&q=" + java.net.URLEncoder.encode("笔记本电脑", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(browser.text(By.id("hs-results"))).contains("847130", "便携式自动数据处理设备");

		browser.open("/hs?lang=zh_CN&code=0901");
		String children = browser.text(By.id("hs-children"));
		assertThat(children).contains("090122", "咖啡，不论是否焙炒或浸除咖啡碱", "Coffee");
		browser.screenshot("hs-subheadings-zh");

		browser.open("/hs?lang=zh_CN&code=8542");
		assertThat(browser.text(By.id("hs-entry"))).contains("集成电路");
	}

	@Test
	void switchingLanguageKeepsTheSearchAndTheFilters() {
		logIn("officer.ciq");
		browser.open("/agency/queue?lang=en&q=chip&sort=newest&status=QUERIED");
		browser.click("lang-zh");
		browser.waitFor(By.cssSelector("html[lang='zh-CN']"));
		assertThat(browser.driver().getCurrentUrl()).contains("q=chip", "sort=newest", "status=QUERIED", "lang=zh_CN");
		assertThat(browser.value("q")).isEqualTo("chip");
		browser.click("lang-en");
		browser.waitFor(By.cssSelector("html[lang='en']"));
		assertThat(browser.driver().getCurrentUrl()).contains("q=chip", "sort=newest", "status=QUERIED")
			.doesNotContain("lang=zh_CN");
	}

	@Test
	void theDutyCalculationIsInTheReadersLanguage() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		String page = browser.text(By.id("main"));
		browser.screenshot("duty-steps-zh");
		assertThat(page).contains("申报价格（CIF）", "完税价格 = ", "关税 = ", "进口增值税 = ", "税款合计 = ");
		assertThat(page).doesNotContain("customs value", "declared value", "taxes =");
		browser.open("/declarations/" + id + "?lang=en");
		assertThat(browser.text(By.id("main"))).contains("declared value (CIF)", "customs value = ");
	}
}
