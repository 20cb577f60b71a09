package io.singlewindow.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;

/** The zone's agencies (customs, inspection and quarantine, commerce and licensing, market regulation, …). */
@Component
public class Agencies {

	private final JdbcClient jdbc;

	Agencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Agency> all() {
		return jdbc.sql("SELECT code, name_zh, name_en FROM agency ORDER BY code")
			.query((rs, i) -> new Agency(new AgencyCode(rs.getString(1)), rs.getString(2), rs.getString(3)))
			.list();
	}

	public Optional<Agency> find(AgencyCode code) {
		return jdbc.sql("SELECT code, name_zh, name_en FROM agency WHERE code = ?")
			.param(code.value())
			.query((rs, i) -> new Agency(new AgencyCode(rs.getString(1)), rs.getString(2), rs.getString(3)))
			.optional();
	}
}
