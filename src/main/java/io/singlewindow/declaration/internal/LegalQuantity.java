package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.Optional;

import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.TariffLine;

/**
 * A line's quantity in its tariff line's legal unit (法定第一数量), which customs statistics and the agencies count
 * in: the declared quantity itself when its unit is the legal unit or converts into it exactly (tonnes for a line
 * counted in kilograms), else the statistical quantity, which the line must then give. Before 2026-12-02 nothing
 * asked for it: 40 cartons of perfume, a line counted in kilograms, reached the agencies with no weight at all, though
 * the interchange tables always said the statistical quantity is required when the units differ.
 */
final class LegalQuantity {

	/** A line whose unit does not convert into the legal unit and which gives no statistical quantity. */
	static final String REQUIRED = "STATISTICAL_QUANTITY_REQUIRED";

	/** A statistical quantity other than the declared quantity in the legal unit: one of the two is wrong. */
	static final String DIFFERS = "STATISTICAL_QUANTITY_DIFFERS";

	/** Why the line's legal quantity is missing or contradicts its quantity, with the arguments of the problem. */
	record Refusal(String code, Object... arguments) {
	}

	private LegalQuantity() {
	}

	/**
	 * @param line the tariff line, whose legal unit may not be known ({@literal null}: nothing to check)
	 * @param quantity the declared quantity, in {@code unit}
	 * @param statisticalQuantity the quantity in the legal unit as declared, {@literal null} when not given
	 */
	static Optional<Refusal> check(TariffLine line, BigDecimal quantity, UnitCode unit, BigDecimal statisticalQuantity) {
		if (line == null || line.legalUnit() == null || quantity == null || unit == null) {
			return Optional.empty();
		}
		UnitCode legal = line.legalUnit();
		Optional<BigDecimal> derived = unit.convert(quantity, legal);
		if (derived.isEmpty()) {
			return statisticalQuantity == null ? Optional.of(new Refusal(REQUIRED, legal.value(), unit.value()))
					: Optional.empty();
		}
		if (statisticalQuantity != null && statisticalQuantity.compareTo(derived.get()) != 0) {
			return Optional.of(new Refusal(DIFFERS, statisticalQuantity.toPlainString(), legal.value(),
					derived.get().toPlainString(), quantity.toPlainString(), unit.value()));
		}
		return Optional.empty();
	}
}
