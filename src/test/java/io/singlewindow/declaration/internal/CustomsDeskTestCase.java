package io.singlewindow.declaration.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TestClock;
import io.singlewindow.tariff.ExchangeRates;

/**
 * What the tests of customs' money desk share: the platform on the suite's database, the chip maker long established
 * and declaring at the zone's usual prices (its declarations clear at once), its {@link CustomsDesk}, and the clock —
 * which a test may move on to a day after the last day to pay, and which runs again after each test.
 */
@SingleWindowIntegrationTest
abstract class CustomsDeskTestCase {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExchangeRates rates;

	@Autowired
	BusinessTime time;

	@Autowired
	TestClock clock;

	CustomsDesk desk;

	@BeforeEach
	void theChipMakerIsLongEstablishedAndDeclaresAtTheZonesUsualPrices() {
		desk = CustomsDesk.forTheChipMaker(mvc, jdbc, rates, time);
	}

	@AfterEach
	void timeRunsAgain() {
		clock.release();
	}
}
