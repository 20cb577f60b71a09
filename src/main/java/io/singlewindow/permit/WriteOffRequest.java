package io.singlewindow.permit;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;

/**
 * One declaration item line consuming a permit.
 *
 * @param declarationId the declaration
 * @param lineNo the item line, from 1
 * @param permitNumber the permit the trader referenced
 * @param holder the declarant, who must hold the permit
 * @param hsCode the line's commodity code, which the permit's scope must cover
 * @param quantity the line's quantity, in {@code unit}
 * @param unit the unit of {@code quantity}; a quantity quota takes it converted into the quota's unit
 *     ({@link UnitCode#convert}), and refuses a line it cannot convert
 * @param valueCny the line's value in CNY
 * @param presentedAs what the line presents the permit as: the catalogue entry it needs (a permit of another entry is
 *     refused, whatever its scope), {@link #TARIFF_QUOTA} for a tariff-quota certificate (a permit of an entry that
 *     is none is refused), or {@literal null} when the caller does not say (then any entry covering the line)
 */
public record WriteOffRequest(UUID declarationId, int lineNo, String permitNumber, Uscc holder, HsCode hsCode,
		BigDecimal quantity, UnitCode unit, BigDecimal valueCny, String presentedAs) {

	/** {@link #presentedAs} of a tariff-quota certificate (关税配额证), whichever entry of the catalogue it is of. */
	public static final String TARIFF_QUOTA = "(tariff quota)";

	/** A write-off that does not say what the permit is presented as. */
	public WriteOffRequest(UUID declarationId, int lineNo, String permitNumber, Uscc holder, HsCode hsCode,
			BigDecimal quantity, UnitCode unit, BigDecimal valueCny) {
		this(declarationId, lineNo, permitNumber, holder, hsCode, quantity, unit, valueCny, null);
	}

	/** The line's quantity in {@code quotaUnit}, empty when it has none or its unit does not convert into it. */
	public Optional<BigDecimal> quantityIn(UnitCode quotaUnit) {
		return quantity == null || unit == null ? Optional.empty() : unit.convert(quantity, quotaUnit);
	}

	/**
	 * This line taken together with {@code next}, a later line of the same declaration under the same permit: what the
	 * permit must hold for both, under {@code next}'s line number. Quantities add up in {@code next}'s unit; when this
	 * line's does not convert into it, {@code next}'s quantity stands alone — a quota that counts in this line's unit
	 * (it accepted this line) refuses {@code next}'s unit anyway, and a permit without one does not count quantities.
	 */
	public WriteOffRequest and(WriteOffRequest next) {
		BigDecimal quantity = next.quantity;
		if (quantity != null && this.quantity != null && this.unit != null && next.unit != null) {
			quantity = this.unit.convert(this.quantity, next.unit).map(next.quantity::add).orElse(next.quantity);
		}
		BigDecimal value = valueCny == null ? next.valueCny
				: next.valueCny == null ? valueCny : valueCny.add(next.valueCny);
		return new WriteOffRequest(next.declarationId, next.lineNo, next.permitNumber, next.holder, next.hsCode,
				quantity, next.unit, value, next.presentedAs);
	}
}
