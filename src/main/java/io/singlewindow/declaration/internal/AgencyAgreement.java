package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;

/**
 * An electronic agency agreement (电子代理报关委托协议) for one declaration: a customs broker proposes what it will
 * declare for one of its principals, the principal confirms or declines it, and a declaration the broker then files for
 * that principal takes it. A declaration that ends without its goods moving on it (rejected, withdrawn, cancelled)
 * gives it back ({@link #givenBack}), so the declaration filed again for the shipment takes it; one that clears keeps
 * it. The standing authority to act at all is the broker's authorisation (报关委托书); this is the agreement per
 * shipment that customs asks for on top of it.
 *
 * @param hsCode the main goods' commodity code (6, 8 or 10 digits), if the agreement names one: only a declaration
 *     with a line under that code takes it
 * @param transportDocument the bill of lading or waybill (提运单号), if known when proposed
 * @param validUntil its last day: a declaration filed after it cannot take it
 * @param declaration the declaration that took it, once one did
 */
record AgencyAgreement(String number, Uscc broker, Uscc principal, TradeFlow flow, String goods, HsCode hsCode,
		String transportDocument, LocalDate validUntil, Status status, String proposedBy, Instant proposedAt,
		String decidedBy, Instant decidedAt, String declineReason, UUID declaration, Instant usedAt) {

	/** Where an agreement stands; only a proposed one is decided, only a confirmed one is used. */
	enum Status {
		PROPOSED, CONFIRMED, DECLINED, WITHDRAWN
	}

	/**
	 * The broker proposes an agreement to {@code principal}.
	 *
	 * @throws Problem 422 {@code VALID_UNTIL_IN_PAST} at {@code validUntil} when its last day is before {@code today}
	 */
	static AgencyAgreement proposed(String number, Uscc broker, Uscc principal, TradeFlow flow, String goods,
			HsCode hsCode, String transportDocument, LocalDate validUntil, String by, Instant at, LocalDate today) {
		if (validUntil.isBefore(today)) {
			throw Problem.invalidField("validUntil", "VALID_UNTIL_IN_PAST", today);
		}
		return new AgencyAgreement(number, broker, principal, flow, goods, hsCode, transportDocument, validUntil,
				Status.PROPOSED, by, at, null, null, null, null, null);
	}

	/**
	 * The principal confirms it: from now the broker's next declaration for it in its direction may take it.
	 *
	 * @throws Problem 409 {@code AGENCY_AGREEMENT_NOT_PROPOSED} once decided or withdrawn,
	 *     {@code AGENCY_AGREEMENT_EXPIRED} after its last day
	 */
	AgencyAgreement confirmed(String by, Instant at, LocalDate today) {
		requireProposed();
		if (validUntil.isBefore(today)) {
			throw Problem.conflict("AGENCY_AGREEMENT_EXPIRED", number, validUntil);
		}
		return decided(Status.CONFIRMED, by, at, null);
	}

	/** The principal declines it, saying why. @throws Problem 409 {@code AGENCY_AGREEMENT_NOT_PROPOSED} */
	AgencyAgreement declined(String by, Instant at, String reason) {
		requireProposed();
		return decided(Status.DECLINED, by, at, reason);
	}

	/** The broker takes back a proposal not yet decided. @throws Problem 409 {@code AGENCY_AGREEMENT_NOT_PROPOSED} */
	AgencyAgreement withdrawn(String by, Instant at) {
		requireProposed();
		return decided(Status.WITHDRAWN, by, at, null);
	}

	/**
	 * Whether a declaration the broker files for the principal on {@code day}, in {@code declared} direction with
	 * lines of {@code codes}, may take this agreement: confirmed, unused, in force, and naming no other goods.
	 */
	boolean serves(TradeFlow declared, Collection<HsCode> codes, LocalDate day) {
		return status == Status.CONFIRMED && declaration == null && flow == declared && !validUntil.isBefore(day)
				&& (hsCode == null || codes.stream().anyMatch(code -> code.startsWith(hsCode.value())));
	}

	/** Taken by {@code declarationId}. @throws IllegalStateException unless it {@link #serves} */
	AgencyAgreement usedBy(UUID declarationId, Instant at) {
		if (status != Status.CONFIRMED || declaration != null) {
			throw new IllegalStateException("agreement " + number + " is " + status + ", used by " + declaration);
		}
		return new AgencyAgreement(number, broker, principal, flow, goods, hsCode, transportDocument, validUntil,
				status, proposedBy, proposedAt, decidedBy, decidedAt, declineReason, declarationId, at);
	}

	/**
	 * Given back by the declaration that took it, which ended without its goods moving on it: unused again, so that
	 * the next declaration it serves takes it.
	 *
	 * @throws IllegalStateException unless a declaration took it
	 */
	AgencyAgreement givenBack() {
		if (declaration == null) {
			throw new IllegalStateException("agreement " + number + " serves no declaration");
		}
		return new AgencyAgreement(number, broker, principal, flow, goods, hsCode, transportDocument, validUntil,
				status, proposedBy, proposedAt, decidedBy, decidedAt, declineReason, null, null);
	}

	private void requireProposed() {
		if (status != Status.PROPOSED) {
			throw Problem.conflict("AGENCY_AGREEMENT_NOT_PROPOSED", number, status.name());
		}
	}

	private AgencyAgreement decided(Status next, String by, Instant at, String reason) {
		return new AgencyAgreement(number, broker, principal, flow, goods, hsCode, transportDocument, validUntil, next,
				proposedBy, proposedAt, by, at, reason, null, null);
	}
}
