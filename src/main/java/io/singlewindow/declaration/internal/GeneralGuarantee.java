package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;

/**
 * A general guarantee (总担保, the Regulations on Customs Guarantees): one bank's letter of guarantee or cash deposit an
 * enterprise lodges with customs for the duties and taxes of many declarations, so that customs releases each of them
 * before its duties are paid without a guarantee of its own — as US CBP's continuous bond does. Each declaration
 * customs accepts it for draws part of its cover, held until the declarant pays or the declaration no longer owes;
 * what customs takes from it for an overdue declaration is gone for good. It is given back (退还) only when nothing
 * holds it.
 *
 * <p>What holds it is not counted here but read from the declarations drawing on it ({@link Cover}), under a lock of
 * its row, so that the cover in use is always what the declarations say.
 *
 * @param kind {@code BANK_GUARANTEE} (保函) or {@code DEPOSIT} (保证金)
 * @param amount what it covers in all, CNY
 * @param validUntil a letter's last day; {@literal null} for a deposit
 * @param reference the letter's number or the deposit's receipt: one guarantee of the enterprise
 * @param summaryPayment lodged for summary payment (汇总征税): the declarations released against it pay their duties
 *     together, a month's by the fifth working day of the next ({@link DutyPaymentTerms#summaryPayBy},
 *     {@link SummaryStatement})
 * @param returnedBy the officer who gave it back, {@literal null} while in force
 */
record GeneralGuarantee(UUID id, Uscc enterprise, Declaration.GuaranteeKind kind, BigDecimal amount,
		LocalDate validUntil, String reference, boolean summaryPayment, String recordedBy, Instant recordedAt,
		String returnedBy, Instant returnedAt) {

	/**
	 * What of its cover the declarations drawing on it hold and what customs took from it.
	 *
	 * @param inUse the amounts customs accepted it for on declarations whose duties are still owed unpaid
	 * @param taken what customs took from it for declarations whose last day passed unpaid (从担保中抵缴)
	 */
	record Cover(BigDecimal inUse, BigDecimal taken) {

		static final Cover NONE = new Cover(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
	}

	/**
	 * A general guarantee as customs lodges it.
	 *
	 * @throws Problem 422 {@code GUARANTEE_KIND_UNKNOWN} at {@code kind} for {@code GENERAL} (a general guarantee is a
	 *     letter or a deposit itself), {@code AMOUNT_NOT_POSITIVE} at {@code amount}, {@code REQUIRED} at
	 *     {@code validUntil} for a letter, {@code GUARANTEE_EXPIRED} there for a letter no longer valid today
	 */
	static GeneralGuarantee lodged(Uscc enterprise, Declaration.GuaranteeKind kind, BigDecimal amount,
			LocalDate validUntil, String reference, boolean summaryPayment, String by, Instant at, LocalDate today) {
		if (kind == Declaration.GuaranteeKind.GENERAL) {
			throw Problem.invalidField("kind", "GUARANTEE_KIND_UNKNOWN");
		}
		if (amount.signum() <= 0) {
			throw Problem.invalidField("amount", "AMOUNT_NOT_POSITIVE", amount.toPlainString());
		}
		LocalDate until = kind == Declaration.GuaranteeKind.DEPOSIT ? null : validUntil;
		if (kind == Declaration.GuaranteeKind.BANK_GUARANTEE) {
			if (until == null) {
				throw Problem.invalidField("validUntil", "REQUIRED");
			}
			if (until.isBefore(today)) {
				throw Problem.invalidField("validUntil", "GUARANTEE_EXPIRED", until);
			}
		}
		return new GeneralGuarantee(UUID.randomUUID(), enterprise, kind, amount, until, reference, summaryPayment, by,
				at, null, null);
	}

	/** The same guarantee lodged again (the officer's form sent twice): what it covers, how, until when, for what. */
	boolean sameAs(GeneralGuarantee other) {
		return enterprise.equals(other.enterprise) && kind == other.kind && amount.compareTo(other.amount) == 0
				&& java.util.Objects.equals(validUntil, other.validUntil) && reference.equals(other.reference)
				&& summaryPayment == other.summaryPayment;
	}

	boolean returned() {
		return returnedAt != null;
	}

	/** What it may still cover: nothing once given back. */
	BigDecimal available(Cover cover) {
		if (returned()) {
			return BigDecimal.ZERO.setScale(2);
		}
		return amount.subtract(cover.inUse()).subtract(cover.taken()).max(BigDecimal.ZERO).setScale(2);
	}

	/** A declaration's guarantee drawing {@code drawn} on it, as customs accepts it (checked by {@link #draw}). */
	Declaration.DutyGuarantee guaranteeFor(BigDecimal drawn, String by, Instant at) {
		return new Declaration.DutyGuarantee(Declaration.GuaranteeKind.GENERAL, drawn, validUntil, reference, by, at,
				false, summaryPayment);
	}

	/**
	 * Whether it may cover {@code drawn} more for a declaration, while {@code cover} holds it.
	 *
	 * @throws Problem 409 {@code GENERAL_GUARANTEE_RETURNED} once given back; 422 {@code GENERAL_GUARANTEE_EXHAUSTED}
	 *     at {@code amount} with what it still covers
	 */
	void draw(BigDecimal drawn, Cover cover) {
		if (returned()) {
			throw Problem.conflict("GENERAL_GUARANTEE_RETURNED", reference, returnedAt);
		}
		BigDecimal available = available(cover);
		if (drawn.compareTo(available) > 0) {
			throw Problem.invalidField("amount", "GENERAL_GUARANTEE_EXHAUSTED", reference, available.toPlainString());
		}
	}

	/**
	 * Customs gives it back to the enterprise: the deposit repaid, the letter returned to the bank.
	 *
	 * @return the guarantee given back; itself when it was already
	 * @throws Problem 409 {@code GENERAL_GUARANTEE_IN_USE} while a declaration's unpaid duties hold part of it
	 */
	GeneralGuarantee givenBack(Cover cover, String by, Instant at) {
		if (returned()) {
			return this;
		}
		if (cover.inUse().signum() > 0) {
			throw Problem.conflict("GENERAL_GUARANTEE_IN_USE", reference, cover.inUse().toPlainString());
		}
		return new GeneralGuarantee(id, enterprise, kind, amount, validUntil, reference, summaryPayment, recordedBy,
				recordedAt, by, at);
	}
}
