package io.singlewindow.declaration;

import io.singlewindow.identity.Actor;

/**
 * A declarant's amendment of one of its declarations, made the way a standard message makes it (a CUSDEC replacement,
 * BGM 1225 = 5): by the declaration's number, with the whole declaration as read from the message. While the agencies
 * still decide it (under review or queried) the platform does what {@code PUT /api/v1/declarations/{id}} does: what
 * was declared is replaced, assessed, channelled and routed again; tasks an amendment does not concern keep their
 * decisions. Once it is cleared or released, the replacement is the declarant's application for a correction of the
 * lines' values (报关单修改申请, what {@code POST /api/v1/declarations/{id}/correction-application} does), allowed only
 * when nothing but values differs.
 */
public interface DeclarationAmendmentRequests {

	/** The field of {@link BatchedDeclaration#sources()} where the declaration's number was read. */
	String NUMBER = "number";

	/** The field of {@link BatchedDeclaration#sources()} where the reason was read, or would have been. */
	String REASON = "reason";

	/** What a replacement did. */
	enum Act {
		/** The declaration was amended: a new version, decided again. */
		AMENDED,
		/** The cleared or released declaration's values are applied for: customs corrects them or refuses. */
		CORRECTION_APPLIED
	}

	/**
	 * @param act what was done, {@literal null} when refused
	 * @param entry the declaration as it is now ({@link DeclarationBatch.State#SUBMITTED}), or the refusal with its
	 *     problems, nothing of it stored; the entry's position is 1
	 */
	record Outcome(Act act, DeclarationBatch.Entry entry) {
	}

	/**
	 * @param number the declaration's number, as the platform gave it
	 * @param version the version the sender read, {@literal null} to amend whatever it is now
	 * @param reason why the values are corrected, required of an application for a correction; {@literal null} when
	 *     none is given
	 * @param declaration what the declaration is to be, its problems named by its {@link BatchedDeclaration#sources()};
	 *     refusals about the declaration named ({@code DECLARATION_NOT_FOUND}, {@code NOT_AUTHORISED_FOR_ENTERPRISE},
	 *     {@code DECLARATION_NOT_AMENDABLE}, {@code DECLARATION_CHANGED}, {@code CORRECTION_ALREADY_APPLIED}) where its
	 *     {@link #NUMBER} was read; a cleared declaration's fields other than values are refused
	 *     {@code CHANGED_AFTER_CLEARANCE} where each was read
	 */
	Outcome amend(Actor actor, String number, Integer version, String reason, BatchedDeclaration declaration);
}
