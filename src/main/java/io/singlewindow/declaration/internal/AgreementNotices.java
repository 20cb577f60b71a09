package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Notice;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.ActorNoticeSource;

/**
 * What the agency agreements ask of whoever opens the home page, linking to them:
 * <ul>
 * <li>待确认的委托协议 — a principal's traders hear how many agreements its brokers proposed that nobody confirmed or
 * declined yet, since a broker waits for that answer before it can declare;</li>
 * <li>委托协议即将到期 — a broker hears how many agreements its principals confirmed end within
 * {@value AgencyAgreements#ENDING_WITHIN_DAYS} days with no declaration taking them: declare in time, or ask the
 * principal for a new one, before a declaration is refused for want of one.</li>
 * </ul>
 */
@Component
class AgreementNotices implements ActorNoticeSource {

	private final AgencyAgreements agreements;

	AgreementNotices(AgencyAgreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public List<Notice> noticesFor(Actor actor) {
		List<Notice> notices = new ArrayList<>();
		long waiting = agreements.awaitingConfirmation(actor);
		if (waiting > 0) {
			notices.add(new Notice("agreement.home.awaiting", List.of(waiting), Set.of(actor.role().name()),
					"/agency-agreements?status=PROPOSED"));
		}
		long ending = agreements.endingUnused(actor);
		if (ending > 0) {
			notices.add(new Notice("agreement.home.endingUnused", List.of(ending, AgencyAgreements.ENDING_WITHIN_DAYS),
					Set.of(actor.role().name()), "/agency-agreements?status=CONFIRMED"));
		}
		return notices;
	}
}
