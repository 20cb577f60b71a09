package io.singlewindow.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;

/** The routing table in PostgreSQL. */
@Component
class RoutingRules {

	private static final String COLUMNS = "code, description_zh, description_en, condition_type, condition_values, agency, active, priority, version";

	private final JdbcClient jdbc;
	private final AuditTrail auditTrail;

	RoutingRules(JdbcClient jdbc, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
	}

	List<RoutingRule> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM routing_rule ORDER BY priority, code").query(RoutingRules::map).list();
	}

	List<RoutingRule> active() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM routing_rule WHERE active ORDER BY priority, code")
			.query(RoutingRules::map).list();
	}

	Optional<RoutingRule> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM routing_rule WHERE code = ?").param(code).query(RoutingRules::map)
			.optional();
	}

	/** Inserts or updates; an update must name the version it read. */
	@Transactional
	void save(RoutingRule rule, boolean create) {
		RoutingRule before = create ? null : find(rule.code()).orElse(null);
		write(rule, create);
		auditTrail.record(AuditRecord.of(create ? "ROUTING_RULE_CREATED" : "ROUTING_RULE_CHANGED", "ROUTING_RULE",
				rule.code()).change(before, find(rule.code()).orElseThrow()));
	}

	private void write(RoutingRule rule, boolean create) {
		if (create) {
			int inserted = jdbc.sql("""
					INSERT INTO routing_rule (code, description_zh, description_en, condition_type, condition_values,
					    agency, active, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
				.params(rule.code(), rule.descriptionZh(), rule.descriptionEn(), rule.conditionType().name(),
						rule.valuesText(), rule.agency() == null ? null : rule.agency().value(), rule.active(),
						rule.priority())
				.update();
			if (inserted == 0) {
				throw Problem.conflict("ROUTING_RULE_EXISTS", rule.code());
			}
			return;
		}
		int updated = jdbc.sql("""
				UPDATE routing_rule SET description_zh = ?, description_en = ?, condition_type = ?, condition_values = ?,
				    agency = ?, active = ?, priority = ?, version = version + 1 WHERE code = ? AND version = ?""")
			.params(rule.descriptionZh(), rule.descriptionEn(), rule.conditionType().name(), rule.valuesText(),
					rule.agency() == null ? null : rule.agency().value(), rule.active(), rule.priority(), rule.code(),
					rule.version())
			.update();
		if (updated == 0) {
			throw find(rule.code()).isPresent() ? Problem.conflict("ROUTING_RULE_CHANGED", rule.code())
					: Problem.notFound("ROUTING_RULE_NOT_FOUND", rule.code());
		}
	}

	static RoutingRule map(ResultSet rs, int row) throws SQLException {
		String agency = rs.getString("agency");
		return new RoutingRule(rs.getString("code"), rs.getString("description_zh"), rs.getString("description_en"),
				RoutingRule.ConditionType.valueOf(rs.getString("condition_type")),
				RoutingRule.parseValues(rs.getString("condition_values")), agency == null ? null : new AgencyCode(agency),
				rs.getBoolean("active"), rs.getInt("priority"), rs.getInt("version"));
	}
}
