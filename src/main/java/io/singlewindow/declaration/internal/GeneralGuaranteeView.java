package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A general guarantee (总担保) as customs and the enterprise read it: what it covers, what the declarations drawing on it
 * hold and what customs took from it, and what it may still cover.
 *
 * @param enterpriseName the enterprise's registered Chinese name
 * @param kind {@code BANK_GUARANTEE} (保函) or {@code DEPOSIT} (保证金)
 * @param state {@code ACTIVE}, or {@code RETURNED} once customs gave it back
 * @param inUse held by declarations whose duties are still owed unpaid
 * @param taken taken by customs for declarations whose last day passed unpaid
 * @param available what it may still cover: {@code amount} less both; nothing once returned
 * @param summaryPayment lodged for summary payment (汇总征税): the declarations released against it pay a month's
 *     duties together, by the fifth working day of the next month
 * @param declarations the declarations customs accepted it for, those it still holds first (at most
 *     {@link GeneralGuarantees#DECLARATIONS_SHOWN})
 * @param statements for summary payment, its monthly statements, the latest first (at most
 *     {@link SummaryStatements#MONTHS_SHOWN}), without their declarations; empty otherwise and in lists
 * @param daysLeft a letter's days of validity left after today (0 on its last day, negative once it lapsed);
 *     {@literal null} for a deposit and once given back
 */
record GeneralGuaranteeView(UUID id, String enterprise, String enterpriseName, String kind, BigDecimal amount,
		LocalDate validUntil, String reference, boolean summaryPayment, String state, BigDecimal inUse,
		BigDecimal taken, BigDecimal available, String recordedBy, Instant recordedAt, String returnedBy,
		Instant returnedAt, List<Drawn> declarations, List<SummaryStatementView> statements, Long daysLeft) {

	/** How many days before a letter's last day customs is told it expires ({@link #expiringSoon}). */
	static final int EXPIRY_NOTICE_DAYS = 30;

	/**
	 * A declaration customs accepted the general guarantee for.
	 *
	 * @param amount the part of its cover drawn for the declaration's duties
	 * @param state {@code HELD}, {@code DISCHARGED} (the declarant paid), {@code ENFORCED} (customs took the duties
	 *     from it), {@code RETURNED} (the declaration owes nothing any more)
	 */
	record Drawn(UUID id, String number, BigDecimal amount, String state, Instant acceptedAt) {
	}

	static GeneralGuaranteeView of(GeneralGuarantee g, String enterpriseName, GeneralGuarantee.Cover cover,
			List<Drawn> declarations, List<SummaryStatementView> statements, LocalDate today) {
		Long daysLeft = g.validUntil() == null || g.returned() ? null
				: java.time.temporal.ChronoUnit.DAYS.between(today, g.validUntil());
		return new GeneralGuaranteeView(g.id(), g.enterprise().value(), enterpriseName, g.kind().name(), g.amount(),
				g.validUntil(), g.reference(), g.summaryPayment(), g.returned() ? "RETURNED" : "ACTIVE", cover.inUse(),
				cover.taken(), g.available(cover), g.recordedBy(), g.recordedAt(), g.returnedBy(), g.returnedAt(),
				List.copyOf(declarations), List.copyOf(statements), daysLeft);
	}

	/**
	 * Whether its letter lapses within {@value #EXPIRY_NOTICE_DAYS} days, or has: customs calls on it for what the
	 * declarations still owe before then, or asks the enterprise for a new letter — after its last day the bank pays
	 * nothing and no declaration is released against it.
	 */
	public boolean expiringSoon() {
		return daysLeft != null && daysLeft <= EXPIRY_NOTICE_DAYS;
	}

	/** Whether customs may give it back now: in force, and no declaration holds it. */
	public boolean returnable() {
		return "ACTIVE".equals(state) && inUse.signum() == 0;
	}
}
