package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.DeclarationCorrected;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.DutyAssessor;
import io.singlewindow.tariff.ExchangeRates;

/**
 * Customs corrects the declared values of a cleared or released declaration (报关单修改): a value the seller's credit
 * note, a price adjustment or a post-clearance audit found wrong. The lines are assessed again at the rates first
 * applied ({@link DutyAssessor#reassess}); the correction, with the assessment before and after, is kept, so that the
 * difference customs collects (补税) or refunds (退税) is on record; the declaration's lines and totals hold the
 * corrected values. Quantities, goods and parties are not corrected here: they touch permits and routing, which a
 * cleared declaration no longer goes through.
 */
@Service
class DeclarationCorrections {

	private static final Logger log = LoggerFactory.getLogger(DeclarationCorrections.class);

	private final DeclarationRows rows;
	private final DeclarationStore store;
	private final DutyAssessor assessor;
	private final ExchangeRates rates;
	private final BusinessTime time;
	private final AuditTrail auditTrail;
	private final PermitLedger permits;
	private final DeclarationValidation validation;
	private final Enterprises enterprises;

	DeclarationCorrections(DeclarationRows rows, DeclarationStore store, DutyAssessor assessor, ExchangeRates rates,
			BusinessTime time, AuditTrail auditTrail, PermitLedger permits, DeclarationValidation validation,
			Enterprises enterprises) {
		this.permits = permits;
		this.validation = validation;
		this.enterprises = enterprises;
		this.rows = rows;
		this.store = store;
		this.assessor = assessor;
		this.rates = rates;
		this.time = time;
		this.auditTrail = auditTrail;
	}

