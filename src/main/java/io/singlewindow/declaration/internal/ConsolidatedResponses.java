package io.singlewindow.declaration.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.DeclarationResponses;
import io.singlewindow.identity.Actor;

/** The consolidated response read from the stored declaration, as the actor may see it ({@link ChannelVisibility}). */
@Component
class ConsolidatedResponses implements DeclarationResponses {

	private final DeclarationStore store;

	ConsolidatedResponses(DeclarationStore store) {
		this.store = store;
	}

	@Override
	public Optional<ConsolidatedResponse> find(Actor actor, UUID declarationId) {
		return store.find(declarationId).map(v -> ChannelVisibility.of(actor, v)).map(ConsolidatedResponses::response);
	}

	/** The response as its declarant sees it: what the declarant's webhooks carry. */
	Optional<ConsolidatedResponse> asDeclarantSees(UUID declarationId) {
		return store.find(declarationId).map(DeclarationView::withoutChannel).map(ConsolidatedResponses::response);
	}

	private static ConsolidatedResponse response(DeclarationView v) {
		return new ConsolidatedResponse(v.id(), v.number(), v.declarant(), v.clientReference(), v.status().name(),
				v.version(), v.updatedAt(), v.totalCustomsValue(), v.totalDuty(), v.totalExcise(), v.totalVat(),
				v.totalTaxes());
	}
}
