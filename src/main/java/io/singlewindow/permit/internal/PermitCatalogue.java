package io.singlewindow.permit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;

/**
 * Reads the permit catalogue. Administrators edit it while the zone runs: what a declaration line needs
 * ({@link #covering}) is kept only for the current {@link ReferenceRevision}, everything else is read afresh.
 */
@Component
class PermitCatalogue {

	private static final String COLUMNS = """
			code, name_zh, name_en, issuing_agency, mode, review_days, verification_days, documents_zh, documents_en,
			validity_months, quota_kind, quota_unit, active, version, tariff_quota""";

	private final JdbcClient jdbc;
	private final ReferenceCache<String, List<CatalogueEntry>> covering;
	private final ReferenceCache<String, Optional<CatalogueEntry>> entries;

	PermitCatalogue(JdbcClient jdbc, ReferenceRevision revision) {
		this.jdbc = jdbc;
		this.covering = revision.cache(20_000);
		this.entries = revision.cache(1_000);
	}

	List<CatalogueEntry> all() {
		var rows = jdbc.sql("SELECT " + COLUMNS + " FROM permit_catalogue ORDER BY mode DESC, code").query(this::row).list();
		Map<String, Map<TradeFlow, List<String>>> scopes = scopes(null);
		return rows.stream().map(r -> r.toEntry(scopes.getOrDefault(r.code, Map.of()))).toList();
	}

	Optional<CatalogueEntry> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM permit_catalogue WHERE code = ?").param(code).query(this::row)
			.optional()
			.map(r -> r.toEntry(scopes(code).getOrDefault(code, Map.of())));
	}

	/** @throws Problem 404 {@code PERMIT_CATALOGUE_ENTRY_NOT_FOUND} */
	CatalogueEntry get(String code) {
		return find(code).orElseThrow(() -> Problem.notFound("PERMIT_CATALOGUE_ENTRY_NOT_FOUND", code));
	}

	/**
	 * The entry of {@code code} as a declaration's permit check reads it, kept for the current revision. (Not for
	 * administration: a transaction that changes the catalogue reads it back with {@link #get}.)
	 *
	 * @throws Problem 404 {@code PERMIT_CATALOGUE_ENTRY_NOT_FOUND}
	 */
	CatalogueEntry entry(String code) {
		return entries.get(code, this::find)
			.orElseThrow(() -> Problem.notFound("PERMIT_CATALOGUE_ENTRY_NOT_FOUND", code));
	}

	/**
	 * The active entries whose scope has a prefix of {@code hsCode} for {@code flow}: the permits the goods need. A
	 * tariff-quota certificate is not among them (goods without one pay the out-of-quota rate).
	 */
	List<CatalogueEntry> covering(String hsCode, TradeFlow flow) {
		return covering.get(flow.name() + "/" + hsCode, key -> List.copyOf(lookUpCovering(hsCode, flow)));
	}

	private List<CatalogueEntry> lookUpCovering(String hsCode, TradeFlow flow) {
		List<String> codes = jdbc.sql("""
				SELECT DISTINCT s.catalogue_code FROM permit_catalogue_scope s
				JOIN permit_catalogue c ON c.code = s.catalogue_code
				WHERE c.active AND NOT c.tariff_quota AND s.flow = ? AND starts_with(?, s.hs_prefix)
				ORDER BY s.catalogue_code""")
			.params(flow.name(), hsCode)
			.query(String.class)
			.list();
		return codes.stream().map(this::get).toList();
	}

	private Map<String, Map<TradeFlow, List<String>>> scopes(String code) {
		Map<String, Map<TradeFlow, List<String>>> result = new HashMap<>();
		var sql = "SELECT catalogue_code, flow, hs_prefix FROM permit_catalogue_scope"
				+ (code == null ? "" : " WHERE catalogue_code = :code") + " ORDER BY catalogue_code, flow, hs_prefix";
		var spec = jdbc.sql(sql);
		if (code != null) {
			spec = spec.param("code", code);
		}
		spec.query(rs -> {
			result.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(TradeFlow.class))
				.computeIfAbsent(TradeFlow.valueOf(rs.getString(2)), k -> new ArrayList<>())
				.add(rs.getString(3));
		});
		return result;
	}

	private Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				new AgencyCode(rs.getString("issuing_agency")), PermitMode.valueOf(rs.getString("mode")),
				rs.getInt("review_days"), rs.getObject("verification_days", Integer.class), rs.getString("documents_zh"),
				rs.getString("documents_en"), rs.getObject("validity_months", Integer.class),
				QuotaKind.valueOf(rs.getString("quota_kind")), rs.getString("quota_unit"), rs.getBoolean("active"),
				rs.getInt("version"), rs.getBoolean("tariff_quota"));
	}

	private record Row(String code, String nameZh, String nameEn, AgencyCode agency, PermitMode mode, int reviewDays,
			Integer verificationDays, String documentsZh, String documentsEn, Integer validityMonths,
			QuotaKind quotaKind, String quotaUnit, boolean active, int version, boolean tariffQuota) {

		CatalogueEntry toEntry(Map<TradeFlow, List<String>> scope) {
			Map<TradeFlow, HsScope> scopes = new EnumMap<>(TradeFlow.class);
			scope.forEach((flow, prefixes) -> scopes.put(flow, HsScope.of(prefixes)));
			return new CatalogueEntry(code, nameZh, nameEn, agency, mode, reviewDays, verificationDays,
					CatalogueEntry.lines(documentsZh), CatalogueEntry.lines(documentsEn), validityMonths, quotaKind,
					quotaUnit, scopes, active, version, tariffQuota);
		}
	}
}
