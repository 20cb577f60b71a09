package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

	/**
	 * Units that convert exactly into one another: a measure (mass, volume) and how many of its base unit one of them
	 * is. Counting units (C62 one, H87 piece, SET, PR pair …) are not here: a piece of one thing is not a piece of
	 * another, so they convert only into themselves.
	 */
	private static final Map<String, Conversion> CONVERSIONS = Map.of(
			"GRM", new Conversion("mass", new BigDecimal("0.001")), "KGM", new Conversion("mass", BigDecimal.ONE),
			"TNE", new Conversion("mass", new BigDecimal("1000")),
			"MLT", new Conversion("volume", new BigDecimal("0.001")), "LTR", new Conversion("volume", BigDecimal.ONE),
			"MTQ", new Conversion("volume", new BigDecimal("1000")));

	private record Conversion(String measure, BigDecimal base) {
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

	/**
	 * {@code quantity} of this unit in {@code target}, exactly (5 TNE is 5000 KGM), or empty when the two measure
	 * different things or either is a counting unit other than the same one.
	 */
	public Optional<BigDecimal> convert(BigDecimal quantity, UnitCode target) {
		if (equals(target)) {
			return Optional.of(quantity);
		}
		Conversion from = CONVERSIONS.get(value);
		Conversion to = CONVERSIONS.get(target.value);
		if (from == null || to == null || !from.measure().equals(to.measure())) {
			return Optional.empty();
		}
		// Powers of ten: the division is exact.
		return Optional.of(quantity.multiply(from.base()).divide(to.base()));
	}
}
