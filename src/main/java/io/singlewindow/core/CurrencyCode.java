package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/** An ISO 4217 alphabetic currency code. Whether it is current is for the {@code reference} module to say. */
public record CurrencyCode(String value) {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");

	public static final CurrencyCode CNY = new CurrencyCode("CNY");
	public static final CurrencyCode USD = new CurrencyCode("USD");

	public CurrencyCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
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
