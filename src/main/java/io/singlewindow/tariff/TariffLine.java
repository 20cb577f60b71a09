package io.singlewindow.tariff;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import io.singlewindow.core.HsCode;

/**
 * One line of the national tariff schedule. Rates are fractions ({@code 0.13} is 13 %).
 *
 * @param preferentialRates agreement code (e.g. {@code RCEP}, {@code ACFTA}) to rate
 * @param exciseRate ad valorem excise rate, {@literal null} where no excise applies
 * @param supervisionConditions customs supervision condition codes (监管条件), e.g. {@code A} inspection on import,
 *     {@code 7} automatic import licence; they feed routing
 * @param inspectionCategories inspection and quarantine categories (检验检疫类别), e.g. {@code P} plant quarantine on
 *     import, {@code R} food hygiene on import; they feed routing
 * @param demo whether the rates are demo rates rather than an imported official schedule
 */
public record TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
		Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
		Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo) {
}
