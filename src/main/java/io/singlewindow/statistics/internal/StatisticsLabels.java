package io.singlewindow.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.reference.HsEntry;
import io.singlewindow.reference.ReferenceData;

/** Names of breakdown keys, periods and amounts in the reader's language. */
@Component
class StatisticsLabels {

	private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
	private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
	private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final MessageSource messages;
	private final ObjectProvider<ReferenceData> referenceData;

	StatisticsLabels(MessageSource messages, ObjectProvider<ReferenceData> referenceData) {
		this.messages = messages;
		this.referenceData = referenceData;
	}

	/** The name of a key of a breakdown, e.g. {@code US} → 美国, {@code 0110} → 一般贸易. */
	String key(Dimension dimension, String key, Locale locale) {
		return switch (dimension) {
			case TOTAL -> "";
			case SECTION -> key + " " + message("statistics.section." + key, key, locale);
			case CHAPTER -> key + " " + chapterName(key, locale);
			case PARTNER -> {
				// China's customs statistics name Hong Kong, Macao and Taiwan as parts of China
				String name = message("statistics.partner." + key, Locale.of("", key).getDisplayCountry(locale), locale);
				yield name.isBlank() || name.equals(key) ? key : name + " (" + key + ")";
			}
			case TRADE_MODE -> key + " " + message("statistics.tradeMode." + key, "", locale);
			case CATEGORY, CHAIN -> message("statistics." + dimension.slug() + "." + key, key, locale);
		};
	}

	private String chapterName(String chapter, Locale locale) {
		ReferenceData reference = referenceData.getIfAvailable();
		if (reference != null) {
			try {
				var entry = reference.hs(chapter);
				if (entry.isPresent()) {
					HsEntry e = entry.get();
					boolean zh = "zh".equals(locale.getLanguage()) && e.descriptionZh() != null;
					return zh ? e.descriptionZh() : e.description();
				}
			}
			catch (RuntimeException unavailable) {
				// the nomenclature is optional for labels: fall through to the generic name
			}
		}
		return message("statistics.chapter.name", chapter, locale);
	}

	String dimension(Dimension dimension, Locale locale) {
		return message("statistics.dimension." + dimension.name(), dimension.name(), locale);
	}

	String flow(FlowFilter flow, Locale locale) {
		return message("statistics.flow." + flow.name(), flow.name(), locale);
	}

	/** "January–February 2026" / "2026年1—2月", or one month. */
	String period(Period period, Locale locale) {
		int year = period.to().getYear();
		if (zh(locale)) {
			return period.monthCount() == 1 ? year + "年" + period.to().getMonthValue() + "月"
					: year + "年" + period.from().getMonthValue() + "—" + period.to().getMonthValue() + "月";
		}
		String to = period.to().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
		return period.monthCount() == 1 ? to + " " + year
				: Month.JANUARY.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "–" + to + " " + year;
	}

	/** An amount of yuan as the zone's press releases write it: 120.24亿元 / CNY 12.02 billion. */
	String amount(BigDecimal cny, Locale locale) {
		BigDecimal abs = cny.abs();
		if (zh(locale)) {
			if (abs.compareTo(YI) >= 0) {
				return decimal(cny.divide(YI, 2, RoundingMode.HALF_UP)) + "亿元";
			}
			if (abs.compareTo(WAN) >= 0) {
				return decimal(cny.divide(WAN, 2, RoundingMode.HALF_UP)) + "万元";
			}
			return decimal(cny.setScale(2, RoundingMode.HALF_UP)) + "元";
		}
		if (abs.compareTo(BILLION) >= 0) {
			return "CNY " + decimal(cny.divide(BILLION, 2, RoundingMode.HALF_UP)) + " billion";
		}
		if (abs.compareTo(MILLION) >= 0) {
			return "CNY " + decimal(cny.divide(MILLION, 2, RoundingMode.HALF_UP)) + " million";
		}
		return "CNY " + decimal(cny.setScale(2, RoundingMode.HALF_UP));
	}

	/** "up 33.6 %" / "增长33.6%", or that there is nothing to compare with. */
	String growth(BigDecimal growth, Locale locale) {
		if (growth == null) {
			return message("statistics.growth.none", "", locale);
		}
		String key = growth.signum() < 0 ? "statistics.growth.down" : "statistics.growth.up";
		return messages.getMessage(key, new Object[] { growth.abs().toPlainString() }, locale);
	}

	/** The press-release sentence of a dashboard. */
	String headline(Dashboard dashboard, Locale locale) {
		Dashboard.Headline h = dashboard.headline();
		return messages.getMessage("statistics.headline.sentence",
				new Object[] { period(dashboard.period(), locale), amount(h.total().current().valueCny(), locale),
						growth(h.total().growth(), locale), amount(h.exports().current().valueCny(), locale),
						growth(h.exports().growth(), locale), amount(h.imports().current().valueCny(), locale),
						growth(h.imports().growth(), locale) },
				locale);
	}

	private static String decimal(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(value);
	}

	private String message(String code, String fallback, Locale locale) {
		return messages.getMessage(code, null, fallback, locale);
	}

	private static boolean zh(Locale locale) {
		return "zh".equals(locale.getLanguage());
	}
}
