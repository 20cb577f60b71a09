package io.singlewindow.risk.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.risk.Channel;

/** The risk profiles in PostgreSQL. */
@Component
public class RiskProfiles {

	private static final String COLUMNS = """
			id, code, name_zh, name_en, origin_countries, hs_prefixes, trade_modes, flow, new_enterprise_days,
			price_deviation_percent, channel, selection_percent, aeo_factor, active, valid_from, valid_to, version""";

	private final JdbcClient jdbc;
	private final BusinessTime time;
	/** Read by every assessment; kept per node for one reference revision (V11_3_1). */
	private final ReferenceCache<LocalDate, List<RiskProfile>> inForce;

	RiskProfiles(JdbcClient jdbc, BusinessTime time, ReferenceRevision revision) {
		this.jdbc = jdbc;
		this.time = time;
		this.inForce = revision.cache(31);
	}

	/** Every profile, active ones first, by code. */
	public List<RiskProfile> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM risk_profile ORDER BY active DESC, code").query(RiskProfiles::map)
			.list();
	}

	/** The profiles that apply on {@code date}, by code (the order their hits are listed in). */
	public List<RiskProfile> inForceOn(LocalDate date) {
		return inForce.get(date, on -> jdbc.sql("SELECT " + COLUMNS + """
				 FROM risk_profile
				WHERE active AND (valid_from IS NULL OR valid_from <= :date) AND (valid_to IS NULL OR valid_to >= :date)
				ORDER BY code""").param("date", on).query(RiskProfiles::map).list().stream().toList());
	}

	public Optional<RiskProfile> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM risk_profile WHERE code = ?").param(code).query(RiskProfiles::map)
			.optional();
	}

	/** @throws Problem 404 {@code RISK_PROFILE_NOT_FOUND} */
	public RiskProfile get(String code) {
		return find(code).orElseThrow(() -> Problem.notFound("RISK_PROFILE_NOT_FOUND", code));
	}

	public boolean exists(String code) {
		return jdbc.sql("SELECT count(*) FROM risk_profile WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	/** Stores a new profile (validated by the caller). */
	public void insert(RiskProfile p) {
		Timestamp now = Timestamp.from(time.now());
		jdbc.sql("INSERT INTO risk_profile (" + COLUMNS + ", created_at, updated_at) VALUES (" + "?, ".repeat(17)
				+ "?, ?)")
			.params(p.id(), p.code(), p.nameZh(), p.nameEn(), countries(p.originCountries()),
					p.hsPrefixes().toArray(String[]::new), p.tradeModes().stream().sorted().toArray(String[]::new),
					p.flow() == null ? null : p.flow().name(), p.newEnterpriseDays(), p.priceDeviationPercent(),
					p.channel().name(), p.selectionPercent(), p.aeoFactor(), p.active(), p.validFrom(), p.validTo(),
					0, now, now)
			.update();
	}

	/**
	 * Replaces a profile's settings (the code never changes: recorded hits refer to it).
	 *
	 * @throws Problem 409 {@code RISK_PROFILE_CHANGED} when {@code p.version()} is no longer the stored version
	 */
	public void update(RiskProfile p) {
		int updated = jdbc.sql("""
				UPDATE risk_profile SET name_zh = ?, name_en = ?, origin_countries = ?, hs_prefixes = ?, trade_modes = ?,
				       flow = ?, new_enterprise_days = ?, price_deviation_percent = ?, channel = ?, selection_percent = ?,
				       aeo_factor = ?, active = ?, valid_from = ?, valid_to = ?, version = version + 1, updated_at = ?
				 WHERE code = ? AND version = ?""")
			.params(p.nameZh(), p.nameEn(), countries(p.originCountries()), p.hsPrefixes().toArray(String[]::new),
					p.tradeModes().stream().sorted().toArray(String[]::new), p.flow() == null ? null : p.flow().name(),
					p.newEnterpriseDays(), p.priceDeviationPercent(), p.channel().name(), p.selectionPercent(),
					p.aeoFactor(), p.active(), p.validFrom(), p.validTo(), Timestamp.from(time.now()), p.code(),
					p.version())
			.update();
		if (updated == 0) {
			get(p.code());
			throw Problem.conflict("RISK_PROFILE_CHANGED", p.code());
		}
	}

	/** Switches a profile off; it stays listed and can be reactivated by editing it. */
	public void deactivate(String code) {
		int updated = jdbc.sql("""
				UPDATE risk_profile SET active = FALSE, version = version + 1, updated_at = ? WHERE code = ?""")
			.params(Timestamp.from(time.now()), code)
			.update();
		if (updated == 0) {
			throw Problem.notFound("RISK_PROFILE_NOT_FOUND", code);
		}
	}

	private static String[] countries(Set<CountryCode> countries) {
		return countries.stream().map(CountryCode::value).sorted().toArray(String[]::new);
	}

	static RiskProfile map(ResultSet rs, int row) throws SQLException {
		String flow = rs.getString("flow");
		LocalDate from = rs.getObject("valid_from", LocalDate.class);
		LocalDate to = rs.getObject("valid_to", LocalDate.class);
		return new RiskProfile(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
				rs.getString("name_en"),
				strings(rs.getArray("origin_countries")).stream().map(CountryCode::new).collect(Collectors.toSet()),
				strings(rs.getArray("hs_prefixes")), Set.copyOf(strings(rs.getArray("trade_modes"))),
				flow == null ? null : TradeFlow.valueOf(flow), (Integer) rs.getObject("new_enterprise_days"),
				rs.getBigDecimal("price_deviation_percent"), Channel.valueOf(rs.getString("channel")),
				rs.getBigDecimal("selection_percent"), rs.getBigDecimal("aeo_factor"), rs.getBoolean("active"), from, to,
				rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
