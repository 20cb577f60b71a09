package io.singlewindow.permit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Cursor;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.permit.PermitRevoked;
import io.singlewindow.platform.BusinessTime;

/**
 * What the issuing agency does with permits after issue: suspend, reinstate, revoke, and verify filings and
 * commitments. Each action locks the permit's row, checks its state and changes it in one transaction.
 */
@Component
class PermitSupervision {

	private static final Logger log = LoggerFactory.getLogger(PermitSupervision.class);

	/** An officer's action on a permit; {@code outcome} only for verification: {@code CONFIRMED} or {@code FALSE}. */
	record ActionForm(String reason, String outcome) {
	}

	/** One line of an enterprise's permit record. */
	record HistoryEntry(String permitNumber, String catalogueCode, String action, String reason, String actor,
			Instant at) {
	}

	private final JdbcClient jdbc;
	private final IssuedPermits permits;
	private final PermitCatalogue catalogue;
	private final BusinessTime time;
	private final ApplicationEventPublisher events;
	private final AuditTrail auditTrail;

	PermitSupervision(JdbcClient jdbc, IssuedPermits permits, PermitCatalogue catalogue, BusinessTime time,
			ApplicationEventPublisher events, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.permits = permits;
		this.catalogue = catalogue;
		this.time = time;
		this.events = events;
	}

	@Transactional
	IssuedPermit suspend(Actor actor, String number, ActionForm form) {
		IssuedPermit permit = lockFor(actor, number);
		requireReason(form);
		PermitStatus status = permit.status(time.today());
		if (status != PermitStatus.IN_FORCE) {
			throw Problem.conflict("PERMIT_NOT_IN_FORCE", number, Problem.named("permit.status.", status));
		}
		return change(permit, PermitStatus.SUSPENDED, "SUSPENDED", form.reason().strip(), actor);
	}

	@Transactional
	IssuedPermit reinstate(Actor actor, String number, ActionForm form) {
		IssuedPermit permit = lockFor(actor, number);
		if (permit.storedStatus() != PermitStatus.SUSPENDED) {
			throw Problem.conflict("PERMIT_NOT_SUSPENDED", number,
					Problem.named("permit.status.", permit.status(time.today())));
		}
		return change(permit, PermitStatus.IN_FORCE, "REINSTATED", reason(form), actor);
	}

	@Transactional
	IssuedPermit revoke(Actor actor, String number, ActionForm form) {
		IssuedPermit permit = lockFor(actor, number);
		requireReason(form);
		return revoke(permit, "REVOKED", form.reason().strip(), actor);
	}

