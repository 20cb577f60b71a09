package io.singlewindow.enterprise.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one application from which an enterprise is registered with every agency that needs it. {@code username} and
 * {@code password} open the applicant's trader login in the same step.
 */
record Application(String nameZh, String nameEn, String entityType, String legalRepresentative,
		BigDecimal registeredCapital, String capitalCurrency, String zoneArea, String address, List<String> businessScope,
		String industrialChain, Boolean highTech, Boolean crossBorderTrader, String username, String password) {
}
