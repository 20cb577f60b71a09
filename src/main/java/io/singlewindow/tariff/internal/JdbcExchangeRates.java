package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CurrencyCode;
import io.singlewindow.tariff.ExchangeRates;

/** Customs monthly rates in PostgreSQL. */
@Component
class JdbcExchangeRates implements ExchangeRates {

	private final JdbcClient jdbc;

	JdbcExchangeRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<BigDecimal> rate(CurrencyCode currency, YearMonth month) {
		if (CurrencyCode.CNY.equals(currency)) {
			return Optional.of(BigDecimal.ONE);
		}
		return jdbc.sql("SELECT rate FROM exchange_rate WHERE currency = ? AND month = ?")
			.params(currency.value(), Date.valueOf(month.atDay(1)))
			.query(BigDecimal.class)
			.optional();
	}
}
