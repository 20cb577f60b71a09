package io.singlewindow.declaration;

import io.singlewindow.identity.Actor;

/**
 * A declarant's amendment of one of its declarations, made the way a standard message makes it (a CUSDEC replacement,
 * BGM 1225 = 5): by the declaration's number, with the whole declaration as read from the message. The platform does
 * what {@code PUT /api/v1/declarations/{id}} does: while the agencies still decide it (under review or queried), what
 * was declared is replaced, assessed, channelled and routed again; tasks an amendment does not concern keep their
 * decisions.
 */
public interface DeclarationAmendmentRequests {

	/** The field of {@link BatchedDeclaration#sources()} where the declaration's number was read. */
	String NUMBER = "number";

	/**
	 * @param number the declaration's number, as the platform gave it
	 * @param version the version the sender read, {@literal null} to amend whatever it is now
	 * @param declaration what the declaration is to be, its problems named by its {@link BatchedDeclaration#sources()};
	 *     refusals about the declaration named ({@code DECLARATION_NOT_FOUND}, {@code NOT_AUTHORISED_FOR_ENTERPRISE},
	 *     {@code DECLARATION_NOT_AMENDABLE}, {@code DECLARATION_CHANGED}) where its {@link #NUMBER} was read
	 * @return the amended declaration ({@link DeclarationBatch.State#SUBMITTED}), or the refusal with its problems,
	 *     nothing of it stored; the entry's position is 1
	 */
	DeclarationBatch.Entry amend(Actor actor, String number, Integer version, BatchedDeclaration declaration);
}
