package io.singlewindow.statistics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.singlewindow.core.Problem;

/**
 * A breakdown of trade figures. Each dimension names the expression over a fact row that gives its key, so that the
 * aggregates, their rebuild and the plain GROUP BY recomputation share one definition.
 */
enum Dimension {

	TOTAL("''::text"), SECTION("hs_section"), CHAPTER("hs_chapter"), PARTNER("partner"), TRADE_MODE("trade_mode"),
	CATEGORY("CASE WHEN high_tech THEN 'HIGH_TECH' ELSE 'OTHER' END"), CHAIN("chain");

	/** The breakdowns shown as tables (every dimension but the total). */
	static final List<Dimension> BREAKDOWNS = Arrays.stream(values()).filter(d -> d != TOTAL).toList();

	private final String keyExpression;

	Dimension(String keyExpression) {
		this.keyExpression = keyExpression;
	}

	/** SQL over a fact row; a constant of the enum, never user input. */
	String keyExpression() {
		return keyExpression;
	}

	/** The name in URLs: {@code trade-mode}. */
	String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** @throws Problem 404 {@code STATISTICS_TABLE_NOT_FOUND} */
	static Dimension ofSlug(String slug) {
		return Arrays.stream(values()).filter(d -> d != TOTAL && d.slug().equals(slug)).findFirst()
			.orElseThrow(() -> Problem.notFound("STATISTICS_TABLE_NOT_FOUND", slug));
	}
}
