package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.ExchangeRates;

/**
 * What the risk assessor will see when a test's declaration arrives, set by the test instead of left to whatever the
 * tests before it declared: how old the declarant is and what the zone usually pays per unit. With random selection
 * off in the tests (see {@code application-test.properties}), these two decide between GREEN and YELLOW.
 */
final class RiskOfTheDay {

	/** Observations the zone "has seen": enough that the few a test run adds cannot move the mean. */
	private static final long SEEN = 1_000_000;

	private final JdbcClient jdbc;
	private final ExchangeRates rates;
	private final BusinessTime time;

	RiskOfTheDay(JdbcClient jdbc, ExchangeRates rates, BusinessTime time) {
		this.jdbc = jdbc;
		this.rates = rates;
		this.time = time;
	}

	/** The declarant was registered a year ago, so the demo profile for enterprises younger than 30 days passes it by. */
	RiskOfTheDay registeredAYearAgo(Uscc declarant) {
		jdbc.sql("UPDATE enterprise SET registered_at = ? WHERE uscc = ?")
			.params(Timestamp.from(time.now().minus(Duration.ofDays(365))), declarant.value())
			.update();
		return this;
	}

	/** The zone has long paid {@code usd} a unit of {@code hsCode}: the unit-price profile judges against that. */
	RiskOfTheDay usualUnitPrice(String hsCode, String unit, String usd) {
		BigDecimal rate = rates.rate(CurrencyCode.USD, YearMonth.from(time.today())).orElseThrow();
		BigDecimal cny = new BigDecimal(usd).multiply(rate);
		BigDecimal seen = BigDecimal.valueOf(SEEN);
		jdbc.sql("""
				INSERT INTO risk_price_history (hs_code, unit, observations, sum_value, sum_squares, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (hs_code, unit) DO UPDATE SET observations = EXCLUDED.observations,
				    sum_value = EXCLUDED.sum_value, sum_squares = EXCLUDED.sum_squares, updated_at = EXCLUDED.updated_at""")
			.params(hsCode, unit, SEEN, cny.multiply(seen), cny.multiply(cny).multiply(seen), Timestamp.from(time.now()))
			.update();
		return this;
	}
}
