package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.singlewindow.risk.Channel;
import io.singlewindow.risk.RiskDecision;
import io.singlewindow.risk.RiskHit;
import io.singlewindow.risk.RiskRequest;

/**
 * The risk policies as plain logic: which profiles match a declaration, whether their selection draw picks it, the
 * random selection, and the resulting channel (the strictest selected hit wins: RED over YELLOW over GREEN). Knows
 * nothing of the database; {@link JdbcRiskAssessor} loads its inputs and records its result.
 */
public final class RiskEvaluation {

	public static final String PROFILE_MATCH = "PROFILE_MATCH";
	public static final String UNIT_PRICE_ANOMALY = "UNIT_PRICE_ANOMALY";
	public static final String NEW_ENTERPRISE = "NEW_ENTERPRISE";
	public static final String RANDOM_SELECTION = "RANDOM_SELECTION";
	public static final String NO_RISK = "NO_RISK";

	/** What the evaluation knows of the declarant. */
	public record Declarant(boolean aeoCertified, Instant registeredAt) {

		/** An enterprise the register does not know: treated as new and not AEO-certified. */
		public static final Declarant UNKNOWN = new Declarant(false, null);
	}

	/** A price history key. */
	public record PriceKey(String hsCode, String unit) implements Comparable<PriceKey> {

		static PriceKey of(RiskRequest.Line line) {
			return new PriceKey(line.hsCode().value(), line.unit().value());
		}

		@Override
		public int compareTo(PriceKey o) {
			return Comparator.comparing(PriceKey::hsCode).thenComparing(PriceKey::unit).compare(this, o);
		}
	}

	/**
	 * A line's unit value, to be added to the history when {@code accepted} (an outlier is only counted).
	 */
	public record Observation(PriceKey key, BigDecimal unitValue, boolean accepted) {
	}

	/** The result: the decision, every hit, and the unit values to record. */
	public record Result(RiskDecision decision, List<RiskHit> hits, List<Observation> observations) {
	}

	private final RiskProperties properties;

