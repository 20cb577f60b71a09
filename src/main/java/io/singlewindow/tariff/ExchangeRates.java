package io.singlewindow.tariff;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import io.singlewindow.core.CurrencyCode;

/** Customs monthly exchange rates, maintained by the zone's administrators. CNY itself is always 1. */
public interface ExchangeRates {

	/** CNY per one unit of {@code currency} in {@code month}. */
	Optional<BigDecimal> rate(CurrencyCode currency, YearMonth month);
}
