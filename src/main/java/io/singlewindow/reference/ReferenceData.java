package io.singlewindow.reference;

import java.util.Optional;
import java.util.SortedMap;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.UnitCode;

/** Checks codes against the shipped reference data. */
public interface ReferenceData {

	/** Whether {@code sixDigits} is a subheading of the HS 2022 nomenclature. */
	boolean isHsSubheading(String sixDigits);

	/** The nomenclature entry of a chapter (2 digits), heading (4) or subheading (6). */
	Optional<HsEntry> hs(String code);

	boolean isCountry(CountryCode code);

	/** Whether the currency is current (not withdrawn) in ISO 4217 and money one can pay with (not gold, XXX, SDR …). */
	boolean isCurrentCurrency(CurrencyCode code);

	/** Whether the unit is a current UN/ECE Rec 20 unit. */
	boolean isUnit(UnitCode code);

	/**
	 * The unit's name for people, in the language of {@code locale}: an everyday name for the common units
	 * ({@code C62} "unit"/"个", {@code KGM} "kg"/"千克"), else Rec 20's English name, else the code itself (as
	 * does a catalogue that ships no names).
	 */
	default String unitName(String code, java.util.Locale locale) {
		return code;
	}

	/**
	 * Whether the location is known. The shipped UN/LOCODE list covers only some countries, so for a country it
	 * does not cover the answer is {@link LocationCheck#NOT_COVERED}, not {@link LocationCheck#UNKNOWN}.
	 */
	LocationCheck location(LoCode code);

	/**
	 * Locations of the shipped UN/LOCODE lists whose code starts with {@code query} or whose name contains it, in
	 * code order: code to name.
	 */
	java.util.List<java.util.Map.Entry<String, String>> locations(String query, int limit);

	/** Every country (ISO 3166) with its English name, by code: the pick lists of forms and spreadsheet templates. */
	SortedMap<String, String> countries();

	/** Every current currency one can pay with, with its English name, by code. */
	SortedMap<String, String> currencies();

	/** Every current UN/ECE Rec 20 unit with its English name, by code. */
	SortedMap<String, String> units();

	enum LocationCheck {
		KNOWN, UNKNOWN, NOT_COVERED
	}
}
