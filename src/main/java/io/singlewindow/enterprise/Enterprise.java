package io.singlewindow.enterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.Uscc;

/**
 * An enterprise registered in the zone, as the other modules see it: the facts on its business licence and the
 * classifications used by permits, risk and statistics.
 */
public record Enterprise(UUID id, Uscc uscc, String nameZh, String nameEn, String entityType,
		String legalRepresentative, BigDecimal registeredCapital, CurrencyCode capitalCurrency, String address,
		IndustrialChain industrialChain, boolean highTech, boolean crossBorderTrader, boolean aeoCertified,
		boolean customsBroker, EnterpriseStatus status, Instant registeredAt) {

	public boolean isActive() {
		return status == EnterpriseStatus.ACTIVE;
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? nameZh : nameEn;
	}

	/** Both names, for a search that finds the enterprise whichever language the searcher types in. */
	public String namesForSearch() {
		return nameEn == null ? nameZh : nameZh + " " + nameEn;
	}
}
