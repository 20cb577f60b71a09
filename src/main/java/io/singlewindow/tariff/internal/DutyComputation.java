package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.tariff.Assessment;

/**
 * The arithmetic of one line, exactly as a customs officer checks it by hand: every amount is rounded to the fen
 * (HALF_UP) before it enters the next formula.
 * <ul>
 * <li>customs value (CNY) = value × exchange rate</li>
 * <li>duty = customs value × duty rate</li>
 * <li>excise (ad valorem) = (customs value + duty) ÷ (1 − excise rate) × excise rate</li>
 * <li>VAT = (customs value + duty + excise) × VAT rate</li>
 * </ul>
 * Exports are valued but bear no import duty, excise or VAT.
 */
final class DutyComputation {

	private DutyComputation() {
	}

	static BigDecimal fen(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	static Assessment.Line line(int lineNo, TradeFlow flow, BigDecimal basisValue, String currency,
			BigDecimal exchangeRate, String rateBasis, BigDecimal dutyRate, BigDecimal exciseRate, BigDecimal vatRate,
			List<String> notes) {
		List<String> steps = new ArrayList<>(notes);
		BigDecimal value = fen(basisValue.multiply(exchangeRate));
		steps.add(String.format(Locale.ROOT, "customs value = %s %s × %s = CNY %s", plain(basisValue), currency,
				exchangeRate.stripTrailingZeros().toPlainString(), plain(value)));
		if (flow == TradeFlow.EXPORT) {
			steps.add("export: no import duty, excise or VAT");
			return new Assessment.Line(lineNo, value, rateBasis, BigDecimal.ZERO, zero(), null, zero(), BigDecimal.ZERO,
					zero(), List.copyOf(steps));
		}
		BigDecimal duty = fen(value.multiply(dutyRate));
		steps.add(String.format(Locale.ROOT, "duty = %s × %s (%s) = %s", plain(value), percent(dutyRate), rateBasis,
				plain(duty)));
		BigDecimal excise = zero();
		if (exciseRate != null && exciseRate.signum() > 0) {
			excise = fen(value.add(duty)
				.divide(BigDecimal.ONE.subtract(exciseRate), MathContext.DECIMAL128)
				.multiply(exciseRate));
			steps.add(String.format(Locale.ROOT, "excise = (%s + %s) ÷ (1 − %s) × %s = %s", plain(value), plain(duty),
					percent(exciseRate), percent(exciseRate), plain(excise)));
		}
		BigDecimal vat = fen(value.add(duty).add(excise).multiply(vatRate));
		steps.add(String.format(Locale.ROOT, "VAT = (%s + %s + %s) × %s = %s", plain(value), plain(duty),
				plain(excise), percent(vatRate), plain(vat)));
		return new Assessment.Line(lineNo, value, rateBasis, dutyRate, duty, exciseRate, excise, vatRate, vat,
				List.copyOf(steps));
	}

	private static BigDecimal zero() {
		return new BigDecimal("0.00");
	}

	static String plain(BigDecimal v) {
		return String.format(Locale.ROOT, "%,.2f", v);
	}

	static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}
}
