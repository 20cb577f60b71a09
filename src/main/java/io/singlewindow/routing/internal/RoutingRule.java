package io.singlewindow.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.routing.RoutingDecision;
import io.singlewindow.tariff.TariffLine;

/**
 * A routing rule as administrators maintain it. {@code values} is the set the condition tests against; {@code *}
 * matches any non-empty set of codes.
 */
record RoutingRule(String code, String descriptionZh, String descriptionEn, ConditionType conditionType,
		Set<String> values, AgencyCode agency, boolean active, int priority, int version) {

	enum ConditionType {
		ALWAYS, SUPERVISION_CONDITION, INSPECTION_CATEGORY, PERMIT_SCOPE, HS_PREFIX, FLOW
	}

	static Set<String> parseValues(String raw) {
		Set<String> set = new TreeSet<>();
		if (raw != null) {
			Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
		}
		return set;
	}

	public String valuesText() {
		return String.join(",", values);
	}

	/** What this rule decides for one item; empty when it does not match. */
	List<RoutingDecision> evaluate(TradeFlow flow, TariffLine line, List<PermitRequirement> permits) {
		List<RoutingDecision> decisions = new ArrayList<>();
		switch (conditionType) {
			case ALWAYS -> decisions.add(new RoutingDecision(agency, code, "always"));
			case SUPERVISION_CONDITION -> matching(line.supervisionConditions())
				.forEach(c -> decisions.add(new RoutingDecision(agency, code, "supervision condition " + c)));
			case INSPECTION_CATEGORY -> matching(line.inspectionCategories())
				.forEach(c -> decisions.add(new RoutingDecision(agency, code, "inspection category " + c)));
			case HS_PREFIX -> values.stream().filter(line.code()::startsWith).findFirst()
				.ifPresent(p -> decisions.add(new RoutingDecision(agency, code, "HS code under " + p)));
			case FLOW -> {
				if (values.contains(flow.name())) {
					decisions.add(new RoutingDecision(agency, code, "flow " + flow));
				}
			}
			case PERMIT_SCOPE -> permits.forEach(p -> decisions.add(new RoutingDecision(
					agency == null ? p.issuingAgency() : agency, code, "permit " + p.catalogueCode() + " required",
					p.catalogueCode())));
		}
		// A condition naming several codes (A and B) routes once per agency, with every matching code as the reason.
		if (decisions.size() > 1 && conditionType != ConditionType.PERMIT_SCOPE) {
			String reason = decisions.stream().map(RoutingDecision::reason).reduce((a, b) -> a + ", " + b).orElseThrow();
			return List.of(new RoutingDecision(agency, code, reason));
		}
		return decisions.stream().distinct().toList();
	}

	private List<String> matching(Set<String> codes) {
		if (codes == null) {
			return List.of();
		}
		return codes.stream().sorted().filter(c -> values.contains("*") || values.contains(c)).toList();
	}
}
