package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.platform.BusinessTime;

/**
 * Demo customs exchange rates (clearly flagged {@code demo}) for every month from three years back to next month, so
 * that demo declarations and generated statistics can be valued. Existing rates are never overwritten.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "singlewindow.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class TariffDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TariffDemoData.class);

	static final Map<String, String> DEMO_RATES = Map.of("USD", "7.1", "EUR", "7.8", "JPY", "0.048", "HKD", "0.91",
			"GBP", "9.1", "AUD", "4.7", "SGD", "5.3");

	private final JdbcClient jdbc;
	private final BusinessTime time;

	TariffDemoData(JdbcClient jdbc, BusinessTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		YearMonth last = time.month().plusMonths(1);
		int inserted = 0;
		for (YearMonth month = last.minusMonths(37); !month.isAfter(last); month = month.plusMonths(1)) {
			for (var rate : DEMO_RATES.entrySet()) {
				inserted += jdbc.sql("""
						INSERT INTO exchange_rate (currency, month, rate, demo, updated_by, updated_at)
						VALUES (?, ?, ?, TRUE, 'demo data', ?) ON CONFLICT (currency, month) DO NOTHING""")
					.params(rate.getKey(), Date.valueOf(month.atDay(1)), new BigDecimal(rate.getValue()),
							Timestamp.from(time.now()))
					.update();
			}
		}
		if (inserted > 0) {
			log.info("event=demo_exchange_rates_created count={}", inserted);
		}
	}
}
