package io.singlewindow.tariff.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.singlewindow.core.Violations;

/** A day an administrator typed on a listing's form or sent to its endpoint ({@code yyyy-MM-dd}). */
final class TypedDay {

	private TypedDay() {
	}

	/** The day, or {@literal null} noting {@code REQUIRED} (when required and blank) or {@code DATE_FORMAT} in v. */
	static LocalDate read(String raw, String field, boolean required, Violations v) {
		if (blank(raw)) {
			if (required) {
				v.add(field, "REQUIRED");
			}
			return null;
		}
		try {
			return io.singlewindow.core.IsoDay.parse(raw.strip());
		} catch (DateTimeParseException e) {
			v.add(field, "DATE_FORMAT", raw);
			return null;
		}
	}

	static boolean blank(String raw) {
		return raw == null || raw.isBlank();
	}
}
