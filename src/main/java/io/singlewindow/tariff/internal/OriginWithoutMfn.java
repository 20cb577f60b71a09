package io.singlewindow.tariff.internal;

import java.time.LocalDate;

import io.singlewindow.core.CountryCode;

/**
 * An origin China gives no most-favoured-nation treatment to (neither a WTO member applying MFN with China nor party to
 * a treaty granting it), as a notice of the State Council Tariff Commission lists it: goods originating there pay the
 * tariff's general rate (普通税率) instead of the MFN rate, from {@code firstDay} to {@code lastDay}.
 *
 * @param notice the notice that lists it, as published
 * @param lastDay the last day, {@literal null} until the origin is given MFN treatment (e.g. on joining the WTO)
 */
record OriginWithoutMfn(long id, CountryCode origin, String notice, LocalDate firstDay, LocalDate lastDay) {

	/** Public for the pages' expressions. */
	public boolean inForceOn(LocalDate day) {
		return day != null && !day.isBefore(firstDay) && (lastDay == null || !day.isAfter(lastDay));
	}
}
