package io.singlewindow.core;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A commodity code: a Harmonized System subheading (6 digits) or a national tariff line extending it (8 or 10
 * digits, China uses 10). Only the format is checked here; whether the first six digits are a real HS 2022
 * subheading is for the {@code reference} module to say.
 */
public record HsCode(String value) implements Comparable<HsCode> {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("\\d{6}(\\d{2}){0,2}");

	public HsCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidValue("HS_CODE_FORMAT", value);
		}
	}

	/** @throws InvalidValue {@code HS_CODE_FORMAT} unless 6, 8 or 10 digits (dots and blanks are ignored) */
	@JsonCreator
	public static HsCode of(String raw) {
		return new HsCode(raw == null ? null : raw.replace(".", "").replace(" ", ""));
	}

	/** Digits 1–2. */
	public String chapter() {
		return value.substring(0, 2);
	}

	/** Digits 1–4. */
	public String heading() {
		return value.substring(0, 4);
	}

	/** Digits 1–6: the internationally harmonised part. */
	public String subheading() {
		return value.substring(0, 6);
	}

	/** Whether this code falls under {@code prefix} (e.g. a chapter "01" or heading "0901"). */
	public boolean startsWith(String prefix) {
		return value.startsWith(prefix);
	}

	@Override
	public int compareTo(HsCode o) {
		return value.compareTo(o.value);
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
