package io.singlewindow.enterprise.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.enterprise.BusinessActivity;

/** The business-scope catalogue applicants choose their activities from (seeded by migration V2_1). */
@Component
class ActivityCatalogue {

	private final JdbcClient jdbc;

	ActivityCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<BusinessActivity> all() {
		return jdbc.sql("SELECT code, name_zh, name_en, regulated, permit_code FROM business_activity ORDER BY code")
			.query((rs, i) -> new BusinessActivity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5)))
			.list();
	}

	/** The catalogue entries of {@code codes} that exist, by code. */
	Map<String, BusinessActivity> find(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return all().stream().filter(a -> codes.contains(a.code()))
			.collect(Collectors.toMap(BusinessActivity::code, Function.identity()));
	}
}
