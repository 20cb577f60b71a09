package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** An ISO 3166-1 alpha-2 country code. Whether the code is assigned is for the {@code reference} module to say. */
public record CountryCode(String value) {

	public CountryCode {
		if (value == null || !value.matches("[A-Z]{2}")) {
			throw new InvalidValue("COUNTRY_CODE_FORMAT", value);
		}
	}

	@JsonCreator
	public static CountryCode of(String raw) {
		return new CountryCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
