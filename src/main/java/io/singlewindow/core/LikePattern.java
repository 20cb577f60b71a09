package io.singlewindow.core;

import java.util.Locale;

/** A text searched for with SQL {@code LIKE}: what a person typed, its wildcards taken literally. */
public final class LikePattern {

	private LikePattern() {
	}

	/**
	 * The pattern for values that contain {@code text} in lower case ({@code %} and {@code _} escaped with
	 * {@code \}, PostgreSQL's default escape); any value when it is blank.
	 */
	public static String containing(String text) {
		String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
