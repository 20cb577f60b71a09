package io.singlewindow.declaration;

import java.util.Optional;
import java.util.UUID;

import io.singlewindow.identity.Actor;

/** The consolidated response of a declaration, for channels that write it in their own format. */
public interface DeclarationResponses {

	/**
	 * @return empty when there is no such declaration
	 * @throws io.singlewindow.core.Problem 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless {@code actor} may see it
	 */
	Optional<ConsolidatedResponse> find(Actor actor, UUID declarationId);
}
