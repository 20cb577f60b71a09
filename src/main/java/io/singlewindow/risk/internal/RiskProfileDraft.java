package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.NumericColumn;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Violations;
import io.singlewindow.risk.Channel;

/**
 * A risk profile as an administrator submits it (REST body or web form), not yet validated.
 *
 * @param version the version the administrator edited (optimistic locking); {@literal null} overwrites whatever is
 *     stored
 */
@Schema(description = "A risk profile to create or replace. Unset conditions do not restrict; at least one must be set.")
public record RiskProfileDraft(
		@Schema(example = "PERFUME_ANY_ORIGIN", description = "A–Z, 0–9 and _, starting with a letter; fixed once created") String code,
		@Schema(example = "香水（任何原产地）") String nameZh,
		@Schema(example = "Perfume from any origin") String nameEn,
		@Schema(example = "[\"FR\", \"IT\"]") List<String> originCountries,
		@Schema(example = "[\"3303\"]", description = "2–10 digits each") List<String> hsPrefixes,
		@Schema(example = "[\"0110\"]", description = "4-digit trade modes (监管方式)") List<String> tradeModes,
		@Schema(example = "IMPORT", allowableValues = { "IMPORT", "EXPORT" }) String flow,
		@Schema(example = "30", description = "declarant registered fewer than this many days ago") Integer newEnterpriseDays,
		@Schema(example = "50", description = "unit value deviates more than this percentage from the zone's mean") BigDecimal priceDeviationPercent,
		@Schema(example = "YELLOW", allowableValues = { "YELLOW", "RED" }) String channel,
		@Schema(example = "30", description = "0–100; 100 selects every matching declaration") BigDecimal selectionPercent,
		@Schema(example = "0.5", description = "0–1, multiplies the rate for AEO-certified declarants; default 1") BigDecimal aeoFactor,
		@Schema(description = "default true") Boolean active,
		LocalDate validFrom, LocalDate validTo, Integer version) {

	/** The columns of {@code risk_profile} (V5_0). */
	static final NumericColumn PRICE_DEVIATION_COLUMN = new NumericColumn(7, 2);
	static final NumericColumn SELECTION_COLUMN = new NumericColumn(6, 3);
	static final NumericColumn AEO_FACTOR_COLUMN = new NumericColumn(4, 3);

	static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{1,39}";
	static final int MAX_NAME = 200;

	/**
	 * Checks every field, recording each problem in {@code violations}.
	 *
	 * @param code the profile's code (from the request path when editing)
	 * @return the profile, or {@literal null} when there were problems
	 */
	RiskProfile toProfile(String code, UUID id, int storedVersion, Violations violations) {
		int before = violations.problems().size();
		String normalisedCode = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
		violations.required(normalisedCode, "code");
		if (normalisedCode != null && !normalisedCode.isBlank()) {
			violations.check(normalisedCode.matches(CODE_PATTERN), "code", "RISK_PROFILE_CODE_FORMAT", code);
		}
		name(nameZh, "nameZh", violations);
		name(nameEn, "nameEn", violations);

		Set<CountryCode> origins = new LinkedHashSet<>();
		List<String> rawOrigins = clean(originCountries);
		for (int i = 0; i < rawOrigins.size(); i++) {
			String raw = rawOrigins.get(i);
			CountryCode country = violations.read("originCountries[" + i + "]", () -> CountryCode.of(raw));
			if (country != null) {
				origins.add(country);
			}
		}
		List<String> prefixes = clean(hsPrefixes).stream().map(p -> p.replace(".", "")).distinct().toList();
		for (int i = 0; i < prefixes.size(); i++) {
			violations.check(prefixes.get(i).matches("\\d{2,10}"), "hsPrefixes[" + i + "]", "HS_PREFIX_FORMAT",
					prefixes.get(i));
		}
		List<String> modes = clean(tradeModes).stream().distinct().toList();
		for (int i = 0; i < modes.size(); i++) {
			violations.check(modes.get(i).matches("\\d{4}"), "tradeModes[" + i + "]", "TRADE_MODE_FORMAT", modes.get(i));
		}
		TradeFlow parsedFlow = null;
		if (flow != null && !flow.isBlank()) {
			try {
				parsedFlow = TradeFlow.valueOf(flow.strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				violations.add("flow", "TRADE_FLOW_UNKNOWN", flow);
			}
		}
		if (newEnterpriseDays != null) {
			violations.check(newEnterpriseDays >= 1 && newEnterpriseDays <= 3650, "newEnterpriseDays",
					"NEW_ENTERPRISE_DAYS_RANGE", newEnterpriseDays);
		}
		if (priceDeviationPercent != null) {
			violations.check(priceDeviationPercent.signum() > 0 && priceDeviationPercent.compareTo(new BigDecimal("10000")) <= 0
					&& priceDeviationPercent.scale() <= 2, "priceDeviationPercent", "PRICE_DEVIATION_RANGE",
					priceDeviationPercent);
		}
		Channel parsedChannel = null;
		if (channel == null || channel.isBlank()) {
			violations.add("channel", "REQUIRED");
		} else {
			try {
				parsedChannel = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				// handled below
			}
			violations.check(parsedChannel != null && parsedChannel != Channel.GREEN, "channel", "RISK_CHANNEL_INVALID",
					channel);
		}
		if (selectionPercent == null) {
			violations.add("selectionPercent", "REQUIRED");
		} else {
			violations.check(selectionPercent.signum() >= 0 && selectionPercent.compareTo(BigDecimal.valueOf(100)) <= 0
					&& selectionPercent.stripTrailingZeros().scale() <= 3, "selectionPercent", "SELECTION_RATE_RANGE",
					selectionPercent);
		}
		BigDecimal factor = aeoFactor == null ? BigDecimal.ONE : aeoFactor;
		violations.check(factor.signum() >= 0 && factor.compareTo(BigDecimal.ONE) <= 0
				&& factor.stripTrailingZeros().scale() <= 3, "aeoFactor", "AEO_FACTOR_RANGE", factor);
		if (validFrom != null && validTo != null) {
			violations.check(!validTo.isBefore(validFrom), "validTo", "VALIDITY_PERIOD_INVALID", validFrom, validTo);
		}
		boolean anyCondition = !rawOrigins.isEmpty() || !prefixes.isEmpty() || !modes.isEmpty()
				|| (flow != null && !flow.isBlank()) || newEnterpriseDays != null || priceDeviationPercent != null;
		// A profile without conditions would select every declaration; that is what random selection is for.
		violations.check(anyCondition, "conditions", "RISK_PROFILE_NO_CONDITION");
		if (violations.problems().size() > before) {
			return null;
		}
		// Kept as the columns keep them: a zero typed 0E+999999999 passes the checks above, and PostgreSQL refuses its
		// scale (a 500 the fuzz suite found).
		return new RiskProfile(id, normalisedCode, nameZh.strip(), nameEn.strip(), origins, prefixes, Set.copyOf(modes),
				parsedFlow, newEnterpriseDays, priceDeviationPercent == null ? null
						: PRICE_DEVIATION_COLUMN.fit(priceDeviationPercent),
				parsedChannel, SELECTION_COLUMN.fit(selectionPercent), AEO_FACTOR_COLUMN.fit(factor),
				active == null || active, validFrom, validTo, version == null ? storedVersion : version);
	}

	private static void name(String value, String field, Violations violations) {
		violations.required(value, field);
		if (value != null) {
			violations.line(field, value, MAX_NAME);
		}
	}

	private static List<String> clean(List<String> values) {
		List<String> cleaned = new ArrayList<>();
		if (values != null) {
			for (String v : values) {
				if (v != null && !v.isBlank()) {
					cleaned.add(v.strip().toUpperCase(Locale.ROOT));
				}
			}
		}
		return cleaned;
	}

	/** The draft that reproduces a stored profile (to fill the edit form). */
	static RiskProfileDraft of(RiskProfile p) {
		return new RiskProfileDraft(p.code(), p.nameZh(), p.nameEn(),
				p.originCountries().stream().map(CountryCode::value).sorted().toList(), p.hsPrefixes(),
				p.tradeModes().stream().sorted().toList(), p.flow() == null ? null : p.flow().name(),
				p.newEnterpriseDays(), p.priceDeviationPercent(), p.channel().name(), p.selectionPercent(), p.aeoFactor(),
				p.active(), p.validFrom(), p.validTo(), p.version());
	}
}
