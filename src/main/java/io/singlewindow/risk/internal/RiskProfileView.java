package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.singlewindow.core.CountryCode;

/** A risk profile as the REST API shows it. */
record RiskProfileView(String code, String nameZh, String nameEn, List<String> originCountries,
		List<String> hsPrefixes, List<String> tradeModes, String flow, Integer newEnterpriseDays,
		BigDecimal priceDeviationPercent, String channel, BigDecimal selectionPercent, BigDecimal aeoFactor,
		String reasonCode, boolean active, LocalDate validFrom, LocalDate validTo, int version) {

	static RiskProfileView of(RiskProfile p) {
		return new RiskProfileView(p.code(), p.nameZh(), p.nameEn(),
				p.originCountries().stream().map(CountryCode::value).sorted().toList(), p.hsPrefixes(),
				p.tradeModes().stream().sorted().toList(), p.flow() == null ? null : p.flow().name(),
				p.newEnterpriseDays(), p.priceDeviationPercent(), p.channel().name(),
				p.selectionPercent().stripTrailingZeros(), p.aeoFactor().stripTrailingZeros(), p.reasonCode(),
				p.active(), p.validFrom(), p.validTo(), p.version());
	}
}
