package io.singlewindow.audit.internal;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditRecord.Who;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.identity.Actor;
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

	/** One row's values; ids follow the order of the rows. */
	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))";

	/** A statement carries at most 65,535 parameters, 11 a row. */
	private static final int ROWS_PER_STATEMENT = 1000;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CurrentActor currentActor;
	private final BusinessTime time;
	private final ThreadLocal<Holding> held = new ThreadLocal<>();

	JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, CurrentActor currentActor, BusinessTime time) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditRecord record) {
		recordAll(List.of(record));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditRecord> records) {
		Holding holding = held.get();
		if (holding != null) {
			records.forEach(r -> holding.records().add(r.who() == null ? r.by(holding.who()) : r));
			return;
		}
		for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
			insert(records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT)));
		}
	}

	@Override
	public <T> Held<T> holding(Actor actor, Supplier<T> work) {
		Holding outer = held.get();
		Holding holding = new Holding(Who.of(actor), new ArrayList<>());
		held.set(holding);
		try {
			return new Held<>(work.get(), holding.records());
		} finally {
			held.set(outer);
		}
	}

	/** Records appended while held, and who they are by when they name no one. */
	private record Holding(Who who, List<AuditRecord> records) {
	}

	private void insert(List<AuditRecord> records) {
		// PostgreSQL keeps microseconds; truncating here makes the hashed timestamp the stored one.
		Timestamp now = Timestamp.from(time.now().truncatedTo(ChronoUnit.MICROS));
		Who current = null;
		List<Object> params = new ArrayList<>(records.size() * 11);
		for (AuditRecord record : records) {
			Who who = record.who();
			if (who == null) {
				if (current == null) {
					current = currentActor.find().map(Who::of).orElseGet(() -> Who.system("platform"));
				}
				who = current;
			}
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
			params.addAll(Arrays.asList(now, who.account(), who.name(), who.role(), enterprise, agency,
					record.action(), record.subjectType(), record.subjectId(), toJson(record.before()),
					toJson(record.after())));
		}
		jdbc.sql("""
				INSERT INTO audit_entry_unsealed (occurred_at, actor_account, actor_name, actor_role,
				    acting_for_enterprise, acting_for_agency, action, subject_type, subject_id, before_state, after_state)
				VALUES """ + String.join(", ", Collections.nCopies(records.size(), ROW)))
			.params(params)
			.update();
	}

	private String toJson(Object state) {
		return CanonicalJson.of(json, state);
	}
}
