package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/** A UN/LOCODE: country (2 letters) and location (3 letters or digits 2–9), e.g. {@code CNXMN}. */
public record LoCode(String value) {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

	public LoCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidValue("LOCODE_FORMAT", value);
		}
	}

	@JsonCreator
	public static LoCode of(String raw) {
		return new LoCode(raw == null ? null : raw.strip().replace(" ", "").toUpperCase(Locale.ROOT));
	}

	public CountryCode country() {
		return new CountryCode(value.substring(0, 2));
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
