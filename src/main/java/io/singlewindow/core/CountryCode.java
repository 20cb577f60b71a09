package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/** An ISO 3166-1 alpha-2 country code. Whether the code is assigned is for the {@code reference} module to say. */
public record CountryCode(String value) {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}");

	/**
	 * What a declaration's goods line says when the origin of its goods cannot be established (原产地不明): not a
	 * country, CLDR's code for an unknown region. Such goods pay the general rate on import.
	 */
	public static final CountryCode UNKNOWN = new CountryCode("ZZ");

	public CountryCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
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

	/** Whether this is {@link #UNKNOWN}, an origin that could not be established. */
	public boolean isUnknown() {
		return equals(UNKNOWN);
	}
}
