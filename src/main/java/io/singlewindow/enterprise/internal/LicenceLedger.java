package io.singlewindow.enterprise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseStatus;

/**
 * Writes what belongs to a licence besides the enterprise row: its business scope, its registrations with the other
 * agencies (multi-certificate integration) and its state history. Joins the caller's transaction.
 */
@Component
class LicenceLedger {

	private final JdbcClient jdbc;
	private final RegistrationProperties properties;

	LicenceLedger(JdbcClient jdbc, RegistrationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void replaceScope(UUID enterpriseId, List<String> activityCodes) {
		jdbc.sql("DELETE FROM enterprise_activity WHERE enterprise_id = ?").param(enterpriseId).update();
		for (String code : activityCodes) {
			jdbc.sql("INSERT INTO enterprise_activity (enterprise_id, activity_code) VALUES (?, ?)")
				.params(enterpriseId, code).update();
		}
	}

	/**
	 * The USCC is the licence number and, since 2015, the taxpayer number too; customs gives a cross-border trader
	 * its consignor/consignee registration code (customs district + {@code F} + five-digit serial).
	 *
	 * @return the agencies the enterprise is now registered with
	 */
	List<String> registerWithAgencies(UUID enterpriseId, Uscc uscc, boolean crossBorder, Instant now) {
		List<String> agencies = new ArrayList<>();
		add(enterpriseId, AgencyCode.SAMR, "BUSINESS_LICENCE", uscc.value(), now);
		agencies.add(AgencyCode.SAMR.value());
		add(enterpriseId, AgencyCode.TAX, "TAX_REGISTRATION", uscc.value(), now);
		agencies.add(AgencyCode.TAX.value());
		if (crossBorder) {
			registerWithCustoms(enterpriseId, now);
			agencies.add(AgencyCode.CUSTOMS.value());
		}
		return agencies;
	}

	/** Registers the enterprise with customs unless it already is. */
	void registerWithCustoms(UUID enterpriseId, Instant now) {
		boolean registered = jdbc.sql("SELECT count(*) FROM agency_registration WHERE enterprise_id = ? AND kind = ?")
			.params(enterpriseId, "CONSIGNOR_CONSIGNEE").query(Long.class).single() > 0;
		if (registered) {
			return;
		}
		// Locale.ROOT: ASCII digits whatever the server's locale (ServerLocaleIntegrationTests).
		long serial = jdbc.sql("SELECT nextval('customs_registration_seq')").query(Long.class).single();
		add(enterpriseId, AgencyCode.CUSTOMS, "CONSIGNOR_CONSIGNEE",
				properties.customsDistrict() + "F" + String.format(Locale.ROOT, "%05d", serial), now);
	}

	void recordEvent(UUID enterpriseId, String action, EnterpriseStatus after, String reason, Instant at,
			String actor) {
		jdbc.sql("""
				INSERT INTO licence_event (id, enterprise_id, action, status_after, reason, occurred_at, actor)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), enterpriseId, action, after.name(), reason, Timestamp.from(at), actor)
			.update();
	}

	private void add(UUID enterpriseId, AgencyCode agency, String kind, String reference, Instant now) {
		jdbc.sql("""
				INSERT INTO agency_registration (id, enterprise_id, agency_code, kind, reference, registered_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), enterpriseId, agency.value(), kind, reference, Timestamp.from(now))
			.update();
	}
}
