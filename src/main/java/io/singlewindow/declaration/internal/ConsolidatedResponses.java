package io.singlewindow.declaration.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.ConsolidatedResponse.LineTaxes;
import io.singlewindow.declaration.ConsolidatedResponse.Notice;
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
				v.totalTaxes(), notices(v), v.totalDuty() == null ? List.of()
						: v.items().stream().map(i -> new LineTaxes(i.lineNo(), i.duty(), i.excise(), i.vat(), i.remedy()))
							.toList(), v.totalRemedy());
	}

	/**
	 * The agencies' questions while the declaration waits for answers (a question left open on a declaration another
	 * agency rejected, or its declarant withdrew, is answered by nobody) and their reasons for rejecting it.
	 */
	private static List<Notice> notices(DeclarationView v) {
		return v.tasks().stream()
			.filter(t -> t.status() == TaskStatus.QUERIED && v.status().open() || t.status() == TaskStatus.REJECTED)
			.sorted(Comparator.comparing(DeclarationView.Task::decidedAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.map(t -> t.status() == TaskStatus.QUERIED
					? new Notice(t.agency(), Notice.Kind.QUESTION, t.reason(), t.answerBy())
					: new Notice(t.agency(), Notice.Kind.REJECTION, t.reason(), null))
			.toList();
	}
}
