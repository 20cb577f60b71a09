package io.singlewindow.tariff.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.singlewindow.core.CountryCode;

/**
 * Which trade-remedy rates an import pays (a named policy, plain code; {@code TradeRemedyChoiceUnitTests}): of each
 * measure (one notice, one kind) in force on the day for the goods' origin — or for every origin — the rate set for
 * the goods' producer when the notice names it, else the rate for all other producers of that origin. Measures of
 * different notices add up (an anti-dumping and a countervailing duty on the same goods are both paid). Goods of an
 * origin no measure names pay none; a producer the declarant does not state pays the rate for all others, which is
 * how the notices are written (the named producers' lower rates are for goods shown to be theirs).
 */
final class TradeRemedyChoice {

	private TradeRemedyChoice() {
	}

	/** The rates paid, one per measure, in the order anti-dumping, countervailing, safeguard, then by notice. */
	static List<TradeRemedy> paidBy(List<TradeRemedy> onLine, CountryCode origin, String producer, LocalDate day) {
		String wanted = TradeRemedy.comparable(producer);
		Map<String, TradeRemedy> byMeasure = new LinkedHashMap<>();
		onLine.stream()
			.filter(r -> r.inForceOn(day))
			.filter(r -> r.origin() == null || r.origin().equals(origin))
			.filter(r -> r.producer() == null || Objects.equals(TradeRemedy.comparable(r.producer()), wanted))
			.sorted(Comparator.comparing(TradeRemedy::kind).thenComparing(TradeRemedy::notice))
			.forEach(r -> byMeasure.merge(r.kind() + "\n" + r.notice(), r,
					// the producer's own rate before the rate for all others
					(kept, other) -> kept.producer() != null ? kept : other));
		return new ArrayList<>(byMeasure.values());
	}
}