	/**
	 * Corrects the declared values of the lines named, as a customs officer.
	 *
	 * @param expectedVersion the version the officer read; {@literal null} corrects it as it is now
	 * @throws Problem 403 unless a customs officer; 422 {@code REASON_REQUIRED} and what {@link ValueCorrections}
	 *     refuses; 409 {@code DECLARATION_NOT_CORRECTABLE} unless cleared or released, {@code DECLARATION_CHANGED}
	 *     when it changed since the officer read it, {@code CORRECTION_MOVES_PERMIT_VALUE} when a line written off a
	 *     permit's value quota would change its customs value
	 */
	@Transactional
	DeclarationView correct(Actor actor, UUID id, String reason, Integer expectedVersion,
			List<CorrectedValue> values) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Declaration declaration = rows.lock(id);
		String why = Declarations.requiredText("reason", "REASON_REQUIRED", reason);
		declaration.requireVersion(expectedVersion);
		return corrected(actor, declaration, why, values);
	}

	/**
	 * Corrects the declared values as the declarant's waiting application asked, deciding it (customs' system on the
	 * Kafka decisions topics, {@link AgencyDecisionInbox}): checked again as any correction is, under the lock.
	 *
	 * @param appliedAt when the application decided was made, as the caller read it; {@literal null}: whichever waits
	 * @throws Problem as {@link #correct}, and 409 {@code CORRECTION_NOT_APPLIED}, {@code CORRECTION_APPLICATION_CHANGED}
	 */
	@Transactional
	DeclarationView correctAsApplied(Actor actor, UUID id, String reason, Instant appliedAt) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Declaration declaration = rows.lock(id);
		String why = Declarations.requiredText("reason", "REASON_REQUIRED", reason);
		List<CorrectedValue> asked = declaration.correctionApplied(appliedAt).values().entrySet().stream()
			.map(v -> new CorrectedValue(v.getKey(), v.getValue()))
			.toList();
		return corrected(actor, declaration, why, asked);
	}

	private DeclarationView corrected(Actor actor, Declaration declaration, String why, List<CorrectedValue> values) {
		UUID id = declaration.id();
		declaration.requireCorrectable();
		Proposal proposal = proposal(declaration, values);
		DeclarationView before = proposal.before();
		Map<Integer, BigDecimal> changed = proposal.changed();
		Assessment after = proposal.after();
		List<DeclarationView.CorrectedLine> lines = proposal.lines();
		Instant now = time.now();
		DeclarationCorrected correction = new DeclarationCorrected(id, declaration.number(), declaration.declarant(),
				actor.username(), why, now, before.totalTaxes(), after.totalTaxes(),
				statisticalLines(before, lines));
		boolean settledApart = declaration.correct(correction);
		rows.writeCorrection(id, correction, settledApart, before.totalCustomsValue(), after, changed, lines);
		Map<String, Object> was = audited(declaration, before.totalCustomsValue(), before.totalTaxes(), lines, true);
		Map<String, Object> is = audited(declaration, after.totalCustomsValueCny(), after.totalTaxes(), lines, false);
		is.put("reason", why);
		auditTrail.record(AuditRecord.of("DECLARATION_CORRECTED", "DECLARATION", id).by(actor).change(was, is));
		rows.save(declaration);
		log.info("event=declaration_corrected number={} by={} lines={} tax_difference={}", declaration.number(),
				actor.username(), lines.size(), correction.taxDifference().toPlainString());
		return store.find(id).orElseThrow();
	}

	/**
	 * The declarant (the trader, or a broker for its principal) applies to customs for a correction of a cleared or
	 * released declaration's values (报关单修改申请): checked as a correction would be, then kept on the declaration
	 * until customs corrects it ({@link #correct}) or refuses the application ({@link #refuseCorrection}).
	 *
	 * @param expectedVersion the version the declarant read; {@literal null} applies whatever it is now
	 * @throws Problem 403 unless acting for the declarant; 422 as {@link #correct}; 409
	 *     {@code DECLARATION_NOT_CORRECTABLE}, {@code CORRECTION_ALREADY_APPLIED}, {@code DECLARATION_CHANGED},
	 *     {@code CORRECTION_MOVES_PERMIT_VALUE}
	 */
	@Transactional
	DeclarationView applyForCorrection(Actor actor, UUID id, String reason, Integer expectedVersion,
			List<CorrectedValue> values) {
		Declaration declaration = rows.lock(id);
		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		String why = Declarations.requiredText("reason", "REASON_REQUIRED", reason);
		declaration.requireVersion(expectedVersion);
		declaration.requireCorrectable();
		return applied(actor, declaration, why, proposal(declaration, values));
	}

	/**
	 * The declarant applies for a correction by declaring the cleared or released declaration again in full, as a
	 * standard message's replacement does: the message is validated as a submission and must declare what was declared
	 * but for the lines' values ({@link ValuesDeclaredAgain}); the values that differ are applied for as
	 * {@link #applyForCorrection(Actor, UUID, String, Integer, List)} applies for them. The same application sent again
	 * while it waits (the same values, the same reason) is answered as the first time, changing nothing: EDI software
	 * that got no answer sends its message again.
	 *
	 * @param draft the declaration as read, with the version its sender read ({@literal null}: any)
	 * @throws Problem as {@link #applyForCorrection(Actor, UUID, String, Integer, List)}, and 422 {@code INVALID_INPUT}
	 *     with what a submission's validation refuses, {@code CHANGED_AFTER_CLEARANCE} and
	 *     {@code LINES_CHANGED_AFTER_CLEARANCE}
	 */
	@Transactional
	DeclarationView applyForCorrection(Actor actor, UUID id, String reason, DeclarationDraft draft) {
		Declaration declaration = rows.lock(id);
		Uscc declarant = declaration.declarant();
		actor.requireActFor(declarant, OperatorRight.DECLARE);
		declaration.requireVersion(draft.request().version());
		declaration.requireCorrectable();
		String name = enterprises.requireActive(declarant).nameZh();
		validation.refuseUnreadable(draft, declarant, name, time.month());
		ValidDeclaration again = validation.validate(draft.request(), declarant, name, time.month());
		String why = Declarations.requiredText("reason", "REASON_REQUIRED", reason);
		DeclarationView declared = store.find(id).orElseThrow();
		Proposal proposal = proposal(declaration, declared, ValuesDeclaredAgain.of(declared, again));
		if (declaration.correctionAppliedAs(why, proposal.changed())) {
			log.info("event=declaration_correction_application_repeated number={}", declaration.number());
			return store.find(id).orElseThrow();
		}
		return applied(actor, declaration, why, proposal);
	}

	private DeclarationView applied(Actor actor, Declaration declaration, String why, Proposal proposal) {
		UUID id = declaration.id();
		declaration.applyForCorrection(new Declaration.CorrectionApplication(actor.username(), time.now(), why,
				proposal.changed()));
		Map<String, Object> applied = Declarations.audited(declaration, declaration.status(), "reason", why);
		proposal.changed().forEach((lineNo, value) -> applied.put("line" + lineNo + ".value", value.toPlainString()));
		auditTrail.record(AuditRecord.of("DECLARATION_CORRECTION_APPLIED", "DECLARATION", id).by(actor)
			.change(null, applied));
		rows.save(declaration);
		log.info("event=declaration_correction_applied number={} by={} lines={}", declaration.number(),
				actor.username(), proposal.changed().size());
		return store.find(id).orElseThrow();
	}

	/**
	 * A customs officer refuses the declarant's application for a correction, with the reason the declarant reads:
	 * the declaration stays as it is.
	 *
	 * @param appliedAt when the application refused was made, as the caller read it; {@literal null}: whichever waits
	 * @throws Problem 403 unless a customs officer; 422 {@code REASON_REQUIRED}; 409 {@code CORRECTION_NOT_APPLIED},
	 *     {@code CORRECTION_APPLICATION_CHANGED}
	 */
	@Transactional
	DeclarationView refuseCorrection(Actor actor, UUID id, String reason, Instant appliedAt) {
		actor.requireActAs(AgencyCode.CUSTOMS);
		Declaration declaration = rows.lock(id);
		String why = Declarations.requiredText("reason", "REASON_REQUIRED", reason);
		declaration.refuseCorrection(why, actor.username(), time.now(), appliedAt);
		auditTrail.record(AuditRecord.of("DECLARATION_CORRECTION_REFUSED", "DECLARATION", id).by(actor)
			.change(null, Declarations.audited(declaration, declaration.status(), "reason", why)));
		rows.save(declaration);
		log.info("event=declaration_correction_refused number={} by={}", declaration.number(), actor.username());
		return store.find(id).orElseThrow();
	}

	/** What a correction to the values asked for would do: the lines it changes, and every line assessed again. */
	private record Proposal(DeclarationView before, Map<Integer, BigDecimal> changed, Assessment after,
			List<DeclarationView.CorrectedLine> lines) {
	}

	/**
	 * Checks the values asked for ({@link ValueCorrections}) and assesses the declaration with them.
	 *
	 * @throws Problem 422 as {@link ValueCorrections#changed}; 409 {@code CORRECTION_MOVES_PERMIT_VALUE}
	 */
	private Proposal proposal(Declaration declaration, List<CorrectedValue> values) {
		return proposal(declaration, store.find(declaration.id()).orElseThrow(), values);
	}

	/** As {@link #proposal(Declaration, List)}, of the declaration as the caller read it under the lock. */
	private Proposal proposal(Declaration declaration, DeclarationView before, List<CorrectedValue> values) {
		UUID id = declaration.id();
		Map<Integer, BigDecimal> declared = new LinkedHashMap<>();
		before.items().forEach(i -> declared.put(i.lineNo(), i.value()));
		Map<Integer, BigDecimal> changed = ValueCorrections.changed(declared, values);
		Assessment after = reassess(before, changed);
		List<DeclarationView.CorrectedLine> lines = compared(before, changed, after);
		ValueCorrections.refuseMovingAPermitsValue(declaration.number(), permits.writeOffsOf(id), lines.stream()
			.filter(l -> l.customsValueAfter().compareTo(l.customsValueBefore()) != 0)
			.map(DeclarationView.CorrectedLine::lineNo)
			.toList());
		return new Proposal(before, changed, after, lines);
	}

	/** Every line again, the corrected ones at their new value, at the rates the clearance applied. */
	private Assessment reassess(DeclarationView d, Map<Integer, BigDecimal> changed) {
		List<AssessmentRequest.Item> items = d.items().stream()
			.map(i -> new AssessmentRequest.Item(i.lineNo(), new HsCode(i.hsCode()), changed.getOrDefault(i.lineNo(),
					i.value()), CountryCode.of(i.origin()), i.certificateAgreement()))
			.toList();
		List<Assessment.Rates> applied = d.items().stream()
			.map(i -> new Assessment.Rates(i.lineNo(), i.rateBasis(), i.dutyRate(), i.exciseRate(), i.vatRate(),
					i.perUnit(), i.remedyRate()))
			.toList();
		Assessment after = assessor.reassess(new AssessmentRequest(TradeFlow.valueOf(d.flow()), d.incoterm(),
				CurrencyCode.of(d.currency()), d.freight(), d.insurance(), null, items), d.exchangeRate(), applied);
		// As at a submission: the declared amounts are limited so that this holds at every real exchange rate.
		for (BigDecimal total : List.of(after.totalCustomsValueCny(), after.totalTaxes())) {
			if (!InputLimits.MONEY.holds(total)) {
				throw Problem.invalidField("lines", "TOO_LARGE", InputLimits.MONEY.largest());
			}
		}
		return after;
	}

	/**
	 * The lines whose value, customs value or taxes changed: a corrected value moves the freight and insurance its
	 * line bears, and so the others' customs values.
	 */
	private static List<DeclarationView.CorrectedLine> compared(DeclarationView before, Map<Integer, BigDecimal> changed,
			Assessment after) {
		Map<Integer, Assessment.Line> assessed = new LinkedHashMap<>();
		after.lines().forEach(l -> assessed.put(l.lineNo(), l));
		List<DeclarationView.CorrectedLine> lines = new ArrayList<>();
		for (DeclarationView.Item item : before.items()) {
			Assessment.Line now = assessed.get(item.lineNo());
			BigDecimal taxesBefore = item.duty().add(item.remedyOrZero()).add(item.excise()).add(item.vat());
			BigDecimal taxesAfter = now.taxes();
			BigDecimal valueAfter = changed.getOrDefault(item.lineNo(), item.value());
			if (valueAfter.compareTo(item.value()) != 0 || now.customsValueCny().compareTo(item.customsValueCny()) != 0
					|| taxesAfter.compareTo(taxesBefore) != 0) {
				lines.add(new DeclarationView.CorrectedLine(item.lineNo(), item.value(),
						InputLimits.DECLARED_MONEY.fit(valueAfter), item.customsValueCny(), now.customsValueCny(),
						taxesBefore, taxesAfter));
			}
		}
		return lines;
	}

	/** What the trade statistics revise: each line whose customs value moved, in CNY and USD of the clearance month. */
	private List<DeclarationCorrected.Line> statisticalLines(DeclarationView d, List<DeclarationView.CorrectedLine> lines) {
		BigDecimal usd = rates.rate(CurrencyCode.USD, YearMonth.from(d.clearedAt().atZone(BusinessTime.ZONE)))
			.orElse(null);
		return lines.stream()
			.filter(l -> l.customsValueAfter().compareTo(l.customsValueBefore()) != 0)
			.map(l -> new DeclarationCorrected.Line(l.lineNo(), l.customsValueAfter(),
					usd == null ? null : l.customsValueAfter().divide(usd, 2, RoundingMode.HALF_UP)))
			.toList();
	}

	/** The declaration as the audit trail records a correction: its totals and each corrected line's value. */
	private static Map<String, Object> audited(Declaration declaration, BigDecimal customsValue, BigDecimal taxes,
			List<DeclarationView.CorrectedLine> lines, boolean before) {
		Map<String, Object> state = Declarations.audited(declaration, declaration.status(), "totalCustomsValue",
				customsValue.toPlainString(), "totalTaxes", taxes.toPlainString());
		for (DeclarationView.CorrectedLine l : lines) {
			state.put("line" + l.lineNo() + ".value", (before ? l.valueBefore() : l.valueAfter()).toPlainString());
		}
		return state;
	}
}
