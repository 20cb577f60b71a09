package io.singlewindow.enterprise.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.BusinessActivity;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.EnterpriseStatus;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.platform.BusinessTime;

/** Reads licences: the full view for the holder and officers, and the public facts anyone may verify. */
@Component
class LicenceBook {

	private final JdbcClient jdbc;
	private final Enterprises enterprises;

	LicenceBook(JdbcClient jdbc, Enterprises enterprises) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
	}

	Optional<Licence> find(Uscc uscc) {
		return enterprises.find(uscc).map(this::licence);
	}

	private Licence licence(Enterprise e) {
		record Extra(boolean checkValid, String zoneArea, String origin, String reason, java.sql.Timestamp changedAt,
				int version) {
		}
		Extra extra = jdbc.sql("""
				SELECT uscc_check_valid, zone_area, origin, status_reason, status_changed_at, version
				FROM enterprise WHERE id = ?""")
			.param(e.id())
			.query((rs, i) -> new Extra(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5), rs.getInt(6)))
			.single();
		List<BusinessActivity> scope = enterprises.businessScopeOf(e.uscc());
		List<Licence.AgencyRegistration> registrations = jdbc.sql("""
				SELECT agency_code, kind, reference, registered_at FROM agency_registration
				WHERE enterprise_id = ? ORDER BY registered_at, agency_code""")
			.param(e.id())
			.query((rs, i) -> new Licence.AgencyRegistration(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
		List<Licence.Change> amendments = jdbc.sql("""
				SELECT field, old_value, new_value, amended_at, amended_by FROM licence_amendment
				WHERE enterprise_id = ? ORDER BY amended_at DESC, field""")
			.param(e.id())
			.query((rs, i) -> new Licence.Change(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
		List<Licence.StatusChange> history = jdbc.sql("""
				SELECT action, status_after, reason, occurred_at, actor FROM licence_event
				WHERE enterprise_id = ? ORDER BY occurred_at DESC""")
			.param(e.id())
			.query((rs, i) -> new Licence.StatusChange(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
		return new Licence(e, extra.checkValid(), extra.zoneArea(), extra.origin(), establishedOn(e), extra.reason(),
				extra.changedAt() == null ? null : extra.changedAt().toInstant(), extra.version(), scope, registrations,
				amendments, history, warnings(extra.checkValid()));
	}

	Optional<PublicLicenceFacts> publicFacts(Uscc uscc) {
		return find(uscc).map(l -> {
			Enterprise e = l.enterprise();
			return new PublicLicenceFacts(e.uscc().value(), l.usccCheckValid(), e.status() == EnterpriseStatus.ACTIVE,
					e.status().name(), e.nameZh(), e.nameEn(), e.entityType(), l.establishedOn(), "SAMR",
					l.businessScope().stream().map(BusinessActivity::code).toList(), l.warnings(), List.of(), false);
		});
	}

	private static LocalDate establishedOn(Enterprise e) {
		return LocalDate.ofInstant(e.registeredAt(), BusinessTime.ZONE);
	}

	static List<String> warnings(boolean checkValid) {
		List<String> warnings = new ArrayList<>();
		if (!checkValid) {
			warnings.add(Registrar.CHECK_CHARACTER_MISMATCH);
		}
		return warnings;
	}
}
