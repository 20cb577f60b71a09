package io.singlewindow.enterprise.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Changes to a licence's facts: only the fields that are not {@literal null} change. {@code version} is the licence
 * version the change was made against; when given and no longer current the amendment is refused (optimistic lock).
 */
record Amendment(String nameZh, String nameEn, String legalRepresentative, BigDecimal registeredCapital,
		String capitalCurrency, String zoneArea, String address, List<String> businessScope, String industrialChain,
		Boolean highTech, Boolean crossBorderTrader, Integer version) {
}