	/**
	 * Records the outcome of the post-issue review of a filing or commitment: {@code CONFIRMED}, or {@code FALSE},
	 * which revokes the permit.
	 */
	@Transactional
	IssuedPermit verify(Actor actor, String number, ActionForm form) {
		IssuedPermit permit = lockFor(actor, number);
		var violations = new Violations();
		String outcome = form.outcome() == null ? null : form.outcome().strip().toUpperCase(Locale.ROOT);
		violations.required(outcome, "outcome");
		violations.check(outcome == null || outcome.equals("CONFIRMED") || outcome.equals("FALSE"), "outcome",
				"PERMIT_VERIFICATION_OUTCOME_UNKNOWN", form.outcome());
		if ("FALSE".equals(outcome)) {
			violations.required(form.reason(), "reason");
		}
		violations.throwIfAny();
		if (!permit.awaitsVerification()) {
			throw Problem.conflict("PERMIT_NOT_AWAITING_VERIFICATION", number);
		}
		jdbc.sql("UPDATE permit SET verified_at = ?, verified_by = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(time.now()), actor.username(), permit.id())
			.update();
		if ("CONFIRMED".equals(outcome)) {
			permits.recordHistory(permit.id(), permit.holder(), "VERIFIED", reason(form), actor.username());
			auditTrail.record(AuditRecord.of("PERMIT_VERIFIED", "PERMIT", number).by(actor)
				.change(AuditRecord.state("holder", permit.holder().value(), "verified", false),
						AuditRecord.state("holder", permit.holder().value(), "verified", true, "outcome", outcome,
								"reason", reason(form))));
			log.info("event=permit_verified number={} officer={}", number, actor.username());
			return permits.get(number);
		}
		permits.recordHistory(permit.id(), permit.holder(), "FOUND_FALSE", form.reason().strip(), actor.username());
		return revoke(permits.lock(number).orElseThrow(), "REVOKED", form.reason().strip(), actor);
	}

	private IssuedPermit revoke(IssuedPermit permit, String action, String reason, Actor actor) {
		if (permit.storedStatus() == PermitStatus.REVOKED) {
			throw Problem.conflict("PERMIT_ALREADY_REVOKED", permit.number());
		}
		IssuedPermit revoked = change(permit, PermitStatus.REVOKED, action, reason, actor);
		CatalogueEntry entry = catalogue.get(permit.catalogueCode());
		events.publishEvent(new PermitRevoked(permit.number(), permit.catalogueCode(), permit.holder(),
				entry.issuingAgency(), reason));
		return revoked;
	}

	private IssuedPermit change(IssuedPermit permit, PermitStatus to, String action, String reason, Actor actor) {
		jdbc.sql("UPDATE permit SET status = ?, status_reason = ?, version = version + 1 WHERE id = ?")
			.params(to.name(), reason, permit.id())
			.update();
		permits.recordHistory(permit.id(), permit.holder(), action, reason, actor.username());
		auditTrail.record(AuditRecord.of("PERMIT_" + action, "PERMIT", permit.number()).by(actor)
			.change(AuditRecord.state("holder", permit.holder().value(), "status", permit.storedStatus().name()),
					AuditRecord.state("holder", permit.holder().value(), "status", to.name(), "reason", reason)));
		log.info("event=permit_{} number={} officer={}", action.toLowerCase(Locale.ROOT), permit.number(),
				actor.username());
		return permits.get(permit.number());
	}

	/** Locks the permit for an officer of its issuing agency. */
	private IssuedPermit lockFor(Actor actor, String number) {
		IssuedPermit seen = permits.get(number);
		actor.requireActAs(catalogue.get(seen.catalogueCode()).issuingAgency());
		return permits.lock(number).orElseThrow();
	}

	private static void requireReason(ActionForm form) {
		var violations = new Violations();
		violations.required(form.reason(), "reason");
		violations.text("reason", form.reason(), PermitApplications.MAX_TEXT);
		violations.throwIfAny();
	}

	private static String reason(ActionForm form) {
		return form.reason() == null || form.reason().isBlank() ? null : form.reason().strip();
	}

	/** As many as the queue answered whole before it was paged; the most a page holds. */
	static final int QUEUED = PageRequest.MAX_LIMIT;

	private static final String AWAITING_REVIEW = """
			WHERE p.post_issue_review AND p.verified_at IS NULL AND p.status <> 'REVOKED'
			AND p.catalogue_code IN (SELECT code FROM permit_catalogue WHERE issuing_agency = ?)""";

	/** Of an agency's filings and commitments awaiting review: how many, and how many past their verification day. */
	record ReviewBacklog(long awaiting, long overdue) {
	}

	/**
	 * The agency's filings and commitments not yet reviewed, counted for its officers' home page (off
	 * {@code permit_post_issue_review_idx}): those of {@link #verificationQueueOf}, and of them those whose
	 * verification day is before {@code today}.
	 */
	ReviewBacklog reviewBacklogOf(AgencyCode agency, LocalDate today) {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE p.verification_due < ?) FROM permit p "
				+ AWAITING_REVIEW)
			.params(today, agency.value())
			.query((rs, n) -> new ReviewBacklog(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** The queue's order: the earliest review due (none last), the earliest issued, the number (unique). */
	private static final String REVIEWED_BY = "COALESCE(p.verification_due, DATE '9999-12-31'), p.issued_at, p.number";

	/**
	 * One page, after the cursor, of the agency's filings and commitments not yet reviewed, those due soonest first:
	 * keyset on that order.
	 */
	ListPage<IssuedPermit> verificationQueueOf(AgencyCode agency, PageRequest page) {
		Cursor after = page.after();
		List<IssuedPermit> read;
		if (after == null) {
			read = permits.many(AWAITING_REVIEW + " ORDER BY " + REVIEWED_BY + " LIMIT ?", agency.value(), page.rows());
		} else {
			ReviewedAfter last = ReviewedAfter.of(after);
			read = permits.many(AWAITING_REVIEW + " AND (" + REVIEWED_BY + ") > (?, ?, ?) ORDER BY " + REVIEWED_BY
					+ " LIMIT ?", agency.value(), last.due(), after.atUtc(), last.number(), page.rows());
		}
		return page.page(read, ReviewedAfter::cursorOf);
	}

	/** Where a page of the queue ended: the last permit's review due (none: 9999-12-31) and number. */
	private record ReviewedAfter(LocalDate due, String number) {

		private static final LocalDate NONE = LocalDate.of(9999, 12, 31);

		static Cursor cursorOf(IssuedPermit last) {
			return new Cursor(last.issuedAt(),
					(last.verificationDue() == null ? "" : last.verificationDue().toString()) + ":" + last.number());
		}

		/** @throws Problem 422 {@code CURSOR_INVALID} at {@code cursor} for a key no page of the queue handed out */
		static ReviewedAfter of(Cursor cursor) {
			String[] parts = cursor.key().split(":", 2);
			if (parts.length == 2 && !parts[1].isEmpty()) {
				var due = parts[0].isEmpty() ? java.util.Optional.of(NONE) : Cursor.day(parts[0]);
				if (due.isPresent()) {
					return new ReviewedAfter(due.get(), parts[1]);
				}
			}
			throw Problem.invalidField("cursor", "CURSOR_INVALID");
		}
	}

	/** Everything that happened to an enterprise's permits, newest first: issues, suspensions, revocations … */
	List<HistoryEntry> historyOf(Uscc holder) {
		return history("h.holder_uscc = ?", holder.value());
	}

	List<HistoryEntry> historyOfPermit(String number) {
		return history("p.number = ?", number);
	}

	private List<HistoryEntry> history(String condition, String value) {
		return jdbc.sql("""
				SELECT p.number, p.catalogue_code, h.action, h.reason, h.actor, h.at FROM permit_history h
				JOIN permit p ON p.id = h.permit_id WHERE %s ORDER BY h.at DESC, p.number""".formatted(condition))
			.param(value)
			.query((rs, i) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	LocalDate today() {
		return time.today();
	}

	/** The business clock's instant, for how long applications have waited. */
	java.time.Instant now() {
		return time.now();
	}
}
