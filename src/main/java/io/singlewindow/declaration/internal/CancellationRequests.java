package io.singlewindow.declaration.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.declaration.DeclarationCancellationRequests;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;

/**
 * A declarant's request to cancel a declaration, named by its number, turned into the act its status allows: a
 * withdrawal while the agencies decide it, an application for its cancellation once cleared. The declaration is locked
 * first, so that what is decided here is what the act finds; the act itself is {@link Declarations}' (its rights,
 * audit entry, events, permit write-offs given back).
 * <p>
 * A message is sent again when its sender heard no answer: the same user's same request, already acted on — the
 * application waiting as they made it, or the withdrawal on the timeline with their reason — is answered as the first
 * one was and changes nothing, rather than refused as a second application or as a declaration no longer cancellable.
 */
@Service
class CancellationRequests implements DeclarationCancellationRequests {

	private final DeclarationStore store;
	private final DeclarationRows rows;
	private final Declarations declarations;

	CancellationRequests(DeclarationStore store, DeclarationRows rows, Declarations declarations) {
		this.store = store;
		this.rows = rows;
		this.declarations = declarations;
	}

	@Override
	@Transactional
	public Outcome request(Actor actor, String number, String reason) {
		UUID id = (number == null ? java.util.Optional.<UUID>empty() : store.idByNumber(number))
			.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", number));
		Declaration declaration = rows.lock(id);
		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		String why = Declarations.requiredText("reason", "REASON_REQUIRED", reason);
		DeclarationStatus status = declaration.status();
		if (status.amendable()) {
			declarations.withdraw(actor, id, why, null);
			return new Outcome(id, Act.WITHDRAWN, false);
		}
		if (status.cancellable()) {
			Declaration.CancellationApplication waiting = declaration.application();
			if (waiting != null && waiting.by().equals(actor.username()) && waiting.reason().equals(why)) {
				return new Outcome(id, Act.CANCELLATION_APPLIED, true);
			}
			declarations.applyForCancellation(actor, id, why, null);
			return new Outcome(id, Act.CANCELLATION_APPLIED, false);
		}
		if (status == DeclarationStatus.WITHDRAWN && withdrawnBy(id, actor.username(), why)) {
			return new Outcome(id, Act.WITHDRAWN, true);
		}
		throw Problem.conflict("DECLARATION_NOT_CANCELLABLE", number, status.named());
	}

	private boolean withdrawnBy(UUID id, String username, String reason) {
		return store.find(id).map(DeclarationView::timeline).orElse(java.util.List.of()).stream()
			.anyMatch(e -> "WITHDRAWN".equals(e.event()) && username.equals(e.actor()) && reason.equals(e.reason()));
	}
}
