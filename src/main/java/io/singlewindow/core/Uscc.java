package io.singlewindow.core;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from {@value #ALPHABET}.
 * <ul>
 * <li>position 1: registration authority (e.g. {@code 9} market regulation);</li>
 * <li>position 2: entity type within that authority (e.g. {@code 1} enterprise);</li>
 * <li>positions 3–8: administrative region code (GB/T 2260, e.g. {@code 350200} Xiamen);</li>
 * <li>positions 9–17: organisation code (GB 11714: eight characters and its own check character);</li>
 * <li>position 18: check character, {@code 31 - (Σ c_i × 3^(i-1) mod 31) mod 31}, as an index into the alphabet.</li>
 * </ul>
 * {@link #parse(String)} is strict on format but accepts a wrong check character and says so through
 * {@link #hasValidCheckCharacter()}: codes issued during Fujian's early pilot are legally valid yet fail the check,
 * so refusing them would lock real enterprises out. Callers show a warning instead. Codes this platform issues
 * ({@link #issue(String)}) always carry a valid check character.
 */
public final class Uscc implements Comparable<Uscc> {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{8}");

	/** The 31 characters a USCC may contain: digits and upper-case letters without I, O, Z, S and V. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private final String value;

	private Uscc(String value) {
		this.value = value;
	}

	/**
	 * Parses a code as a person typed it (surrounding blanks and lower case are tolerated).
	 *
	 * @throws InvalidValue {@code USCC_FORMAT} unless it is 18 characters of the USCC alphabet
	 */
	@JsonCreator
	public static Uscc parse(String raw) {
		if (raw == null) {
			throw new InvalidValue("USCC_FORMAT", null);
		}
		String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
		if (code.length() != 18) {
			throw new InvalidValue("USCC_FORMAT", raw);
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				throw new InvalidValue("USCC_FORMAT", raw);
			}
		}
		return new Uscc(code);
	}

	/**
	 * Completes the first 17 characters with their check character.
	 *
	 * @throws InvalidValue {@code USCC_FORMAT} unless {@code first17} is 17 characters of the alphabet
	 */
	public static Uscc issue(String first17) {
		if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			throw new InvalidValue("USCC_FORMAT", first17);
		}
		return new Uscc(first17 + checkCharacterOf(first17));
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacterOf(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	/**
	 * The GB 11714 check character of an eight-character organisation code body (positions 9–16 of a USCC):
	 * weights 3, 7, 9, 10, 5, 8, 4, 2; {@code 11 - Σ mod 11}, where 10 is written {@code X} and 11 is {@code 0}.
	 */
	public static char organisationCodeCheckOf(String body8) {
		if (body8 == null || !FORMAT.matcher(body8).matches()) {
			throw new InvalidValue("ORGANISATION_CODE_FORMAT", body8);
		}
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = body8.charAt(i);
			int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			sum += v * weights[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}

	public boolean hasValidCheckCharacter() {
		return checkCharacterOf(value.substring(0, 17)) == value.charAt(17);
	}

	/** Positions 3–8: the administrative region where the entity was registered. */
	public String regionCode() {
		return value.substring(2, 8);
	}

	/** The code itself; also how a USCC appears in JSON. */
	@JsonValue
	public String value() {
		return value;
	}

	@Override
	public int compareTo(Uscc other) {
		return value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Uscc other && value.equals(other.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
