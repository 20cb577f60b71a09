package io.singlewindow.declaration.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Notice;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.ActorNoticeSource;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * 待办事项: what declarations ask of whoever opens the home page, counted, each linking to the list where it is done —
 * the first thing an officer or a declarant sees each morning, rather than a menu to go looking from:
 * <ul>
 * <li>an officer: the agency's tasks waiting for a decision and since when the longest has waited, and its questions
 * whose answer-by day passed unanswered (the officer may decide without the answer); customs' officers also the
 * applications to cancel or to correct a declaration and the guarantees to call on;</li>
 * <li>a trader or a broker: the declarations (its enterprise's and its principals', as its list shows them) queried and
 * waiting for an answer, the earliest answer-by day, how many are past it; the forms saved for later (暂存) it may
 * finish, and how many of them are deleted within a week unless saved again.</li>
 * </ul>
 * Each person hears only of what is theirs to act on: an officer of one agency nothing of another's queue, a declarant
 * nothing of another's declarations.
 */
@Component
class DeclarationsWaiting implements ActorNoticeSource {

	private final DeclarationStore store;
	private final UnsentDeclarations unsent;
	private final BusinessTime time;

	DeclarationsWaiting(DeclarationStore store, UnsentDeclarations unsent, BusinessTime time) {
		this.store = store;
		this.unsent = unsent;
		this.time = time;
	}

	@Override
	public List<Notice> noticesFor(Actor actor) {
		return switch (actor.role()) {
			case OFFICER -> forOfficer(actor);
			case TRADER, BROKER -> forDeclarant(actor);
			default -> List.of();
		};
	}

	private List<Notice> forOfficer(Actor actor) {
		Set<String> roles = Set.of(Role.OFFICER.name());
		LocalDate today = time.today();
		List<Notice> notices = new ArrayList<>();
		DeclarationStore.AgencyBacklog backlog = store.backlog(actor.agency().value(), today);
		if (backlog.pending() > 0) {
			notices.add(new Notice("declaration.home.tasksWaiting", List.of(backlog.pending(),
					LocalDate.ofInstant(backlog.longestWaitingSince(), BusinessTime.ZONE).toString()), roles,
					"/agency/queue"));
		}
		if (backlog.answersLate() > 0) {
			notices.add(new Notice("declaration.home.answersLate", List.of(backlog.answersLate()), roles,
					"/agency/queue?status=QUERIED"));
		}
		if (actor.agency().equals(AgencyCode.CUSTOMS)) {
			DeclarationStore.CustomsBacklog customs = store.customsBacklog();
			if (customs.cancellations() > 0) {
				notices.add(new Notice("declaration.home.cancellationsApplied", List.of(customs.cancellations()), roles,
						"/agency/queue#cancellation-queue"));
			}
			if (customs.corrections() > 0) {
				notices.add(new Notice("declaration.home.correctionsApplied", List.of(customs.corrections()), roles,
						"/agency/queue#correction-queue"));
			}
			if (customs.guaranteesToEnforce() > 0) {
				notices.add(new Notice("declaration.home.guaranteesToEnforce", List.of(customs.guaranteesToEnforce()),
						roles, "/agency/queue#guarantee-queue"));
			}
		}
		return notices;
	}

	private List<Notice> forDeclarant(Actor actor) {
		Set<String> roles = Set.of(actor.role().name());
		List<Notice> notices = new ArrayList<>();
		DeclarationStore.Queried queried = store.queried(DeclarationApi.declarants(actor), time.today());
		if (queried.late() > 0) {
			notices.add(new Notice("declaration.home.queriedLate", List.of(queried.declarations(), queried.late()),
					roles, "/declarations?status=QUERIED"));
		}
		else if (queried.declarations() > 0) {
			notices.add(queried.earliestAnswerBy() == null
					? new Notice("declaration.home.queried", List.of(queried.declarations()), roles,
							"/declarations?status=QUERIED")
					: new Notice("declaration.home.queriedBy", List.of(queried.declarations(),
							queried.earliestAnswerBy().toString()), roles, "/declarations?status=QUERIED"));
		}
		// 暂存: forms saved for later are work begun; those who may finish them hear how many wait, and how many are
		// deleted within days unless saved again, while there is time to save them.
		UnsentDeclarations.Waiting forms = unsent.waitingFor(actor);
		if (forms.ending() > 0) {
			notices.add(new Notice("declaration.home.unsentEnding", List.of(forms.forms(), forms.ending(),
					forms.firstEnding().toString(), UnsentDeclarations.ENDING_NOTICE_DAYS), roles,
					"/declarations#unsent-declarations"));
		}
		else if (forms.forms() > 0) {
			notices.add(new Notice("declaration.home.unsent", List.of(forms.forms()), roles,
					"/declarations#unsent-declarations"));
		}
		return notices;
	}
}
