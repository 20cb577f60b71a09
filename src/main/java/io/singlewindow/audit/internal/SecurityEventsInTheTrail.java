package io.singlewindow.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.identity.SecurityEventOccurred;

/**
 * Security events of the identity module (failed logins, pauses, password and account changes) join the audit trail,
 * so that an administrator finds them in the same tamper-evident record as the decisions they may have enabled. The
 * identity module publishes them inside the transaction that stores them; listening synchronously keeps the event and
 * its audit row in that one transaction.
 */
@Component
class SecurityEventsInTheTrail {

	/** A name typed at the login form is the caller's text: keep enough of it to recognise, no more. */
	private static final int SUBJECT_LENGTH = 100;

	private final AuditTrail trail;

	SecurityEventsInTheTrail(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(SecurityEventOccurred event) {
		String account = event.username() == null || event.username().isBlank() ? "-" : event.username();
		if (account.length() > SUBJECT_LENGTH) {
			account = account.substring(0, SUBJECT_LENGTH);
		}
		AuditRecord record = AuditRecord.of("SECURITY_" + event.type().name(), "ACCOUNT", account)
			.change(null, AuditRecord.state("actor", event.actor(), "clientAddress", event.clientAddress(), "details",
					event.details()));
		trail.record(event.actor() == null ? record.by(AuditRecord.Who.anonymous()) : record);
	}
}
