package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/**
 * A trader picks codes by name in their language, finds a commodity code by words, sees what its tariff line needs
 * and is offered the permit they hold for it.
 */
@SingleWindowIntegrationTest
class DeclarationPickersBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void codesArePickedByNameAndTheCommodityCodeShowsWhatItNeeds() throws Exception {
		try (var trader = new BrowserSession(port)) {
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			assertThat(trader.attribute(By.id("tradingCountry"), "list")).isEqualTo("countries");
			assertThat(optionName(trader, "countries", "US")).isEqualTo("United States");
			assertThat(optionName(trader, "currencies", "USD")).isEqualTo("US Dollar");
			assertThat(optionName(trader, "tradeModes", "0110")).isEqualTo("General trade");
			assertThat(optionName(trader, "incoterms", "CIF")).isEqualTo("Cost, Insurance and Freight");
			assertThat(trader.attribute(By.id("item0-unit"), "list")).isEqualTo("units");

			trader.type("port", "xiamen");
			assertThat(trader.waitFor(By.cssSelector("#ports option[value='CNXMN']"))).isNotNull();

			trader.type("item0-hsCode", "coffee");
			assertThat(trader.waitFor(By.cssSelector("#hs-options0 option[value^='0901']"))).isNotNull();

			String fragment = trader.open("/declarations/pickers/hs?items%5B0%5D.hsCode=8471300000&flow=IMPORT")
				.driver().getPageSource();
			assertThat(fragment).contains("Needs a permit").contains("permit-options0");
			trader.open("/declarations/new?lang=en");
			trader.type("item0-hsCode", "8471300000");
			assertThat(trader.waitFor(By.id("hs-line0")).getText()).contains("8471300000")
				.contains("Supervision conditions: 7 A.")
				.contains("Needs a permit: Automatic import licence.");
			assertThat(trader.waitFor(By.cssSelector("#permit-options0 option")).getAttribute("value")).isNotBlank();
			assertThat(trader.attribute(By.id("item0-permitNumber"), "list")).isEqualTo("permit-options0");
			trader.screenshot("declaration-pickers");

			trader.open("/declarations/new?lang=zh_CN");
			assertThat(optionName(trader, "countries", "US")).isEqualTo("美国");
			assertThat(optionName(trader, "tradeModes", "0110")).isEqualTo("一般贸易");
			assertThat(optionName(trader, "units", "KGM")).isEqualTo("千克");
		}
	}

	@Test
	void theCommodityCodeShowsTheLegalUnitsOfItsTariffLineInTheTradersLanguage() throws Exception {
		try (var trader = new BrowserSession(port)) {
			trader.logInAs("trader.coffee", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			trader.type("item0-hsCode", "wine of fresh");
			assertThat(optionName(trader, "hs-options0", "2204210000")).endsWith(" · litre / kg");
			trader.type("item0-hsCode", "2204210000");
			assertThat(trader.text(By.id("hs-unit0"))).isEqualTo("Legal unit of quantity: litre / kg.");
			trader.type("item0-hsCode", "0901210000");
			assertThat(trader.waitForText(By.id("hs-unit0"), "Legal unit of quantity: kg.")).isTrue();
			trader.click("add-item");
			trader.type("item1-hsCode", "8471300000");
			assertThat(trader.text(By.id("hs-unit1"))).isEqualTo("Legal unit of quantity: unit / kg.");
			trader.screenshot("declaration-hs-unit-en");

			trader.open("/declarations/new?lang=zh_CN");
			trader.type("item0-hsCode", "葡萄酒");
			assertThat(optionName(trader, "hs-options0", "2204210000")).endsWith(" · 升 / 千克");
			trader.type("item0-hsCode", "2204210000");
			assertThat(trader.text(By.id("hs-unit0"))).isEqualTo("法定计量单位：升 / 千克。");
			trader.screenshot("declaration-hs-unit-zh");
		}
	}

	private static String optionName(BrowserSession browser, String list, String code) {
		return browser.waitFor(By.cssSelector("#" + list + " option[value='" + code + "']")).getAttribute("textContent");
	}
}
