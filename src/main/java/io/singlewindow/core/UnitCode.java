package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/** A UN/ECE Recommendation 20 unit of measure common code, e.g. {@code KGM}, {@code C62}, {@code MTQ}. */
public record UnitCode(String value) {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,3}");

	public UnitCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidValue("UNIT_CODE_FORMAT", value);
		}
	}

	@JsonCreator
	public static UnitCode of(String raw) {
		return new UnitCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
