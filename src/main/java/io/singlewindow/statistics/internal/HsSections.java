package io.singlewindow.statistics.internal;

/**
 * The section (Roman numeral) of every HS chapter: the WCO's stable structure, kept here so that statistics never
 * depend on whether the reference nomenclature is loaded.
 */
final class HsSections {

	/** Index = first chapter of the section; sections I..XXI. Chapter 77 is reserved and falls under XV. */
	private static final int[] FIRST_CHAPTER = { 1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86,
			90, 93, 94, 97 };

	private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
			"XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI" };

	private HsSections() {
	}

	/** @param chapter two digits, 01–97 (98 and 99 are national chapters and fall under XXI) */
	static String of(String chapter) {
		int number = Integer.parseInt(chapter);
		if (number < 1 || number > 99) {
			throw new IllegalArgumentException("HS chapter " + chapter);
		}
		int section = 0;
		for (int i = 0; i < FIRST_CHAPTER.length; i++) {
			if (number >= FIRST_CHAPTER[i]) {
				section = i;
			}
		}
		return ROMAN[section];
	}

	/** All section numerals in order. */
	static String[] all() {
		return ROMAN.clone();
	}
}
