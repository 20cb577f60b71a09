package io.singlewindow.statistics.internal;

import static io.singlewindow.statistics.ClearedDeclarations.aClearedDeclaration;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.web.BrowserSession;

/** An economist opens the dashboard, reads the chart and tables, and switches flow and period. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DeclarationClearedListener listener;

	@Autowired
	StatisticsLedger ledger;

	@Autowired
	BusinessTime time;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

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
	void theDashboardShowsTheMonthlyChartAndTablesAndFollowsTheFilters() throws Exception {
		ledger.record(List.of(listener.toStatistics(aClearedDeclaration().exportBy("TUNGSTEN")
			.at(time.now().minusSeconds(60)).from("NL").withLine("8101940000", "4321.00").build())));
		browser.logInAs("admin", "demo12345").waitFor(By.id("home-admin"));
		browser.open("/statistics?lang=zh_CN");

		var canvas = browser.waitFor(By.id("monthly-chart"));
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
			.until(ExpectedConditions.attributeToBe(canvas, "data-rendered", "true"));
		assertThat(browser.waitFor(By.id("partner-chart")).getAttribute("data-rendered")).isEqualTo("true");
		assertThat(browser.text(By.id("headline"))).contains("全区外贸进出口").contains("同比");
		assertThat(browser.driver().findElements(By.cssSelector("#table-monthly tbody tr")))
			.hasSize(time.month().getMonthValue());
		for (String table : StatisticsTables.names()) {
			assertThat(browser.waitFor(By.id("table-" + table)).isDisplayed()).as(table).isTrue();
			assertThat(browser.waitFor(By.id("csv-" + table)).getAttribute("href")).contains(table + ".csv?year=");
		}
		browser.screenshot("statistics-dashboard-zh");

		browser.select("flow", "EXPORT").select("period", "month").click("apply-filters");
		browser.waitFor(By.cssSelector("#flow option[value=EXPORT][selected]"));
		assertThat(browser.text(By.cssSelector("#table-partner h2"))).contains("出口").contains(time.month().getYear()
				+ "年" + time.month().getMonthValue() + "月");
		assertThat(browser.text(By.cssSelector("#table-partner tbody"))).contains("荷兰");
		assertThat(browser.driver().findElements(By.cssSelector("#table-monthly tbody tr")))
			.hasSize(time.month().getMonthValue());

		browser.click("lang-en"); // the language link keeps the page's filters (issue 15, point 11)
		assertThat(browser.text(By.cssSelector("#table-partner h2"))).startsWith("By partner country")
			.contains("Exports");
		assertThat(browser.text(By.id("headline"))).contains("the zone's foreign trade was");
		browser.screenshot("statistics-dashboard-en");

		browser.click("rebuild");
		assertThat(browser.text(By.id("rebuilt"))).startsWith("Rebuilt:").contains("declaration lines");

		// Customs cancels in June an export cleared in March: March's figures were revised, and the page says so.
		var march = aClearedDeclaration().exportBy("TUNGSTEN").on(2003, 3, 10).from("NL")
			.withLine("8101940000", "4321.00").build();
		ledger.record(List.of(listener.toStatistics(march)));
		transactions.executeWithoutResult(tx -> ledger.takeOut(march.declarationId(),
				java.time.LocalDate.of(2003, 6, 2).atStartOfDay(BusinessTime.ZONE).toInstant()));
		browser.open("/statistics?year=2003&month=3&period=month&flow=EXPORT");
		assertThat(browser.text(By.id("statistics-revisions"))).contains("Revised after the month ended")
			.contains("2003-03", march.declarationNumber(), "Cancelled by customs", "−4,321.00");
		assertThat(browser.driver().findElements(By.cssSelector("#year option[value='2003'][selected]")))
			.as("the year shown is the one selected, though none of its trade is left").hasSize(1);
		assertThat(browser.driver().findElement(By.id("csv-revisions")).getAttribute("href"))
			.contains("/statistics/export/revisions.csv?", "year=2003", "flow=EXPORT");
		assertThat(io.singlewindow.web.Axe.seriousViolations(browser.driver())).as("with revisions").isEmpty();
		browser.screenshot("statistics-revisions-en");
		browser.open("/statistics?year=2003&month=2&period=month&flow=EXPORT");
		assertThat(browser.driver().findElements(By.id("statistics-revisions"))).as("February was not revised").isEmpty();
		browser.open("/statistics?year=1999&month=13");
		assertThat(browser.text(By.id("correction-summary"))).contains("The year must be between 2000 and")
			.contains("The month must be between 1 and 12.");
		browser.click("logout");
		browser.waitFor(By.id("login-form"));
	}

	@Test
	void tradersDoNotSeeTheZonesStatistics() {
		browser.logInAs("trader.chip", "demo12345").waitFor(By.id("home-trader"));
		browser.open("/statistics");
		assertThat(browser.waitFor(By.id("error-403")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.id("statistics-dashboard"))).isEmpty();
		browser.open("/statistics/export/partner.csv");
		assertThat(browser.waitFor(By.id("error-403")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector("a[href='/statistics']"))).isEmpty();
		browser.open("/");
		browser.click("logout");
		browser.waitFor(By.id("login-form"));
	}
}
