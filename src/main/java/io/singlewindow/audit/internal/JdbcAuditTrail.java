package io.singlewindow.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditRecord.Who;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends a plain row, unchained, in the caller's transaction: an insert into an append-only table touches no row
 * another decision touches, so audited decisions never queue behind each other. {@link AuditSealer} chains the rows
 * after they commit.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CurrentActor currentActor;
	private final BusinessTime time;

	JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, CurrentActor currentActor, BusinessTime time) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditRecord record) {
		Who who = record.who() != null ? record.who()
				: currentActor.find().map(Who::of).orElseGet(() -> Who.system("platform"));
		String enterprise = record.actingForEnterprise();
		String agency = record.actingForAgency();
		if (enterprise == null && agency == null) {
			// By default a person acts for whom they belong to: an officer for the agency, a trader for the enterprise.
			if ("OFFICER".equals(who.role())) {
				agency = who.agency();
			} else if (!Role.ADMIN.name().equals(who.role())) {
				enterprise = who.enterprise();
			}
		}
		// PostgreSQL keeps microseconds; truncating here makes the hashed timestamp the stored one.
		Instant now = time.now().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor_account, actor_name, actor_role, acting_for_enterprise,
				    acting_for_agency, action, subject_type, subject_id, before_state, after_state)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""")
			.params(Timestamp.from(now), who.account(), who.name(), who.role(), enterprise, agency, record.action(),
					record.subjectType(), record.subjectId(), toJson(record.before()), toJson(record.after()))
			.update();
	}

	private String toJson(Object state) {
		return state == null ? null : CanonicalJson.of(json.writeValueAsString(state));
	}
}
