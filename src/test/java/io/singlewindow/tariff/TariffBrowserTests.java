package io.singlewindow.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.HsCode;
import io.singlewindow.platform.RunLeftovers;
import io.singlewindow.web.BrowserSession;

/** An administrator imports tariff CSVs in the browser and follows the progress; a trader looks codes up. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TariffBrowserTests {

	@LocalServerPort
	int port;
	@Autowired
	TariffSchedule schedule;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	String upload(String name, String csv) throws Exception {
		Path folder = Files.createTempDirectory("tariff");
		RunLeftovers.expectGone(folder);
		Path file = folder.resolve(name);
		Files.writeString(file, csv);
		try {
			return uploaded(file);
		} finally {
			RunLeftovers.delete(folder, 3);
		}
	}

	private String uploaded(Path file) {
		browser.open("/admin/tariff");
		browser.waitFor(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.click("import-start");
		browser.waitFor(By.id("import-bar"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.or(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-status[data-status='COMPLETED']")),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-status[data-status='FAILED']"))));
		return browser.waitFor(By.id("import-status")).getAttribute("data-status");
	}

	@Test
	void anAdministratorImportsASchedule() throws Exception {
		browser.logInAs("admin", "demo12345");
		browser.waitFor(By.id("logout"));
		browser.click("lang-en");
		browser.waitFor(By.cssSelector("html[lang='en']"));
		// 400 rows, the last one broken: the whole file is refused and the error named by row, column and code
		StringBuilder bad = new StringBuilder(TariffImportIntegrationTests.HEADER);
		for (int i = 0; i < 399; i++) {
			bad.append(String.format("090411%04d,胡椒,Pepper,20,9,,,,AB,PQ%n", i));
		}
		bad.append("0904110399,胡椒,Pepper,20,12,,,,AB,PQ\n");
		assertThat(upload("bad.csv", bad.toString())).isEqualTo("FAILED");
		assertThat(browser.text(By.cssSelector("#import-errors tbody tr"))).contains("401", "vat_rate",
				"VAT_RATE_INVALID");
		assertThat(browser.waitFor(By.id("import-bar")).getAttribute("value")).isEqualTo("100");
		browser.screenshot("tariff-import-failed");
		assertThat(schedule.line(HsCode.of("0904110000"))).isEmpty();

		String code = "090412" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
		assertThat(upload("good.csv", TariffImportIntegrationTests.HEADER + code + ",胡椒碎,Crushed pepper,20,9,,,RCEP:10,AB,PQ\n"))
				.isEqualTo("COMPLETED");
		assertThat(browser.text(By.id("tariff-import"))).contains("1 lines imported");
		browser.screenshot("tariff-import-completed");
		browser.open("/tariff/lines?q=" + code);
		assertThat(browser.text(By.id("line-" + code))).contains("20%", "RCEP 10%");

		browser.open("/admin/exchange-rates");
		browser.type("rate-currency", "CHF");
		browser.type("rate-rate", "8.05");
		browser.click("rate-save");
		assertThat(browser.text(By.id("rate-CHF"))).contains("8.05");
		browser.type("rate-currency", "CHF");
		browser.type("rate-rate", "-2");
		browser.click("rate-save");
		assertThat(browser.text(By.id("error-rate"))).isNotBlank();
		browser.click("logout");
		browser.waitFor(By.id("login-form"));
	}

	@Test
	void aTraderBrowsesTheHsInChinese() throws Exception {
		browser.logInAs("trader.coffee", "demo12345");
		browser.waitFor(By.id("logout"));
		browser.click("lang-zh");
		browser.waitFor(By.cssSelector("html[lang='zh-CN']"));
		browser.open("/hs");
		browser.type("hs-q", "咖啡");
		browser.click("hs-search");
		assertThat(browser.text(By.id("hs-results"))).contains("0901", "咖啡");
		browser.open("/hs?code=0901");
		assertThat(browser.text(By.id("hs-children"))).contains("090111");
		browser.open("/tariff/lines/0901110000");
		assertThat(browser.text(By.id("tariff-line"))).contains("RCEP", "8%");
		browser.screenshot("tariff-line-zh");

		// wine, 10,000.00 CNY CIF: duty 1,400.00 + excise 1,266.67 + VAT 1,646.67 = 4,313.34
		browser.open("/tariff/assess");
		browser.type("currency", "CNY");
		assess("2204210000", "10000", "FR");
		assertThat(browser.text(By.id("assessment-total-taxes"))).isEqualTo("4,313.34");
		// The steps in the reader's language (issue 15, point 11), figures as computed.
		assertThat(browser.text(By.id("assessment"))).contains("消费税 = (10,000.00 + 1,400.00) ÷ (1 − 10%) × 10% = 1,266.67");
		browser.screenshot("tariff-assessment-zh");
		// green coffee, 600.00 CNY CIF: duty 8 % = 48.00, 50 CNY or less, not collected; VAT 9 % of 600.00 = 54.00
		assess("0901110000", "600", "BR");
		assertThat(browser.text(By.id("assessment-total-taxes"))).isEqualTo("54.00");
		assertThat(browser.text(By.id("assessment-waived"))).isEqualTo("免征：本票货物税额在 50 元以下（关税 48.00）");
		assertThat(browser.text(By.id("assessment"))).contains("关税免征：本票货物关税税额 48.00 元，在 50 元以下",
				"进口增值税 = (600.00 + 0.00 + 0.00) × 9% = 54.00");
		browser.screenshotOf("assessment-waived", "tariff-assessment-waived-zh");
		assertThat(io.singlewindow.web.Axe.seriousViolations(browser.driver())).as("an assessment with a tax waived")
			.isEmpty();
		browser.type("currency", "USD");
		browser.select("incoterm", "FOB");
		browser.click("assess-submit");
		assertThat(browser.text(By.id("assess-errors"))).contains("freight");
		browser.click("logout");
		browser.waitFor(By.id("login-form"));
	}

	/** The calculator's first line typed in, and assessed. */
	private void assess(String hsCode, String value, String origin) throws Exception {
		browser.type("hs-0", hsCode);
		browser.type("value-0", value);
		browser.type("origin-0", origin);
		browser.click("assess-submit");
	}
}
