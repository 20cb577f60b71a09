package io.singlewindow.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.UnitCode;

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
 * @param legalUnit the legal unit of quantity (法定第一计量单位) as a UN/ECE Rec 20 code, e.g. {@code KGM};
 *     {@literal null} where the schedule did not say (lines imported before units were part of the file)
 * @param secondLegalUnit the second legal unit (法定第二计量单位), e.g. {@code KGM} for wine counted in litres;
 *     {@literal null} where the line has none
 * @param mfnPerUnit the specific part of the MFN duty (从量税) in CNY per {@code legalUnit}, levied instead of
 *     ({@code mfnRate} 0) or besides (a compound duty, 复合税) the ad valorem rate; {@literal null} where none
 * @param excisePerUnit the specific part of the excise in CNY per {@code legalUnit} (beer, fuel), instead of or besides
 *     {@code exciseRate}; {@literal null} where none
 * @param provisional the provisional import rate (暂定税率) and the days it is in force; {@literal null} where none
 * @param inQuotaRate the in-quota rate (配额内税率) of a line under a tariff-rate quota (关税配额: wheat, sugar, cotton),
 *     paid by an import presenting a tariff-quota certificate; {@code mfnRate} is then the out-of-quota rate;
 *     {@literal null} where the line has no quota
 * @param generalRate the general rate (普通税率), paid instead of MFN by goods of an origin without most-favoured-nation
 *     treatment; {@literal null} where the schedule did not give it (lines imported before it was part of the file)
 * @param generalPerUnit the general rate's specific part in CNY per {@code legalUnit}, like {@code mfnPerUnit};
 *     {@literal null} where none
 */
public record TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
		Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
		Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo, UnitCode legalUnit,
		UnitCode secondLegalUnit, BigDecimal mfnPerUnit, BigDecimal excisePerUnit, Provisional provisional,
		BigDecimal inQuotaRate, BigDecimal generalRate, BigDecimal generalPerUnit) {

	/**
	 * Provisional rates (暂定税率, fractions like the others), in force from {@code from} to {@code until}, both
	 * included: on import ({@code rate}), replacing the whole MFN duty, also one levied per unit; on export
	 * ({@code exportRate}), replacing the export rate. Either may be {@literal null}, not both.
	 */
	public record Provisional(BigDecimal rate, BigDecimal exportRate, LocalDate from,
			LocalDate until) {

		public boolean inForceOn(LocalDate day) {
			return day != null && !day.isBefore(from) && !day.isAfter(until);
		}
	}

	/** A line with no general rate. */
	public TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
			Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
			Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo, UnitCode legalUnit,
			UnitCode secondLegalUnit, BigDecimal mfnPerUnit, BigDecimal excisePerUnit, Provisional provisional,
			BigDecimal inQuotaRate) {
		this(code, descriptionZh, descriptionEn, mfnRate, preferentialRates, exciseRate, vatRate,
				supervisionConditions, inspectionCategories, demo, legalUnit, secondLegalUnit, mfnPerUnit, excisePerUnit,
				provisional, inQuotaRate, null, null);
	}

	/** A line with no in-quota rate. */
	public TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
			Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
			Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo, UnitCode legalUnit,
			UnitCode secondLegalUnit, BigDecimal mfnPerUnit, BigDecimal excisePerUnit, Provisional provisional) {
		this(code, descriptionZh, descriptionEn, mfnRate, preferentialRates, exciseRate, vatRate,
				supervisionConditions, inspectionCategories, demo, legalUnit, secondLegalUnit, mfnPerUnit, excisePerUnit,
				provisional, null);
	}

	/** A line with no provisional rate. */
	public TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
			Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
			Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo, UnitCode legalUnit,
			UnitCode secondLegalUnit, BigDecimal mfnPerUnit, BigDecimal excisePerUnit) {
		this(code, descriptionZh, descriptionEn, mfnRate, preferentialRates, exciseRate, vatRate,
				supervisionConditions, inspectionCategories, demo, legalUnit, secondLegalUnit, mfnPerUnit, excisePerUnit,
				null);
	}

	/** A line whose rates are all ad valorem. */
	public TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
			Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
			Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo, UnitCode legalUnit,
			UnitCode secondLegalUnit) {
		this(code, descriptionZh, descriptionEn, mfnRate, preferentialRates, exciseRate, vatRate,
				supervisionConditions, inspectionCategories, demo, legalUnit, secondLegalUnit, null, null, null, null);
	}

	/** A line whose legal units are not known. */
	public TariffLine(HsCode code, String descriptionZh, String descriptionEn, BigDecimal mfnRate,
			Map<String, BigDecimal> preferentialRates, BigDecimal exciseRate, BigDecimal vatRate,
			Set<String> supervisionConditions, Set<String> inspectionCategories, boolean demo) {
		this(code, descriptionZh, descriptionEn, mfnRate, preferentialRates, exciseRate, vatRate,
				supervisionConditions, inspectionCategories, demo, null, null, null, null, null, null);
	}

	/** Whether any of its duty or excise is levied per unit of quantity, so that assessing it needs the quantity. */
	public boolean leviesPerUnit() {
		return mfnPerUnit != null || excisePerUnit != null;
	}

	/** Whether the schedule gives its general rate (普通税率), so that goods of an origin without MFN can be assessed. */
	public boolean hasGeneralRate() {
		return generalRate != null;
	}

	/** Whether an import of it pays less with a tariff-quota certificate (关税配额). */
	public boolean underTariffQuota() {
		return inQuotaRate != null;
	}

	/** The provisional import rate in force on {@code day}, if any. */
	public Optional<BigDecimal> provisionalRateOn(LocalDate day) {
		return provisional != null && provisional.inForceOn(day) ? Optional.ofNullable(provisional.rate())
				: Optional.empty();
	}

	/** The provisional export rate in force on {@code day}, if any. */
	public Optional<BigDecimal> provisionalExportRateOn(LocalDate day) {
		return provisional != null && provisional.inForceOn(day)
				? Optional.ofNullable(provisional.exportRate())
				: Optional.empty();
	}

	/** The legal units in order (first, then second), none when not known. */
	public java.util.List<UnitCode> legalUnits() {
		return java.util.stream.Stream.of(legalUnit, secondLegalUnit).filter(java.util.Objects::nonNull).toList();
	}
}
