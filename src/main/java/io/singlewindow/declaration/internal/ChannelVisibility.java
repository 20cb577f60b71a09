package io.singlewindow.declaration.internal;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/**
 * Who sees a declaration's risk channel, decided here and nowhere else. The channel is customs' knowledge: its risk
 * profiles select it, and showing it (or customs' policy note, which names it) would tell a declarant which goods and
 * prices pass unchecked. Customs officers see it; officers of other agencies and the declarant's side (traders,
 * brokers, administrators) do not — on pages, in the API, in queues and in the printable response alike.
 */
final class ChannelVisibility {

	private ChannelVisibility() {
	}

	static boolean sees(Actor actor) {
		return actor.role() == Role.OFFICER && AgencyCode.CUSTOMS.equals(actor.agency());
	}

	static boolean sees(AgencyCode agency) {
		return AgencyCode.CUSTOMS.equals(agency);
	}

	/**
	 * A declaration as this actor may see it.
	 *
	 * @throws io.singlewindow.core.Problem 403 unless the actor may see the declarant's declarations
	 */
	static DeclarationView of(Actor actor, DeclarationView view) {
		actor.requireSee(Uscc.parse(view.declarant()));
		return sees(actor) ? view : view.withoutChannel();
	}

	/** A queue entry as this actor sees it (an administrator looking across agencies does not see the channel). */
	static DeclarationStore.QueueEntry of(Actor actor, DeclarationStore.QueueEntry e) {
		return sees(actor) ? e : withoutChannel(e);
	}

	/** A queue entry as the officers of this agency see it. */
	static DeclarationStore.QueueEntry of(AgencyCode agency, DeclarationStore.QueueEntry e) {
		return sees(agency) ? e : withoutChannel(e);
	}

	private static DeclarationStore.QueueEntry withoutChannel(DeclarationStore.QueueEntry e) {
		return new DeclarationStore.QueueEntry(e.taskId(), e.declarationId(), e.number(), e.declarant(), e.flow(),
				null, e.policyCode(), e.note(), e.answer(), e.answerBy(), e.documents(), e.documentsSinceQuestion(),
				e.createdAt(), e.askedAt(), e.version());
	}
}
