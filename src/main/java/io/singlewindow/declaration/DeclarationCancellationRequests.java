package io.singlewindow.declaration;

import java.util.UUID;

import io.singlewindow.identity.Actor;

/**
 * A declarant's request to cancel one of its declarations, made the way a standard message makes it (a WCO Data Model
 * cancellation, {@code FunctionCode} 13 with {@code TypeCode} INV): by the declaration's number and with a reason. The
 * platform does what the declarant's own acts through the API do: a declaration the agencies still decide is withdrawn
 * at once; for a cleared or released one, only customs cancels it, so the request is the declarant's application for
 * its cancellation, which customs decides.
 */
public interface DeclarationCancellationRequests {

	/**
	 * @param number the declaration's number, as the platform gave it
	 * @param reason why, required
	 * @return what was done; {@link Outcome#repeated()} when the same request of the same user was acted on before (a
	 *     message sent again): nothing changed now
	 * @throws io.singlewindow.core.Problem 404 {@code DECLARATION_NOT_FOUND}; 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE}
	 *     unless {@code actor} acts for its declarant; 422 {@code REASON_REQUIRED}; 409 {@code DECLARATION_NOT_CANCELLABLE}
	 *     once rejected, withdrawn or cancelled, {@code CANCELLATION_ALREADY_APPLIED} while another application waits
	 */
	Outcome request(Actor actor, String number, String reason);

	/** What a request did to the declaration. */
	enum Act {
		/** The agencies still decided it: withdrawn, nobody decides it any more. */
		WITHDRAWN,
		/** Cleared or released: the declarant's application waits for customs. */
		CANCELLATION_APPLIED
	}

	record Outcome(UUID declarationId, Act act, boolean repeated) {
	}
}