	public RiskEvaluation(RiskProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param profiles the profiles in force at {@code at}, in the order their hits are listed
	 * @param history the price history of the request's (HS code, unit) pairs, as it was before this declaration
	 */
	public Result evaluate(RiskRequest request, Declarant declarant, List<RiskProfile> profiles,
			Map<PriceKey, PriceHistory> history, Instant at) {
		List<RiskHit> hits = new ArrayList<>();
		for (RiskProfile profile : profiles) {
			RiskHit hit = match(profile, request, declarant, history, at);
			if (hit != null) {
				hits.add(hit);
			}
		}
		RiskHit random = randomSelection(request, declarant);
		if (random != null) {
			hits.add(random);
		}
		return new Result(decide(hits), hits, observations(request, profiles, history));
	}

	RiskHit match(RiskProfile profile, RiskRequest request, Declarant declarant, Map<PriceKey, PriceHistory> history,
			Instant at) {
		if (profile.flow() != null && profile.flow() != request.flow()) {
			return null;
		}
		if (!profile.tradeModes().isEmpty() && !profile.tradeModes().contains(request.tradeMode())) {
			return null;
		}
		if (profile.newEnterpriseDays() != null && !isNew(declarant, profile.newEnterpriseDays(), at)) {
			return null;
		}
		if (!profile.hasLineConditions()) {
			return hit(profile, request, declarant, null, null, null);
		}
		for (RiskRequest.Line line : request.lines()) {
			if (!profile.originCountries().isEmpty()
					&& (line.origin() == null || !profile.originCountries().contains(line.origin()))) {
				continue;
			}
			if (!profile.hsPrefixes().isEmpty()
					&& (line.hsCode() == null || profile.hsPrefixes().stream().noneMatch(line.hsCode()::startsWith))) {
				continue;
			}
			if (profile.priceDeviationPercent() == null) {
				return hit(profile, request, declarant, line, null, null);
			}
			BigDecimal unitValue = unitValue(line);
			if (unitValue == null) {
				continue;
			}
			PriceHistory prices = history.getOrDefault(PriceKey.of(line), PriceHistory.EMPTY);
			BigDecimal deviation = prices.deviationPercent(unitValue, properties.minObservations());
			if (deviation != null && deviation.compareTo(profile.priceDeviationPercent()) > 0) {
				return hit(profile, request, declarant, line, unitValue, prices);
			}
		}
		return null;
	}

	private static boolean isNew(Declarant declarant, int days, Instant at) {
		return declarant.registeredAt() == null || declarant.registeredAt().isAfter(at.minus(Duration.ofDays(days)));
	}

	private RiskHit hit(RiskProfile profile, RiskRequest request, Declarant declarant, RiskRequest.Line line,
			BigDecimal unitValue, PriceHistory prices) {
		BigDecimal factor = declarant.aeoCertified() ? profile.aeoFactor() : BigDecimal.ONE;
		BigDecimal rate = profile.selectionPercent().multiply(factor).setScale(5, RoundingMode.HALF_UP);
		double draw = SelectionDraw.of(request.declarationId(), profile.code());
		boolean selected = selected(draw, rate);
		String reasonCode = profile.reasonCode();
		StringBuilder detail = new StringBuilder("Profile ").append(profile.code()).append(" (").append(profile.nameEn())
			.append(")");
		if (line != null) {
			detail.append(" matched line ").append(line.lineNo());
		} else {
			detail.append(" matched");
		}
		BigDecimal mean = null;
		BigDecimal deviation = null;
		Long observations = null;
		if (prices != null) {
			mean = prices.mean();
			deviation = prices.deviationPercent(unitValue, properties.minObservations());
			observations = prices.observations();
			detail.append(": unit value ").append(unitValue.stripTrailingZeros().toPlainString()).append(" CNY/")
				.append(line.unit()).append(" deviates ").append(deviation.toPlainString()).append(" % from the mean ")
				.append(mean.stripTrailingZeros().toPlainString()).append(" of ").append(observations)
				.append(" observations");
		}
		detail.append(selected ? ", selected for " : ", not selected for ").append(profile.channel())
			.append(" at a rate of ").append(rate.stripTrailingZeros().toPlainString()).append(" %");
		if (declarant.aeoCertified() && factor.compareTo(BigDecimal.ONE) < 0) {
			detail.append(" (reduced for an AEO-certified enterprise)");
		}
		return new RiskHit(reasonCode, profile.code(), profile.channel(), line == null ? null : line.lineNo(), selected,
				rate, drawValue(draw), unitValue, mean, observations, deviation, detail.toString());
	}

	RiskHit randomSelection(RiskRequest request, Declarant declarant) {
		BigDecimal factor = declarant.aeoCertified() ? properties.aeoRandomFactor() : BigDecimal.ONE;
		BigDecimal red = properties.randomRedPercent().multiply(factor).setScale(5, RoundingMode.HALF_UP);
		BigDecimal yellow = properties.randomYellowPercent().multiply(factor).setScale(5, RoundingMode.HALF_UP);
		double draw = SelectionDraw.of(request.declarationId(), RANDOM_SELECTION);
		Channel channel;
		BigDecimal rate;
		// One draw for both channels so that RED and YELLOW are exclusive and their rates exact.
		if (selected(draw, red)) {
			channel = Channel.RED;
			rate = red;
		} else if (selected(draw, red.add(yellow))) {
			channel = Channel.YELLOW;
			rate = yellow;
		} else {
			return null;
		}
		String detail = "Selected at random for " + channel + " at a rate of " + rate.stripTrailingZeros().toPlainString()
				+ " %" + (declarant.aeoCertified() ? " (reduced for an AEO-certified enterprise)" : "");
		return new RiskHit(RANDOM_SELECTION, null, channel, null, true, rate, drawValue(draw), null, null, null, null,
				detail);
	}

	private static boolean selected(double draw, BigDecimal ratePercent) {
		return draw < ratePercent.doubleValue() / 100.0;
	}

	private static BigDecimal drawValue(double draw) {
		return BigDecimal.valueOf(draw).setScale(7, RoundingMode.DOWN);
	}

	static RiskDecision decide(List<RiskHit> hits) {
		List<RiskHit> selected = hits.stream().filter(RiskHit::selected).toList();
		if (selected.isEmpty()) {
			return new RiskDecision(Channel.GREEN, NO_RISK, null,
					"No risk profile selected the declaration and it was not selected at random: automatic release.");
		}
		Channel strictest = selected.stream().map(RiskHit::channel).max(Comparator.naturalOrder()).orElseThrow();
		RiskHit main = selected.stream().filter(h -> h.channel() == strictest).findFirst().orElseThrow();
		String reason = selected.stream().map(RiskHit::detail).collect(Collectors.joining("; "));
		return new RiskDecision(strictest, main.reasonCode(), main.profileCode(), reason);
	}

	List<Observation> observations(RiskRequest request, List<RiskProfile> profiles,
			Map<PriceKey, PriceHistory> history) {
		BigDecimal threshold = profiles.stream().map(RiskProfile::priceDeviationPercent)
			.filter(Objects::nonNull)
			.reduce(properties.historyOutlierPercent(), BigDecimal::min);
		List<Observation> observations = new ArrayList<>();
		for (RiskRequest.Line line : request.lines()) {
			BigDecimal unitValue = unitValue(line);
			if (unitValue == null) {
				continue;
			}
			PriceKey key = PriceKey.of(line);
			BigDecimal deviation = history.getOrDefault(key, PriceHistory.EMPTY)
				.deviationPercent(unitValue, properties.minObservations());
			observations.add(new Observation(key, unitValue, deviation == null || deviation.compareTo(threshold) <= 0));
		}
		return observations;
	}

	/**
	 * CNY per unit, or {@literal null} when the line has no HS code or unit, no positive quantity or no value (it then
	 * neither is judged nor adds to the history).
	 */
	static BigDecimal unitValue(RiskRequest.Line line) {
		if (line.hsCode() == null || line.unit() == null || line.quantity() == null || line.quantity().signum() <= 0 || line.valueCny() == null
				|| line.valueCny().signum() < 0) {
			return null;
		}
		return line.valueCny().divide(line.quantity(), 6, RoundingMode.HALF_EVEN);
	}
}
