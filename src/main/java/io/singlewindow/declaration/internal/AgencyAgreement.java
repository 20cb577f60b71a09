package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;

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
 * @param declaration the declaration that took it and that it serves, while one does
 * @param handover the documents the principal handed the broker, as the broker recorded them
 * @param fee the broker's fee in CNY (报关收费), if the agreement states one
 */
record AgencyAgreement(String number, Uscc broker, Uscc principal, TradeFlow flow, String goods, HsCode hsCode,
		String transportDocument, LocalDate validUntil, Status status, String proposedBy, Instant proposedAt,
		String decidedBy, Instant decidedAt, String declineReason, UUID declaration, Instant usedAt, Handover handover,
		BigDecimal fee) {

	/** Where an agreement stands; only a proposed one is decided, only a confirmed one is used. */
	enum Status {
		PROPOSED, CONFIRMED, DECLINED, WITHDRAWN
	}

	/**
	 * A document the paper agreement lists under 收到单证情况: contract (合同), invoice (发票), packing list (装箱清单),
	 * bill of lading or waybill (提(运)单), processing-trade manual (加工贸易手册), licences (许可证件).
	 */
	enum Document {
		CONTRACT, INVOICE, PACKING_LIST, TRANSPORT_DOCUMENT, PROCESSING_TRADE_MANUAL, LICENCE
	}

	/**
	 * The documents the principal handed the broker for the declaration (收到单证情况) and the day the broker received
	 * them (收到单证日期).
	 *
	 * @param documents those of the paper agreement's list, in its order
	 * @param otherDocuments others, named in words ("其他"), if any
	 * @param receivedOn the day they were received; {@literal null} exactly when none were
	 */
	record Handover(List<Document> documents, String otherDocuments, LocalDate receivedOn) {

		/** Nothing recorded as handed over (agreements proposed before 2026-12-06 too). */
		static final Handover NONE = new Handover(List.of(), null, null);

		Handover {
			documents = documents.stream().distinct().sorted().toList();
		}

		boolean none() {
			return documents.isEmpty() && otherDocuments == null;
		}
	}

	/**
	 * The broker proposes an agreement to {@code principal}, with the documents it received from the principal
	 * ({@code handover}: received today when it names no day) and its fee.
	 *
	 * @throws Problem 422, every one at once: {@code VALID_UNTIL_IN_PAST} at {@code validUntil} when its last day is
	 *     before {@code today}; at {@code documentsReceivedOn} {@code DOCUMENTS_RECEIVED_IN_FUTURE} for a day after
	 *     {@code today}, {@code DOCUMENTS_RECEIVED_NONE} for a day when no document is named; at {@code fee}
	 *     {@code AMOUNT_NEGATIVE}
	 */
	static AgencyAgreement proposed(String number, Uscc broker, Uscc principal, TradeFlow flow, String goods,
			HsCode hsCode, String transportDocument, LocalDate validUntil, Handover handover, BigDecimal fee,
			String by, Instant at, LocalDate today) {
		Violations violations = new Violations();
		violations.check(!validUntil.isBefore(today), "validUntil", "VALID_UNTIL_IN_PAST", today);
		LocalDate received = handover.receivedOn();
		violations.check(received == null || !received.isAfter(today), "documentsReceivedOn",
				"DOCUMENTS_RECEIVED_IN_FUTURE", today);
		violations.check(received == null || !handover.none(), "documentsReceivedOn", "DOCUMENTS_RECEIVED_NONE");
		violations.check(fee == null || fee.signum() >= 0, "fee", "AMOUNT_NEGATIVE", fee);
		violations.throwIfAny();
		Handover handed = handover.none() ? Handover.NONE
				: new Handover(handover.documents(), handover.otherDocuments(), received == null ? today : received);
		return new AgencyAgreement(number, broker, principal, flow, goods, hsCode, transportDocument, validUntil,
				Status.PROPOSED, by, at, null, null, null, null, null, handed, fee);
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
				status, proposedBy, proposedAt, decidedBy, decidedAt, declineReason, declarationId, at, handover, fee);
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
				status, proposedBy, proposedAt, decidedBy, decidedAt, declineReason, null, null, handover, fee);
	}

	private void requireProposed() {
		if (status != Status.PROPOSED) {
			throw Problem.conflict("AGENCY_AGREEMENT_NOT_PROPOSED", number, Problem.named("agreement.status.", status));
		}
	}

	private AgencyAgreement decided(Status next, String by, Instant at, String reason) {
		return new AgencyAgreement(number, broker, principal, flow, goods, hsCode, transportDocument, validUntil, next,
				proposedBy, proposedAt, by, at, reason, null, null, handover, fee);
	}
}
