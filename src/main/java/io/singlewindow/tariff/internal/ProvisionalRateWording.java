package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.singlewindow.tariff.TariffLine;

/**
 * A line's provisional rates as its pages say them, in the reader's language: {@code 5%, export 0% from 2027-01-01 to
 * 2027-12-31}. Either rate may be missing, so a template expression would need a branch for each. Templates call it
 * as {@code ${@provisionalRates.wording(line.provisional)}}.
 */
@Component("provisionalRates")
class ProvisionalRateWording {

	private final MessageSource messages;

	ProvisionalRateWording(MessageSource messages) {
		this.messages = messages;
	}

	public String wording(TariffLine.Provisional provisional) {
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
