package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** An ISO 4217 alphabetic currency code. Whether it is current is for the {@code reference} module to say. */
public record CurrencyCode(String value) {

	public static final CurrencyCode CNY = new CurrencyCode("CNY");
	public static final CurrencyCode USD = new CurrencyCode("USD");

	public CurrencyCode {
		if (value == null || !value.matches("[A-Z]{3}")) {
			throw new InvalidValue("CURRENCY_CODE_FORMAT", value);
		}
	}

	@JsonCreator
	public static CurrencyCode of(String raw) {
		return new CurrencyCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
