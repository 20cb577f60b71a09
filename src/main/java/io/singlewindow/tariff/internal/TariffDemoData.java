package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.CurrencyCode;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * The demo tariff schedule ({@code demo/tariff-demo-schedule.sql}: a handful of lines with illustrative rates, flagged
 * {@code demo}) and demo customs exchange rates for every month of the last three years and the current one. Skips
 * lines and rates that exist, so nothing an administrator imported is overwritten.
 */
@Component
@Order(40)
@ConditionalOnDemoData
class TariffDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TariffDemoData.class);

	static final Map<String, BigDecimal> DEMO_RATES = demoRates();

	private static final ClassPathResource SCHEDULE = new ClassPathResource("demo/tariff-demo-schedule.sql");

	private final JdbcExchangeRates rates;
	private final BusinessTime time;
	private final DataSource dataSource;

	TariffDemoData(JdbcExchangeRates rates, BusinessTime time, DataSource dataSource) {
		this.rates = rates;
		this.time = time;
		this.dataSource = dataSource;
	}

	private static Map<String, BigDecimal> demoRates() {
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("USD", new BigDecimal("7.1"));
		m.put("EUR", new BigDecimal("7.8"));
		m.put("JPY", new BigDecimal("0.048"));
		m.put("HKD", new BigDecimal("0.91"));
		m.put("GBP", new BigDecimal("9.1"));
		m.put("AUD", new BigDecimal("4.7"));
		m.put("SGD", new BigDecimal("5.3"));
		return m;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// Within this method's transaction: the populator takes the transaction's connection.
		new ResourceDatabasePopulator(SCHEDULE).execute(dataSource);
		log.info("event=demo_tariff_schedule_seeded source={}", SCHEDULE.getPath());
		YearMonth current = time.month();
		// Through next month, as customs publishes a month's rates before it starts: a demo platform (or a test run)
		// still running when the month turns in China would otherwise refuse every declaration (EXCHANGE_RATE_MISSING).
		YearMonth last = current.plusMonths(1);
		int inserted = 0;
		for (YearMonth m = current.minusYears(3); !m.isAfter(last); m = m.plusMonths(1)) {
			for (var e : DEMO_RATES.entrySet()) {
				if (rates.setIfAbsent(CurrencyCode.of(e.getKey()), m, e.getValue(), "demo-data", time.now())) {
					inserted++;
				}
			}
		}
		log.info("event=demo_exchange_rates_seeded inserted={} from={} to={}", inserted, current.minusYears(3), last);
	}
}
