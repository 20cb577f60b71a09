package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.TariffLine;

/**
 * A line's quantity in its tariff line's legal unit (法定第一数量), which customs statistics, the agencies and permit
 * quotas count in: the declared quantity itself when its unit is the legal unit or converts into it exactly (tonnes
 * for a line counted in kilograms), else the statistical quantity, which the line must then give — in the legal unit,
 * or in a unit that converts into it (stored converted). Before 2026-12-02 nothing asked for it: 40 cartons of
 * perfume, a line counted in kilograms, reached the agencies with no weight at all, though the interchange tables
 * said the statistical quantity is required when the units differ; and a statistical quantity a message gave in
 * tonnes was kept as kilograms.
 */
final class LegalQuantity {

	/** A line whose unit does not convert into the legal unit and which gives no statistical quantity. */
	static final String REQUIRED = "STATISTICAL_QUANTITY_REQUIRED";

	/** A statistical quantity other than the declared quantity in the legal unit: one of the two is wrong. */
	static final String DIFFERS = "STATISTICAL_QUANTITY_DIFFERS";

	/** A statistical quantity in a unit that does not convert into the legal unit. */
	static final String UNIT_NOT_LEGAL = "STATISTICAL_UNIT_NOT_LEGAL";

	/** Decimal places of a stored quantity ({@code NUMERIC(18, 3)}). */
	private static final int SCALE = 3;

	/**
	 * What the line's legal quantity comes to.
	 *
	 * @param statisticalQuantity the statistical quantity to store, in the legal unit where it is known
	 * @param field the item's field a refusal names ({@code statisticalQuantity} or {@code statisticalUnit}), else
	 *     {@literal null}
	 * @param code the refusal's code, {@literal null} when accepted
	 */
	record Outcome(BigDecimal statisticalQuantity, String field, String code, Object... arguments) {

		static Outcome accepted(BigDecimal statisticalQuantity) {
			return new Outcome(statisticalQuantity, null, null);
		}

		Optional<Outcome> refusal() {
			return code == null ? Optional.empty() : Optional.of(this);
		}
	}

	private LegalQuantity() {
	}

	/**
	 * @param line the tariff line, whose legal unit may not be known ({@literal null}: nothing to check)
	 * @param quantity the declared quantity, in {@code unit}
	 * @param statisticalQuantity the statistical quantity as declared, {@literal null} when not given
	 * @param statisticalUnit its unit when the line names one, else {@literal null} (the legal unit)
	 */
	static Outcome check(TariffLine line, BigDecimal quantity, UnitCode unit, BigDecimal statisticalQuantity,
			UnitCode statisticalUnit) {
		UnitCode legal = line == null ? null : line.legalUnit();
		BigDecimal stated = statisticalQuantity;
		if (stated != null && statisticalUnit != null && legal != null) {
			Optional<BigDecimal> converted = statisticalUnit.convert(stated, legal);
			if (converted.isEmpty()) {
				return new Outcome(stated, "statisticalUnit", UNIT_NOT_LEGAL, statisticalUnit.value(), legal.value());
			}
			// Rounded up, as a permit's quota takes it: never less than was declared.
			stated = converted.get().scale() > SCALE ? converted.get().setScale(SCALE, RoundingMode.CEILING)
					: converted.get();
		}
		if (legal == null || quantity == null || unit == null) {
			return Outcome.accepted(stated);
		}
		Optional<BigDecimal> derived = unit.convert(quantity, legal);
		if (derived.isEmpty()) {
			return stated == null ? new Outcome(null, "statisticalQuantity", REQUIRED, legal.value(), unit.value())
					: Outcome.accepted(stated);
		}
		if (stated != null && stated.compareTo(derived.get()) != 0) {
			return new Outcome(stated, "statisticalQuantity", DIFFERS, stated.toPlainString(), legal.value(),
					derived.get().toPlainString(), quantity.toPlainString(), unit.value());
		}
		return Outcome.accepted(stated);
	}
}
