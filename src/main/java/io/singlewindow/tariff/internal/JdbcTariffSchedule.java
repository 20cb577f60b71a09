package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.tariff.TariffLine;
import io.singlewindow.tariff.TariffSchedule;

/** The tariff schedule in PostgreSQL. */
@Component
class JdbcTariffSchedule implements TariffSchedule {

	private final JdbcClient jdbc;

	JdbcTariffSchedule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<TariffLine> line(HsCode code) {
		if (code.value().length() != 10) {
			return Optional.empty();
		}
		Map<String, BigDecimal> preferences = new HashMap<>();
		jdbc.sql("SELECT agreement, rate FROM tariff_preference WHERE hs_code = ?").param(code.value())
			.query(rs -> {
				preferences.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return jdbc.sql("""
				SELECT hs_code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, supervision_conditions,
				       inspection_categories, demo
				FROM tariff_line WHERE hs_code = ?""")
			.param(code.value())
			.query((rs, i) -> new TariffLine(HsCode.of(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getBigDecimal(4), Map.copyOf(preferences), rs.getBigDecimal(5), rs.getBigDecimal(6),
					letters(rs.getString(7)), letters(rs.getString(8)), rs.getBoolean(9)))
			.optional();
	}

	/** Whether goods originating in {@code origin} may claim {@code agreement}'s preferential rate. */
	boolean isParty(String agreement, CountryCode origin) {
		return jdbc.sql("SELECT count(*) FROM tariff_agreement_party WHERE agreement = ? AND country = ?")
			.params(agreement, origin.value()).query(Long.class).single() > 0;
	}

	/** Supervision conditions and inspection categories are written as strings of one-character codes ("AB"). */
	static Set<String> letters(String codes) {
		return codes == null ? Set.of()
				: codes.chars().filter(c -> !Character.isWhitespace(c)).mapToObj(c -> String.valueOf((char) c))
					.collect(Collectors.toUnmodifiableSet());
	}
}
