package io.singlewindow.permit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Notice;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.ActorNoticeSource;
import io.singlewindow.platform.BusinessTime;

/**
 * 待办事项 of permits on the home page, counted and linking to where they are done: an officer hears how many
 * applications wait for the agency's decision and how many of them are past their statutory deadline (办理时限), and
 * how many permits issued on a filing or a commitment wait for the agency's review after issue and how many of them
 * are past their verification day (告知承诺 事后核查: a false commitment found late has let the holder trade on it); a
 * trader or a broker how many applications of its enterprise or its principals wait for the documents the agency asked
 * for (补正材料) — the review stands still until they come — and how many of their permits in force expire within
 * {@value #EXPIRY_NOTICE_DAYS} days, and when the first does: a line presenting an expired permit is refused, and a
 * new one takes the agency's review time (许可证到期提醒); and how many of them have {@value #QUOTA_NOTICE_PERCENT} %
 * or less of their quota left, for the same reason: a line the rest of a quota does not cover is refused, and more
 * quota is the agency's decision (配额余量提醒). Nobody hears of another agency's or enterprise's.
 */
@Component
class ApplicationsWaiting implements ActorNoticeSource {

	/** How many days ahead a holder hears that its permits expire. */
	static final int EXPIRY_NOTICE_DAYS = 30;

	/** At what share of its granted quota left, in per cent, a holder hears that a permit is nearly used. */
	static final int QUOTA_NOTICE_PERCENT = 10;

	private final PermitApplications applications;
	private final IssuedPermits permits;
	private final PermitSupervision supervision;
	private final BusinessTime time;

	ApplicationsWaiting(PermitApplications applications, IssuedPermits permits, PermitSupervision supervision,
			BusinessTime time) {
		this.applications = applications;
		this.supervision = supervision;
		this.permits = permits;
		this.time = time;
	}

	@Override
	public List<Notice> noticesFor(Actor actor) {
		Set<String> roles = Set.of(actor.role().name());
		return switch (actor.role()) {
			case OFFICER -> forOfficer(actor, roles);
			case TRADER, BROKER -> forHolder(actor, roles);
			default -> List.of();
		};
	}

	/** The agency's applications to decide and its filings and commitments to review after issue. */
	private List<Notice> forOfficer(Actor actor, Set<String> roles) {
		List<Notice> notices = new ArrayList<>();
		PermitApplications.Backlog backlog = applications.backlogOf(actor.agency(), time.today());
		if (backlog.underReview() > 0) {
			notices.add(backlog.overdue() == 0
					? new Notice("permit.home.toDecide", List.of(backlog.underReview()), roles, "/permits/queue")
					: new Notice("permit.home.toDecideOverdue", List.of(backlog.underReview(), backlog.overdue()),
							roles, "/permits/queue"));
		}
		PermitSupervision.ReviewBacklog reviews = supervision.reviewBacklogOf(actor.agency(), time.today());
		if (reviews.awaiting() > 0) {
			notices.add(reviews.overdue() == 0
					? new Notice("permit.home.toVerify", List.of(reviews.awaiting()), roles, "/permits/verification")
					: new Notice("permit.home.toVerifyOverdue", List.of(reviews.awaiting(), reviews.overdue()), roles,
							"/permits/verification"));
		}
		return notices;
	}

	/**
	 * Of the actor's enterprise and its principals: applications waiting for documents, permits about to expire, and
	 * permits nearly used.
	 */
	private List<Notice> forHolder(Actor actor, Set<String> roles) {
		Set<Uscc> applicants = new LinkedHashSet<>(actor.principals());
		if (actor.enterprise() != null) {
			applicants.add(actor.enterprise());
		}
		List<Notice> notices = new ArrayList<>();
		long waiting = applications.awaitingDocumentsOf(applicants);
		if (waiting > 0) {
			notices.add(new Notice("permit.home.documentsRequested", List.of(waiting), roles, "/permits"));
		}
		LocalDate today = time.today();
		IssuedPermits.Expiring expiring = permits.expiringOf(applicants, today, today.plusDays(EXPIRY_NOTICE_DAYS));
		if (expiring.permits() > 0) {
			notices.add(new Notice("permit.home.expiring",
					List.of(expiring.permits(), expiring.first().toString(), EXPIRY_NOTICE_DAYS), roles, "/permits"));
		}
		long nearlyUsed = permits.nearlyUsedOf(applicants, today, QUOTA_NOTICE_PERCENT);
		if (nearlyUsed > 0) {
			notices.add(new Notice("permit.home.quotaNearlyUsed", List.of(nearlyUsed, QUOTA_NOTICE_PERCENT), roles,
					"/permits"));
		}
		return notices;
	}
}
