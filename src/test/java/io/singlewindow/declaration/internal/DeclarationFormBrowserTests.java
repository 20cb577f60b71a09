package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/** A trader fills a declaration of as many lines as the shipment has, and is told plainly what to correct. */
@SingleWindowIntegrationTest
class DeclarationFormBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void traderAddsAndRemovesItemRowsKeepingWhatWasTyped() throws Exception {
		try (var trader = new BrowserSession(port)) {
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			assertThat(trader.driver().findElements(By.cssSelector("fieldset.item-row"))).hasSize(1);
			trader.type("port", "CNXMN");
			trader.type("item0-hsCode", "3303000000");
			// Each click submits the form and the page comes back with one row more: wait for it before the next click.
			trader.click("add-item");
			trader.waitForCount(By.cssSelector("fieldset.item-row"), 2);
			trader.click("add-item");
			trader.waitForCount(By.cssSelector("fieldset.item-row"), 3);
			assertThat(trader.driver().findElements(By.cssSelector("fieldset.item-row"))).hasSize(3);
			assertThat(trader.value("port")).isEqualTo("CNXMN");
			assertThat(trader.value("item0-hsCode")).isEqualTo("3303000000");
			trader.type("item1-hsCode", "0901210000");
			trader.type("item2-hsCode", "8471300000");

			trader.click("remove-item1");
			trader.waitForCount(By.cssSelector("fieldset.item-row"), 2);
			assertThat(trader.driver().findElements(By.cssSelector("fieldset.item-row"))).hasSize(2);
			assertThat(trader.value("item0-hsCode")).isEqualTo("3303000000");
			assertThat(trader.value("item1-hsCode")).isEqualTo("8471300000");
			assertThat(trader.attribute(By.cssSelector("label[for=port] .required-mark"), "aria-hidden")).isEqualTo("true");
			assertThat(trader.attribute(By.id("port"), "aria-required")).isEqualTo("true");
			trader.screenshot("declaration-form-rows");
		}
	}

	@Test
	void errorSummaryNamesFieldsByTheirLabelLinksToThemAndSaysWhatIsWrongWithAnAmount() throws Exception {
		try (var trader = new BrowserSession(port)) {
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			trader.type("freight", "$160,000");
			trader.type("item0-hsCode", "3303000000");
			trader.click("submit-declaration");

			String summary = trader.text(By.id("form-errors"));
			assertThat(summary).contains("Freight: “$160,000” is not a number")
				.contains("Trade mode (e.g. 0110):")
				.doesNotContain("more than zero");
			assertThat(trader.attribute(By.cssSelector("#form-errors a[href='#freight']"), "href")).endsWith("#freight");
			assertThat(trader.attribute(By.id("freight"), "aria-invalid")).isEqualTo("true");
			assertThat(trader.attribute(By.id("item0-hsCode"), "aria-invalid")).isEqualTo("false");
			assertThat(trader.value("freight")).isEqualTo("$160,000");
			// The focus is on the summary's first link, so the person starts where the corrections are listed.
			assertThat(trader.driver().switchTo().activeElement().getAttribute("href")).contains("#");
			assertThat(trader.driver().switchTo().activeElement().getText())
				.isEqualTo(trader.driver().findElement(By.cssSelector("#form-errors a")).getText());
			trader.screenshot("declaration-form-errors");

			trader.open("/declarations/new?lang=zh_CN");
			trader.type("packages", "１，５００件");
			trader.click("submit-declaration");
			assertThat(trader.text(By.id("form-errors"))).contains("件数: ").contains("不是数字");
		}
	}

	@Test
	void traderChecksTheDutiesAndTaxesInChineseBeforeSubmitting() throws Exception {
		try (var trader = new BrowserSession(port)) {
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=zh_CN");
			for (String[] field : new String[][] { { "tradeMode", "0110" }, { "transportMode", "2" },
					{ "port", "CNXMN" }, { "originCountry", "US" }, { "destinationCountry", "CN" },
					{ "tradingCountry", "US" }, { "currency", "USD" }, { "incoterm", "CIF" }, { "packages", "1" },
					{ "grossWeight", "30" }, { "netWeight", "25" }, { "item0-hsCode", "8542319000" },
					{ "item0-description", "处理器" }, { "item0-quantity", "400" }, { "item0-unit", "C62" },
					{ "item0-value", "8000" }, { "item0-origin", "US" } }) {
				trader.type(field[0], field[1]);
			}

			trader.click("assess-declaration");
			trader.waitFor(By.id("estimate"));
			assertThat(trader.text(By.id("estimate"))).contains("按今日提交试算的税费", "不保存任何数据", "进口增值税");
			String estimated = trader.text(By.id("assessment-total-taxes"));
			assertThat(estimated).matches("[0-9,]+\\.[0-9]{2}");
			assertThat(trader.value("item0-value")).isEqualTo("8000");
			trader.screenshotOf("estimate", "declaration-form-estimate-zh");
			assertThat(io.singlewindow.web.Axe.seriousViolations(trader.driver())).as("the form with its estimate")
				.isEmpty();

			trader.click("submit-declaration");
			trader.waitFor(By.id("declaration-next"));
			assertThat(trader.driver().getCurrentUrl()).matches(".*/declarations/[0-9a-f-]{36}");
			assertThat(trader.text(By.id("assessment-total-taxes"))).isEqualTo(estimated);
		}
	}
}
