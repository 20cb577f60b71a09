package io.singlewindow.tariff;

import java.math.BigDecimal;
import java.util.List;

/**
 * The duties and taxes of a declaration, line by line with the computation shown. The amounts are what is collected:
 * a tax the consignment owes 50 CNY or less of is not collected ({@link Waived}), on any line.
 *
 * @param exchangeRate CNY per unit of the declaration currency used
 * @param totalTaxes duty, trade-remedy duties, excise and VAT together
 * @param waived what the consignment would have owed of each tax it is not collected
 * @param totalRemedy the anti-dumping, countervailing and safeguard duties (贸易救济) of the lines; never waived
 */
public record Assessment(BigDecimal exchangeRate, List<Line> lines, BigDecimal totalCustomsValueCny,
		BigDecimal totalDuty, BigDecimal totalExcise, BigDecimal totalVat, BigDecimal totalTaxes, Waived waived,
		BigDecimal totalRemedy) {

	/** An assessment without trade-remedy duties. */
	public Assessment(BigDecimal exchangeRate, List<Line> lines, BigDecimal totalCustomsValueCny, BigDecimal totalDuty,
			BigDecimal totalExcise, BigDecimal totalVat, BigDecimal totalTaxes, Waived waived) {
		this(exchangeRate, lines, totalCustomsValueCny, totalDuty, totalExcise, totalVat, totalTaxes, waived,
				BigDecimal.ZERO.setScale(2));
	}

	/** Whether a line pays an anti-dumping, countervailing or safeguard duty (the pages show the column then). */
	public boolean hasRemedies() {
		return lines.stream().anyMatch(l -> l.remedyRate() != null);
	}

	/**
	 * The taxes of one consignment not collected because each came to 50 CNY or less (一票货物关税、进口环节增值税或者消费税
	 * 税额在人民币 50 元以下的，免征): zero for a tax collected or owed nothing of.
	 */
	public record Waived(BigDecimal duty, BigDecimal excise, BigDecimal vat) {

		public static final Waived NONE = new Waived(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(2));

		/** Read back as stored: a missing amount (assessed before the rule was applied) is nothing waived. */
		public static Waived of(BigDecimal duty, BigDecimal excise, BigDecimal vat) {
			return duty == null && excise == null && vat == null ? NONE
					: new Waived(orZero(duty), orZero(excise), orZero(vat));
		}

		private static BigDecimal orZero(BigDecimal amount) {
			return amount == null ? BigDecimal.ZERO.setScale(2) : amount;
		}

		/** Some tax was not collected. */
		public boolean any() {
			return duty.signum() > 0 || excise.signum() > 0 || vat.signum() > 0;
		}
	}

	/**
	 * @param rateBasis {@code MFN}, {@code GENERAL} (普通税率, an origin without MFN treatment), {@code PROVISIONAL}
	 *     (暂定税率 in force), {@code IN_QUOTA} (配额内税率, a tariff-quota certificate presented),
	 *     {@code PREF:<agreement>} or, on exports,
	 *     {@code EXPORT} or {@code EXPORT_PROVISIONAL}
	 * @param steps the computation as a person checks it, one step per entry, e.g.
	 *     {@code "duty = 10,000.00 × 8% = 800.00"}
	 * @param remedyRate the trade-remedy rates the line pays added up (anti-dumping, countervailing, safeguard; the
	 *     steps name each), {@literal null} when none
	 * @param remedy the trade-remedy duties in CNY, zero when none
	 */
	public record Line(int lineNo, BigDecimal customsValueCny, String rateBasis, BigDecimal dutyRate,
			BigDecimal duty, BigDecimal exciseRate, BigDecimal excise, BigDecimal vatRate, BigDecimal vat,
			List<String> steps, PerUnit perUnit, BigDecimal remedyRate, BigDecimal remedy) {

		/** A line without trade-remedy duties. */
		public Line(int lineNo, BigDecimal customsValueCny, String rateBasis, BigDecimal dutyRate, BigDecimal duty,
				BigDecimal exciseRate, BigDecimal excise, BigDecimal vatRate, BigDecimal vat, List<String> steps,
				PerUnit perUnit) {
			this(lineNo, customsValueCny, rateBasis, dutyRate, duty, exciseRate, excise, vatRate, vat, steps, perUnit,
					null, BigDecimal.ZERO.setScale(2));
		}

		/** A line assessed at ad valorem rates only. */
		public Line(int lineNo, BigDecimal customsValueCny, String rateBasis, BigDecimal dutyRate, BigDecimal duty,
				BigDecimal exciseRate, BigDecimal excise, BigDecimal vatRate, BigDecimal vat, List<String> steps) {
			this(lineNo, customsValueCny, rateBasis, dutyRate, duty, exciseRate, excise, vatRate, vat, steps, null);
		}

		/** The rates this line was assessed at, for a later {@link DutyAssessor#reassess}. */
		public Rates rates() {
			return new Rates(lineNo, rateBasis, dutyRate, exciseRate, vatRate, perUnit, remedyRate);
		}

		/** Duty, trade-remedy duties, excise and VAT of the line. */
		public BigDecimal taxes() {
			return duty.add(remedy).add(excise).add(vat);
		}
	}

	/**
	 * What a line was assessed at per unit of quantity (从量): the specific duty and excise in CNY per {@code unit} and
	 * the quantity they were applied to. {@literal null} on a line assessed at ad valorem rates only.
	 *
	 * @param duty CNY per unit of the duty, {@literal null} when the duty is ad valorem only (or a preference replaced it)
	 * @param excise CNY per unit of the excise, {@literal null} when none
	 * @param quantity the quantity in {@code unit}
	 * @param unit the tariff line's legal unit (UN/ECE Rec 20)
	 */
	public record PerUnit(BigDecimal duty, BigDecimal excise, BigDecimal quantity, String unit) {

		/** An amount a unit as the tariff states it: {@code 1.3000} as {@code 1.3}, {@code 10.0000} as {@code 10}. */
		public static BigDecimal asStated(BigDecimal amount) {
			if (amount == null) {
				return null;
			}
			BigDecimal stripped = amount.stripTrailingZeros();
			return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
		}
	}

	/**
	 * The rates one line was assessed at: what a correction of its value is assessed at again.
	 *
	 * @param remedyRate its trade-remedy rates added up, {@literal null} when none
	 */
	public record Rates(int lineNo, String rateBasis, BigDecimal dutyRate, BigDecimal exciseRate, BigDecimal vatRate,
			PerUnit perUnit, BigDecimal remedyRate) {

		/** Without trade-remedy duties. */
		public Rates(int lineNo, String rateBasis, BigDecimal dutyRate, BigDecimal exciseRate, BigDecimal vatRate,
				PerUnit perUnit) {
			this(lineNo, rateBasis, dutyRate, exciseRate, vatRate, perUnit, null);
		}

		/** Ad valorem rates only. */
		public Rates(int lineNo, String rateBasis, BigDecimal dutyRate, BigDecimal exciseRate, BigDecimal vatRate) {
			this(lineNo, rateBasis, dutyRate, exciseRate, vatRate, null);
		}
	}
}
