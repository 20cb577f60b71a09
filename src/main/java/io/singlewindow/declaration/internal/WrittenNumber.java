package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

import io.singlewindow.core.InvalidValue;

/**
 * A number as people write it in a form field or a spreadsheet cell: {@code 160000}, {@code 160,000.50},
 * {@code 160.000,50}, {@code 160 000,5}, full-width digits and commas from a Chinese keyboard ({@code １６０，０００}).
 * Thousands separators are accepted only in groups of three, so that {@code 1,5} reads as one and a half and
 * {@code 1,234} as one thousand two hundred and thirty-four (both the zone's languages group by thousands with a
 * comma). Anything else, such as a currency sign or a unit ({@code $160,000}, {@code 60 kg}), is refused with
 * {@code NUMBER_UNREADABLE} quoting what was written, never guessed at.
 */
final class WrittenNumber {

	static final String UNREADABLE = "NUMBER_UNREADABLE";

	private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
	private static final Pattern GROUPED_POINT = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
	private static final Pattern GROUPED_COMMA = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
	private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
	private static final Pattern SPACED = Pattern.compile("-?\\d{1,3}( \\d{3})+([.,]\\d+)?");
	private static final Pattern EXPONENT = Pattern.compile("-?\\d+(\\.\\d+)?[eE][-+]?\\d{1,3}");

	private WrittenNumber() {
	}

	/**
	 * @return the number, or {@literal null} for a blank text
	 * @throws InvalidValue {@code NUMBER_UNREADABLE} with the text as written
	 */
	static BigDecimal parse(String written) {
		if (written == null || written.isBlank()) {
			return null;
		}
		if (written.length() > 60) {
			throw new InvalidValue(UNREADABLE, written.substring(0, 60) + "…");
		}
		// NFKC folds full-width digits, commas and points (１６０，０００．５) into ASCII.
		String s = Normalizer.normalize(written.strip(), Normalizer.Form.NFKC)
			.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\'', ' ').replace('’', ' ')
			.replace('−', '-');
		try {
			if (PLAIN.matcher(s).matches() || EXPONENT.matcher(s).matches()) {
				return new BigDecimal(s);
			}
			if (GROUPED_POINT.matcher(s).matches()) {
				return new BigDecimal(s.replace(",", ""));
			}
			if (GROUPED_COMMA.matcher(s).matches()) {
				return new BigDecimal(s.replace(".", "").replace(',', '.'));
			}
			if (DECIMAL_COMMA.matcher(s).matches()) {
				return new BigDecimal(s.replace(',', '.'));
			}
			if (SPACED.matcher(s).matches()) {
				return new BigDecimal(s.replace(" ", "").replace(',', '.'));
			}
		} catch (NumberFormatException e) {
			// falls through to the refusal below
		}
		throw new InvalidValue(UNREADABLE, written);
	}
}
