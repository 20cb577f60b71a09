package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.TariffLine;

/**
 * A line's rates as its pages say them, in the reader's language: a duty ad valorem, per unit or both
 * ({@code 8%}, {@code 1.3 CNY/KGM}, {@code 90% + 3 元/KGM}) and the provisional rates with their days ({@code 5%, export
 * 0% from 2027-01-01 to 2027-12-31}). Either part may be missing, so a template expression would need a branch for
 * each. Templates call it as {@code ${@rateWording.duty(line.mfnRate, line.mfnPerUnit, line.legalUnit)}} and
 * {@code ${@rateWording.provisional(line.provisional)}}.
 */
@Component("rateWording")
class RateWording {

	private final MessageSource messages;

	RateWording(MessageSource messages) {
		this.messages = messages;
	}

	/** A duty of {@code rate} and {@code perUnit} of {@code unit}: the rate alone is left out when 0 and levied per unit. */
	public String duty(BigDecimal rate, BigDecimal perUnit, UnitCode unit) {
		if (perUnit == null) {
			return percent(rate);
		}
		return (rate.signum() == 0 ? "" : percent(rate) + " + ") + messages.getMessage("tariff.perUnit",
				new Object[] { perUnit.toPlainString(), unit.value() }, LocaleContextHolder.getLocale());
	}

	public String provisional(TariffLine.Provisional provisional) {
		var locale = LocaleContextHolder.getLocale();
		List<String> rates = new ArrayList<>();
		if (provisional.rate() != null) {
			rates.add(percent(provisional.rate()));
		}
		if (provisional.exportRate() != null) {
			rates.add(messages.getMessage("tariff.provisional.export", new Object[] { percent(provisional.exportRate()) },
					locale));
		}
		return messages.getMessage("tariff.provisional.period",
				new Object[] { String.join(", ", rates), provisional.from().toString(), provisional.until().toString() },
				locale);
	}

	private static String percent(BigDecimal fraction) {
		return LineByLineDutyAssessor.percent(fraction);
	}
}
