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
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.NumericColumn;
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

	/** The column an amount of duties is kept in (a guarantee's, a payment's). */
	private static final NumericColumn AMOUNT = new NumericColumn(18, 2);

	private final DeclarationRows rows;
	private final DeclarationStore store;
	private final ZoneCalendar calendar;
	private final BusinessTime time;
	private final AuditTrail auditTrail;
	private final GeneralGuarantees generalGuarantees;
	private final SummaryStatements statements;

	DutyPayments(DeclarationRows rows, DeclarationStore store, ZoneCalendar calendar, BusinessTime time,
			AuditTrail auditTrail, GeneralGuarantees generalGuarantees, SummaryStatements statements) {
		this.generalGuarantees = generalGuarantees;
		this.statements = statements;
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
		LocalDate payBy = owed.owed() ? DutyPaymentTerms.payBy(owed, calendar.current()) : time.today();
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

	/**
	 * Records the refund (退税) of what the declarant of a cancelled declaration had paid, as customs' bank paid it back:
	 * the whole amount owed back ({@code duties.refundDue}); the same refund recorded again changes nothing.
	 *
	 * @param paidOn the day the bank paid it back; {@literal null}: today
	 * @throws Problem 403 unless a customs officer; 422 {@code REQUIRED} at {@code amount} or {@code reference},
	 *     {@code PAYMENT_DATE_IN_FUTURE} at {@code paidOn}, and those of {@link Declaration#recordRefund}; 409 likewise
	 */
	@Transactional
	public DeclarationView refund(Actor actor, UUID id, BigDecimal amount, LocalDate paidOn, String reference) {
		Declaration.DutyPayment refund = asReported(actor, amount, paidOn, reference);
		Declaration declaration = rows.lock(id);
		// What is owed back counts the corrections' settled notices: read as the declaration shows it, under the lock.
		DeclarationView.Duties shown = store.find(id).orElseThrow().duties();
		BigDecimal due = shown == null || shown.refundDue() == null ? BigDecimal.ZERO : shown.refundDue();
		if (declaration.recordRefund(refund, due)) {
			auditTrail.record(AuditRecord.of("DECLARATION_DUTIES_REFUNDED", "DECLARATION", id).by(actor)
				.change(null, Declarations.audited(declaration, declaration.status(), "amount", amount.toPlainString(),
						"paidOn", refund.paidOn().toString(), "reference", refund.reference())));
			rows.save(declaration);
			log.info("event=declaration_duties_refunded number={} amount={} paid_on={} by={}", declaration.number(),
					amount.toPlainString(), refund.paidOn(), actor.username());
		}
		return store.find(id).orElseThrow();
	}

	/**
	 * Records what customs took from the guarantee once the last day to pay passed unpaid (从担保中抵缴): the deposit
	 * converted, or what the bank paid under its letter — the whole amount due on that day; the same taking recorded
	 * again changes nothing.
	 *
	 * @param paidOn the day customs took it (the bank paid); {@literal null}: today
	 * @throws Problem 403 unless a customs officer; 422 {@code REQUIRED} at {@code amount} or {@code reference},
	 *     {@code PAYMENT_DATE_IN_FUTURE} at {@code paidOn}, and those of {@link Declaration#enforceGuarantee}; 409
	 *     likewise
	 */
	@Transactional
	public DeclarationView enforceGuarantee(Actor actor, UUID id, BigDecimal amount, LocalDate paidOn,
			String reference) {
		Declaration.DutyPayment taken = asReported(actor, amount, paidOn, reference);
		Declaration declaration = rows.lock(id);
		Declaration.Duties owed = declaration.duties();
		LocalDate payBy = owed.owed() ? DutyPaymentTerms.payBy(owed, calendar.current()) : time.today();
		if (declaration.enforceGuarantee(taken, payBy)) {
			Declaration.DutyGuarantee guarantee = declaration.duties().guarantee();
			auditTrail.record(AuditRecord.of("DECLARATION_GUARANTEE_ENFORCED", "DECLARATION", id).by(actor)
				.change(null, Declarations.audited(declaration, declaration.status(), "kind", guarantee.kind().name(),
						"guarantee", guarantee.reference(), "amount", amount.toPlainString(), "taxes",
						owed.taxes().toPlainString(), "paidOn", taken.paidOn().toString(), "reference",
						taken.reference())));
			rows.save(declaration);
			log.info("event=declaration_guarantee_enforced number={} kind={} amount={} paid_on={} by={}",
					declaration.number(), guarantee.kind(), amount.toPlainString(), taken.paidOn(), actor.username());
		}
		return store.find(id).orElseThrow();
	}

	/**
	 * Accepts a guarantee for the duties and taxes before their payment, so that customs may release the goods at once
	 * (担保放行); the same guarantee recorded again changes nothing.
	 *
	 * @param kind {@code DEPOSIT} (保证金), {@code BANK_GUARANTEE} (保函), or {@code GENERAL}: part of the cover of the
	 *     declarant's general guarantee (总担保) of {@code reference}, valid as long as it is
	 * @param validUntil a letter of guarantee's last day, required for one (ignored for a deposit and a general one)
	 * @throws Problem 403 unless a customs officer; 422 {@code REQUIRED} at {@code kind}, {@code amount},
	 *     {@code validUntil} (a letter) or {@code reference}, {@code GUARANTEE_KIND_UNKNOWN} at {@code kind}, those
	 *     of {@link Declaration#acceptGuarantee}, {@link GeneralGuarantees#lockFor} and {@link GeneralGuarantee#draw},
	 *     {@code SUMMARY_PAYMENT_TOO_LATE} at {@code reference}; 409 likewise, {@code SUMMARY_STATEMENT_OVERDUE} while
	 *     a statement of the general guarantee for summary payment is overdue
	 */
	@Transactional
	public DeclarationView guarantee(Actor actor, UUID id, String kind, BigDecimal amount, LocalDate validUntil,
			String reference) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Declaration.GuaranteeKind form = Declaration.GuaranteeKind.read(kind);
		BigDecimal covered = covered(amount);
		if (form == Declaration.GuaranteeKind.BANK_GUARANTEE && validUntil == null) {
			throw Problem.invalidField("validUntil", "REQUIRED");
		}
		if (reference == null || reference.isBlank()) {
			throw Problem.invalidField("reference", "REQUIRED");
		}
		String letter = FreeText.readLine("reference", reference, InputLimits.REFERENCE).strip();
		Declaration declaration = rows.lock(id);
		// A declaration's row is locked before its general guarantee's, on every path that takes both.
		GeneralGuarantee general = form == Declaration.GuaranteeKind.GENERAL
				? generalGuarantees.lockFor(declaration.declarant(), letter) : null;
		var guarantee = general != null ? general.guaranteeFor(covered, actor.username(), time.now())
				: new Declaration.DutyGuarantee(form, covered,
						form == Declaration.GuaranteeKind.DEPOSIT ? null : validUntil, letter, actor.username(),
						time.now());
		Declaration.Duties owed = declaration.duties();
		LocalDate today = time.today();
		LocalDate payBy = owed.owed() ? DutyPaymentTerms.payBy(owed.noticeOn(), calendar.current()) : today;
		BigDecimal due = owed.owed() ? DutyPaymentTerms.amountDue(owed.taxes(), payBy, today) : BigDecimal.ZERO;
		if (guarantee.summary() && owed.unpaid() && owed.guarantee() == null
				&& declaration.status() == DeclarationStatus.CLEARED) {
			if (today.isAfter(payBy)) {
				// Its own last day passed: the month's later one would forgive the surcharge it owes.
				throw Problem.invalidField("reference", "SUMMARY_PAYMENT_TOO_LATE", payBy);
			}
			payBy = DutyPaymentTerms.summaryPayBy(owed.noticeOn(), calendar.current());
		}
		if (declaration.acceptGuarantee(guarantee, due, payBy)) {
			if (general != null) {
				// Checked once the declaration accepts it: its own refusals come first, and nothing is written yet. The
				// cover is read in a statement after the lock's, not in it: a statement that waited for the lock would
				// read the declarations as they were before its wait, without the draw it waited for.
				general.draw(covered, generalGuarantees.cover(general));
				if (general.summaryPayment()) {
					// An enterprise behind with a statement is put on no more until it pays (customs may suspend its
					// summary payment, announcement 2017 No. 45): releasing more goods unpaid would widen the debt.
					statements.overdue(general.id()).ifPresent(month -> {
						throw Problem.conflict("SUMMARY_STATEMENT_OVERDUE", letter, month.toString(),
								DutyPaymentTerms.statementPayBy(month, calendar.current()));
					});
				}
			}
			auditTrail.record(AuditRecord.of("DECLARATION_DUTIES_GUARANTEED", "DECLARATION", id).by(actor)
				.change(null, Declarations.audited(declaration, declaration.status(), "kind", form.name(), "amount",
						covered.toPlainString(), "amountDue", due.toPlainString(), "validUntil",
						String.valueOf(guarantee.validUntil()), "reference", letter, "payBy", payBy.toString())));
			rows.save(declaration);
			log.info("event=declaration_duties_guaranteed number={} kind={} amount={} valid_until={} by={}",
					declaration.number(), form, covered.toPlainString(), guarantee.validUntil(), actor.username());
		}
		return store.find(id).orElseThrow();
	}

	/**
	 * What a guarantee covers, as its column keeps it: any amount over what is due is accepted, so it must fit the
	 * column first (1e999999999 was a 500).
	 *
	 * @throws Problem 422 {@code REQUIRED} or {@code TOO_LARGE} at {@code amount}
	 */
	static BigDecimal covered(BigDecimal amount) {
		if (amount == null) {
			throw Problem.invalidField("amount", "REQUIRED");
		}
		try {
			return AMOUNT.fit(amount);
		} catch (InvalidValue e) {
			throw Problem.invalidField("amount", e.code(), e.arguments());
		}
	}

	/** The payment as the bank reported it to customs, checked before any row is read; its surcharge not yet known. */
	private Declaration.DutyPayment asReported(Actor actor, BigDecimal amount, LocalDate paidOn, String reference) {
		return reported(actor, amount, paidOn, reference, time);
	}

	/**
	 * A payment as the bank reported it to customs, checked before any row is read; its surcharge not yet known.
	 *
	 * @throws Problem 403 unless a customs officer; 422 {@code REQUIRED} at {@code amount} or {@code reference},
	 *     {@code SIZE} or {@code CONTROL_CHARACTER} at {@code reference}, {@code PAYMENT_DATE_IN_FUTURE} at
	 *     {@code paidOn}
	 */
	static Declaration.DutyPayment reported(Actor actor, BigDecimal amount, LocalDate paidOn, String reference,
			BusinessTime time) {
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
