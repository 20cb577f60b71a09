package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;

/**
 * One rate of a trade remedy (贸易救济措施) in force on imports of one tariff line: an anti-dumping duty (反倾销税), a
 * countervailing duty (反补贴税) or a safeguard duty (保障措施关税), as the Ministry of Commerce's notice (商务部公告)
 * sets it and customs collects it, ad valorem on the customs value, besides the customs duty. A notice sets a rate for
 * each named producer (生产商, 公司) of an origin and one for all its other producers ({@code producer} {@literal null});
 * a safeguard applies to every origin ({@code origin} {@literal null}).
 *
 * @param notice the notice that imposed it, e.g. {@code 商务部公告2025年第23号}; the rates of one notice and kind are
 *     one measure, of which a line pays one rate
 * @param rate ad valorem, a fraction ({@code 0.349} is 34.9 %); an anti-dumping rate may exceed 100 %; 0 for a named
 *     producer that pays none (a price undertaking, 价格承诺, the Ministry accepted), never for all others
 * @param lastDay the last day it is in force, {@literal null} until an end is set
 */
record TradeRemedy(long id, Kind kind, String notice, HsCode hsCode, CountryCode origin, String producer,
		BigDecimal rate, LocalDate firstDay, LocalDate lastDay) {

	enum Kind {
		ANTI_DUMPING("anti-dumping duty"), COUNTERVAILING("countervailing duty"), SAFEGUARD("safeguard duty");

		/** How the assessment's steps name it (translated by {@code AssessmentStepWording}). */
		final String named;

		Kind(String named) {
			this.named = named;
		}
	}

	/** Public for the pages' expressions. */
	public boolean inForceOn(LocalDate day) {
		return day != null && !day.isBefore(firstDay) && (lastDay == null || !day.isAfter(lastDay));
	}

	/** A producer's name as recorded: spaces around it and runs of spaces inside it as one; none when blank. */
	static String asNamed(String producer) {
		return producer == null || producer.isBlank() ? null : producer.strip().replaceAll("\\s+", " ");
	}

	/** A producer's name as compared: {@link #asNamed as named}, whatever its case. */
	static String comparable(String producer) {
		String named = asNamed(producer);
		return named == null ? null : named.toLowerCase(Locale.ROOT);
	}
}
