package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;
import io.singlewindow.platform.BusinessTime;

/**
 * Customs records the payment of a cleared declaration's duties and taxes (税款缴纳) as the bank reported it to customs
 * (or customs' cashier received it): the whole amount due on the day paid ({@link DutyPaymentTerms}), with the bank's
 * reference. Release waits for it ({@link Declaration#release}). And the settlement of what a correction made after
 * the payment or the release changed, on the correction's own notice ({@link Declaration.TaxDifference}): collected
 * from the declarant (补税) or refunded to it (退税). The platform does not move money itself: it keeps what is owed,
 * by when, and what was paid.
 */
@Service
class DutyPayments {

	private static final Logger log = LoggerFactory.getLogger(DutyPayments.class);

	private final DeclarationRows rows;
	private final DeclarationStore store;
	private final ZoneCalendar calendar;
	private final BusinessTime time;
	private final AuditTrail auditTrail;

	DutyPayments(DeclarationRows rows, DeclarationStore store, ZoneCalendar calendar, BusinessTime time,
			AuditTrail auditTrail) {
		this.rows = rows;
		this.store = store;
		this.calendar = calendar;
		this.time = time;
		this.auditTrail = auditTrail;
	}

	/**
	 * Records the payment; the same payment recorded again (the bank's notice repeated) changes nothing.
	 *
	 * @param paidOn the day the bank took the payment; {@literal null}: today
	 * @throws Problem 403 unless a customs officer; 422 {@code REQUIRED} at {@code amount} or {@code reference},
	 *     {@code PAYMENT_DATE_IN_FUTURE} at {@code paidOn}, and those of {@link Declaration#recordPayment}; 409 likewise
	 */
	@Transactional
	public DeclarationView record(Actor actor, UUID id, BigDecimal amount, LocalDate paidOn, String reference) {
		Declaration.DutyPayment payment = asReported(actor, amount, paidOn, reference);
		Declaration declaration = rows.lock(id);
		Declaration.Duties owed = declaration.duties();
		LocalDate payBy = owed.owed() ? DutyPaymentTerms.payBy(owed.noticeOn(), calendar.current()) : time.today();
		if (declaration.recordPayment(payment, payBy)) {
			auditTrail.record(AuditRecord.of("DECLARATION_DUTIES_PAID", "DECLARATION", id).by(actor)
				.change(null, Declarations.audited(declaration, declaration.status(), "amount", amount.toPlainString(),
						"taxes", owed.taxes().toPlainString(), "paidOn", payment.paidOn().toString(), "reference",
						payment.reference())));
			rows.save(declaration);
			log.info("event=declaration_duties_paid number={} amount={} paid_on={} by={}", declaration.number(),
					amount.toPlainString(), payment.paidOn(), actor.username());
		}
		return store.find(id).orElseThrow();
	}

	/**
	 * Records the settlement of a correction's own notice: the collection the bank reported (the whole amount due on
	 * the day paid, a late-payment surcharge after its last day included) or the refund customs paid; the same
	 * settlement recorded again changes nothing.
	 *
	 * @param paidOn the day the money moved; {@literal null}: today
	 * @throws Problem 403 unless a customs officer; 404 {@code CORRECTION_NOT_FOUND} unless a correction of this
	 *     declaration; 422 {@code REQUIRED} at {@code amount} or {@code reference}, {@code PAYMENT_DATE_IN_FUTURE} at
	 *     {@code paidOn}, and those of {@link Declaration#settleDifference}; 409 likewise
	 */
	@Transactional
	public DeclarationView settle(Actor actor, UUID id, UUID correctionId, BigDecimal amount, LocalDate paidOn,
			String reference) {
		Declaration.DutyPayment settlement = asReported(actor, amount, paidOn, reference);
		Declaration declaration = rows.lock(id);
		Declaration.TaxDifference difference = rows.taxDifference(id, correctionId)
			.orElseThrow(() -> Problem.notFound("CORRECTION_NOT_FOUND", correctionId));
		LocalDate payBy = DutyPaymentTerms.payBy(difference.noticeOn(), calendar.current());
		if (declaration.settleDifference(difference, settlement, payBy)) {
			auditTrail.record(AuditRecord.of("DECLARATION_DIFFERENCE_SETTLED", "DECLARATION", id).by(actor)
				.change(null, Declarations.audited(declaration, declaration.status(), "correction",
						correctionId.toString(), "kind", difference.collected() ? "COLLECT" : "REFUND", "difference",
						difference.amount().toPlainString(), "amount", amount.toPlainString(), "paidOn",
						settlement.paidOn().toString(), "reference", settlement.reference())));
			rows.save(declaration);
			log.info("event=declaration_difference_settled number={} correction={} difference={} amount={} paid_on={} "
					+ "by={}", declaration.number(), correctionId, difference.amount().toPlainString(),
					amount.toPlainString(), settlement.paidOn(), actor.username());
		}
		return store.find(id).orElseThrow();
	}

	/** The payment as the bank reported it to customs, checked before any row is read; its surcharge not yet known. */
	private Declaration.DutyPayment asReported(Actor actor, BigDecimal amount, LocalDate paidOn, String reference) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		if (amount == null) {
			throw Problem.invalidField("amount", "REQUIRED");
		}
		if (reference == null || reference.isBlank()) {
			throw Problem.invalidField("reference", "REQUIRED");
		}
		String bankReference = FreeText.readLine("reference", reference, InputLimits.REFERENCE).strip();
		LocalDate today = time.today();
		LocalDate paid = paidOn == null ? today : paidOn;
		if (paid.isAfter(today)) {
			throw Problem.invalidField("paidOn", "PAYMENT_DATE_IN_FUTURE", today);
		}
		return new Declaration.DutyPayment(amount, null, paid, bankReference, actor.username(), time.now());
	}
}
