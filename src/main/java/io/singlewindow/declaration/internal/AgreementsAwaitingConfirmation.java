package io.singlewindow.declaration.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Notice;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.ActorNoticeSource;

/**
 * 待确认的委托协议: a principal's traders hear on their home page how many agency agreements its brokers proposed and
 * nobody confirmed or declined yet, linking to them, since a broker waits for that answer before it can declare.
 */
@Component
class AgreementsAwaitingConfirmation implements ActorNoticeSource {

	private final AgencyAgreements agreements;

	AgreementsAwaitingConfirmation(AgencyAgreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public List<Notice> noticesFor(Actor actor) {
		long waiting = agreements.awaitingConfirmation(actor);
		return waiting == 0 ? List.of()
				: List.of(new Notice("agreement.home.awaiting", List.of(waiting), Set.of(actor.role().name()),
						"/agency-agreements?status=PROPOSED"));
	}
}
