package io.singlewindow.enterprise.internal;

import java.util.Locale;

import io.singlewindow.core.InvalidValue;

/** Reads one of a fixed set of choices (an enum) as a person or client wrote it. */
final class Choice {

	private Choice() {
	}

	/**
	 * @return the constant named {@code raw} (case and surrounding blanks ignored), {@literal null} for {@literal null}
	 * @throws InvalidValue {@code unknownCode} when no constant has that name
	 */
	static <E extends Enum<E>> E of(Class<E> type, String raw, String unknownCode) {
		if (raw == null) {
			return null;
		}
		String name = raw.strip().toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		throw new InvalidValue(unknownCode, raw);
	}
}
