package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.TariffLine;
import io.singlewindow.tariff.TariffSchedule;

/**
 * The tariff schedule as stored in PostgreSQL ({@code tariff_line}, {@code tariff_preferential_rate}). Lines looked up
 * by code are kept for the current {@link ReferenceRevision}: a submission looks up each of its lines several times.
 */
@Component
class JdbcTariffSchedule implements TariffSchedule, ExportDutyRates, io.singlewindow.tariff.TariffSearch {

	/** The schedule has some 8,000 Chinese tariff lines; every one a zone declares fits. */
	private static final int KEPT_LINES = 20_000;

	private final JdbcClient jdbc;
	private final ReferenceCache<HsCode, Optional<TariffLine>> lines;
	private final ReferenceCache<HsCode, Optional<BigDecimal>> exportRates;

	JdbcTariffSchedule(JdbcClient jdbc, ReferenceRevision revision) {
		this.jdbc = jdbc;
		this.lines = revision.cache(KEPT_LINES);
		this.exportRates = revision.cache(KEPT_LINES);
	}

	@Override
	public Optional<TariffLine> line(HsCode code) {
		return lines.get(code, c -> jdbc.sql("SELECT * FROM tariff_line WHERE code = ?").param(c.value())
				.query(this::map).optional()
				.map(line -> withPreferences(line, preferentialRates(List.of(c.value())).get(c.value()))));
	}

	@Override
	public Optional<BigDecimal> exportRate(HsCode code) {
		return exportRates.get(code, c -> jdbc.sql("SELECT export_rate FROM tariff_line WHERE code = ?")
				.param(c.value()).query((rs, n) -> Optional.ofNullable(rs.getBigDecimal(1))).optional().flatMap(o -> o));
	}

	/** Lines whose code starts with {@code prefix} (digits) or whose description contains {@code text}. */
	@Override
	public List<TariffLine> search(String query, int limit) {
		String q = query == null ? "" : query.strip().replace(".", "");
		List<TariffLine> lines = jdbc.sql("""
				SELECT * FROM tariff_line
				WHERE :q = '' OR code LIKE :prefix OR description_en ILIKE :text OR description_zh LIKE :text
				ORDER BY code LIMIT :limit""")
				.param("q", q).param("prefix", q + "%").param("text", "%" + q + "%").param("limit", limit)
				.query(this::map).list();
		Map<String, Map<String, BigDecimal>> prefs = preferentialRates(lines.stream().map(l -> l.code().value()).toList());
		return lines.stream().map(l -> withPreferences(l, prefs.get(l.code().value()))).toList();
	}

	int count() {
		return jdbc.sql("SELECT count(*) FROM tariff_line").query(Integer.class).single();
	}

	private Map<String, Map<String, BigDecimal>> preferentialRates(List<String> codes) {
		Map<String, Map<String, BigDecimal>> result = new TreeMap<>();
		if (codes.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT code, agreement, rate FROM tariff_preferential_rate WHERE code IN (:codes)")
				.param("codes", codes).query(rs -> {
					result.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
				});
		return result;
	}

	private static TariffLine withPreferences(TariffLine l, Map<String, BigDecimal> prefs) {
		return new TariffLine(l.code(), l.descriptionZh(), l.descriptionEn(), l.mfnRate(),
				prefs == null ? Map.of() : Map.copyOf(prefs), l.exciseRate(), l.vatRate(), l.supervisionConditions(),
				l.inspectionCategories(), l.demo(), l.legalUnit(), l.secondLegalUnit(), l.mfnPerUnit(), l.excisePerUnit(),
				l.provisional(), l.inQuotaRate(), l.generalRate(), l.generalPerUnit());
	}

	private TariffLine map(ResultSet rs, int n) throws SQLException {
		return new TariffLine(new HsCode(rs.getString("code")), rs.getString("description_zh"),
				rs.getString("description_en"), rs.getBigDecimal("mfn_rate").stripTrailingZeros(), Map.of(),
				strip(rs.getBigDecimal("excise_rate")), rs.getBigDecimal("vat_rate").stripTrailingZeros(),
				codes(rs.getString("supervision_conditions")), codes(rs.getString("inspection_categories")),
				rs.getBoolean("demo"), unit(rs.getString("legal_unit")), unit(rs.getString("second_legal_unit")),
				Assessment.PerUnit.asStated(rs.getBigDecimal("mfn_per_unit")),
				Assessment.PerUnit.asStated(rs.getBigDecimal("excise_per_unit")),
				rs.getObject("provisional_from") == null ? null : new TariffLine.Provisional(
						strip(rs.getBigDecimal("provisional_rate")), strip(rs.getBigDecimal("export_provisional_rate")),
						rs.getObject("provisional_from", java.time.LocalDate.class),
						rs.getObject("provisional_until", java.time.LocalDate.class)),
				strip(rs.getBigDecimal("in_quota_rate")), strip(rs.getBigDecimal("general_rate")),
				Assessment.PerUnit.asStated(rs.getBigDecimal("general_per_unit")));
	}

	private static UnitCode unit(String stored) {
		return stored == null ? null : new UnitCode(stored);
	}

	private static BigDecimal strip(BigDecimal d) {
		return d == null ? null : d.stripTrailingZeros();
	}

	/** Supervision conditions and inspection categories are one character each, stored side by side ("AB"). */
	static Set<String> codes(String stored) {
		Set<String> set = new LinkedHashSet<>();
		if (stored != null) {
			stored.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> set.add(Character.toString(c)));
		}
		return Set.copyOf(set);
	}
}
