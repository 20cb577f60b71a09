package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * A general guarantee's letter (保函) running out, as its home pages say it: from
 * {@value GeneralGuaranteeView#EXPIRY_NOTICE_DAYS} days before its last day — after that day the bank pays nothing
 * under it and no declaration is released against it — and after it for as long as declarations still hold part of it
 * (their duties are owed with nothing behind them). The enterprise hears of each of its letters running out; customs
 * of those declarations still hold, which it must call on before the last day or have replaced.
 *
 * @param letter the general guarantee (a letter, in force)
 * @param held what the declarations drawing on it hold of it
 * @param daysLeft days of validity left after today: 0 on its last day, negative once it lapsed
 */
record LetterExpiry(GeneralGuarantee letter, BigDecimal held, long daysLeft) {

	/** Lapsed ones first (the most urgent), then the first to lapse. */
	static final Comparator<LetterExpiry> MOST_URGENT_FIRST = Comparator.comparing(LetterExpiry::lapsed).reversed()
		.thenComparing(e -> e.letter().validUntil()).thenComparing(e -> e.letter().reference());

	/**
	 * What is to be said of {@code guarantee}'s letter today, to its enterprise ({@code forCustoms} false) or to
	 * customs; nothing for a deposit, a guarantee given back, a letter with more than the notice's days left, a lapsed
	 * one nothing holds, and, to customs, one nothing holds.
	 */
	static Optional<LetterExpiry> of(GeneralGuarantee guarantee, GeneralGuarantee.Cover cover, LocalDate today,
			boolean forCustoms) {
		if (guarantee.validUntil() == null || guarantee.returned()) {
			return Optional.empty();
		}
		long daysLeft = ChronoUnit.DAYS.between(today, guarantee.validUntil());
		boolean held = cover.inUse().signum() > 0;
		if (daysLeft > GeneralGuaranteeView.EXPIRY_NOTICE_DAYS || (!held && (daysLeft < 0 || forCustoms))) {
			return Optional.empty();
		}
		return Optional.of(new LetterExpiry(guarantee, cover.inUse(), daysLeft));
	}

	boolean lapsed() {
		return daysLeft < 0;
	}
}
