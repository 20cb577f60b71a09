package io.singlewindow.tariff.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;

@Component
class JdbcTradeAgreements implements TradeAgreements {

	private final JdbcClient jdbc;

	JdbcTradeAgreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isParty(String agreement, CountryCode country) {
		return jdbc.sql("SELECT count(*) FROM trade_agreement_party WHERE agreement = ? AND country = ?")
				.params(agreement, country.value()).query(Integer.class).single() > 0;
	}

	@Override
	public boolean exists(String agreement) {
		return jdbc.sql("SELECT count(*) FROM trade_agreement WHERE code = ?").param(agreement)
				.query(Integer.class).single() > 0;
	}
}
