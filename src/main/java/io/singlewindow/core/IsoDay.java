package io.singlewindow.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A day or a month as people and programs write them — {@code 2026-12-07}, {@code 2026-12} — with a year of four
 * digits from 0001 to 9999, and nothing else. {@link LocalDate#parse} also takes {@code +5881580-07-11}, and a JSON
 * reader takes the number 2147483647 for that many days after 1970: days no business has and PostgreSQL cannot store
 * (it answered such a letter of guarantee's last day with an error, a 500, until 2026-12-07). Every day or month a
 * person or a client sends is read here.
 */
public final class IsoDay {

	// Year 0000 is 1 BC to java.time and no year to PostgreSQL; 0001 is read, for the rules that refuse it by name.
	private static final Pattern DAY = Pattern.compile("(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}");
	private static final Pattern MONTH = Pattern.compile("(?!0000)[0-9]{4}-[0-9]{2}");

	private IsoDay() {
	}

	/**
	 * @throws DateTimeParseException unless {@code text} is a day {@code yyyy-MM-dd} of a year from 0001 to 9999
	 */
	public static LocalDate parse(CharSequence text) {
		if (text == null || !DAY.matcher(text).matches()) {
			throw new DateTimeParseException("not a day yyyy-MM-dd", text == null ? "" : text, 0);
		}
		return LocalDate.parse(text);
	}

	/**
	 * @throws DateTimeParseException unless {@code text} is a month {@code yyyy-MM} of a year from 0001 to 9999
	 */
	public static YearMonth month(CharSequence text) {
		if (text == null || !MONTH.matcher(text).matches()) {
			throw new DateTimeParseException("not a month yyyy-MM", text == null ? "" : text, 0);
		}
		return YearMonth.parse(text);
	}
}
