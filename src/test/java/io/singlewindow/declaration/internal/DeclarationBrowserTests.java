package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/** A trader submits through the web form and watches the status change while an officer decides in the queue. */
@SingleWindowIntegrationTest
class DeclarationBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void traderSubmitsOnTheFormAndSeesTheOfficersDecisionLive() throws Exception {
		try (var trader = new BrowserSession(port); var officer = new BrowserSession(port)) {
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			// A mistake first: the form comes back with the problem next to the field.
			fillHeader(trader);
			trader.type("item0-hsCode", "9999990000");
			trader.click("submit-declaration");
			assertThat(trader.text(By.id("form-errors"))).contains("Item 1 · Commodity code");
			assertThat(trader.waitFor(By.id("tradingCountry")).getAttribute("value")).isEqualTo("FR");

			trader.type("item0-hsCode", "3303000000");
			trader.click("submit-declaration");
			String number = trader.text(By.id("declaration-number"));
			assertThat(number).startsWith("XM");
			assertThat(trader.driver().findElements(By.id("channel"))).isEmpty();
			assertThat(trader.attribute(By.cssSelector("#task-CIQ .badge"), "data-status")).isEqualTo("PENDING");
			trader.screenshot("declaration-submitted");

			// The trader corrects the quantity before anyone decided: the same declaration, amended.
			trader.click("amend");
			assertThat(trader.waitFor(By.id("item0-hsCode")).getAttribute("value")).isEqualTo("3303000000");
			trader.type("item0-quantity", "180");
			trader.click("submit-declaration");
			assertThat(trader.text(By.id("declaration-number"))).isEqualTo(number);
			assertThat(trader.text(By.id("timeline"))).contains("Amended");

			officer.logInAs("officer.ciq", "demo12345");
			officer.waitFor(By.id("home-officer"));
			officer.open("/agency/queue?lang=en");
			officer.click("open-" + number);
			officer.click("approve-CIQ");
			officer.waitForText(By.cssSelector("#task-CIQ .badge"), "Approved");

			// The trader's page was not reloaded: htmx polling brings the decision.
			assertThat(trader.waitForText(By.cssSelector("#task-CIQ .badge"), "Approved")).isTrue();
			trader.screenshot("declaration-ciq-approved");
		}
	}

	private static void fillHeader(BrowserSession b) {
		b.select("flow", "IMPORT");
		b.type("tradeMode", "0110");
		b.type("transportMode", "4");
		b.type("port", "CNXMN");
		b.type("originCountry", "FR");
		b.type("destinationCountry", "CN");
		b.type("tradingCountry", "FR");
		b.type("currency", "EUR");
		b.type("incoterm", "CIF");
		b.type("packages", "4");
		b.type("grossWeight", "60");
		b.type("netWeight", "50");
		b.type("item0-description", "perfume");
		b.type("item0-quantity", "200");
		b.type("item0-unit", "C62");
		b.type("item0-statisticalQuantity", "50");
		b.type("item0-value", "6000");
		b.type("item0-origin", "FR");
	}
}
