package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.risk.Channel;

/**
 * An admin-defined risk profile. Every condition that is set must hold; conditions left empty or {@literal null} do
 * not restrict. Line conditions (origin, HS prefix, unit-price deviation) must hold on the same declaration line.
 *
 * @param originCountries the line's country of origin is one of these
 * @param hsPrefixes the line's HS code starts with one of these (2–10 digits)
 * @param tradeModes the declaration's trade mode (监管方式, e.g. 0110) is one of these
 * @param flow the declaration's direction
 * @param newEnterpriseDays the declarant registered fewer than this many days before the assessment
 * @param priceDeviationPercent the line's unit value deviates more than this from the zone's mean for the HS code and
 *     unit
 * @param selectionPercent how many of the matching declarations are selected (100 = all)
 * @param aeoFactor multiplier of the selection rate for AEO-certified declarants (0–1)
 */
public record RiskProfile(UUID id, String code, String nameZh, String nameEn, Set<CountryCode> originCountries,
		List<String> hsPrefixes, Set<String> tradeModes, TradeFlow flow, Integer newEnterpriseDays,
		BigDecimal priceDeviationPercent, Channel channel, BigDecimal selectionPercent, BigDecimal aeoFactor,
		boolean active, LocalDate validFrom, LocalDate validTo, int version) {

	public RiskProfile {
		originCountries = Set.copyOf(originCountries);
		hsPrefixes = List.copyOf(hsPrefixes);
		tradeModes = Set.copyOf(tradeModes);
	}

	/** The reason code its hits carry: the most specific condition it sets. */
	public String reasonCode() {
		if (priceDeviationPercent != null) {
			return "UNIT_PRICE_ANOMALY";
		}
		if (newEnterpriseDays != null) {
			return "NEW_ENTERPRISE";
		}
		return "PROFILE_MATCH";
	}

	boolean hasLineConditions() {
		return !originCountries.isEmpty() || !hsPrefixes.isEmpty() || priceDeviationPercent != null;
	}
}
