package io.singlewindow.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.routing.RoutingDecision;
import io.singlewindow.tariff.TariffLine;

/** The seeded routing table applied to the lines of the shared demo scenario. */
class RoutingRuleUnitTests {

	static final List<RoutingRule> SEEDED = List.of(
			rule("CUSTOMS_ALWAYS", RoutingRule.ConditionType.ALWAYS, "", "CUSTOMS", 10),
			rule("CIQ_INSPECTION_CATEGORY", RoutingRule.ConditionType.INSPECTION_CATEGORY, "*", "CIQ", 20),
			rule("CIQ_SUPERVISION_AB", RoutingRule.ConditionType.SUPERVISION_CONDITION, "A,B", "CIQ", 30),
			rule("PERMIT_ISSUING_AGENCY", RoutingRule.ConditionType.PERMIT_SCOPE, "", null, 40));

	static final PermitRequirement AIL = new PermitRequirement("AIL", AgencyCode.COMMERCE, "自动进口许可证",
			"Automatic import licence");

	@Test
	void processorsGoToCustomsOnly() {
		List<RoutingDecision> decisions = route(line("8542319000", Set.of(), Set.of()), List.of());

		assertThat(decisions).containsExactly(new RoutingDecision(AgencyCode.CUSTOMS, "CUSTOMS_ALWAYS", "always"));
	}

	@Test
	void portableComputersGoToCustomsInspectionAndTheLicensingAgencyEachWithItsRule() {
		List<RoutingDecision> decisions = route(line("8471300000", Set.of("7", "A"), Set.of("L")), List.of(AIL));

		assertThat(decisions).extracting(RoutingDecision::agency, RoutingDecision::ruleCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AgencyCode.CUSTOMS, "CUSTOMS_ALWAYS"),
					org.assertj.core.groups.Tuple.tuple(AgencyCode.CIQ, "CIQ_INSPECTION_CATEGORY"),
					org.assertj.core.groups.Tuple.tuple(AgencyCode.CIQ, "CIQ_SUPERVISION_AB"),
					org.assertj.core.groups.Tuple.tuple(AgencyCode.COMMERCE, "PERMIT_ISSUING_AGENCY"));
		assertThat(decisions.get(2).reason()).isEqualTo("supervision condition A");
		assertThat(decisions.get(3).permitCatalogueCode()).isEqualTo("AIL");
	}

	@Test
	void severalMatchingCodesMakeOneDecisionNamingThemAll() {
		List<RoutingDecision> decisions = route(line("0901210000", Set.of("A", "B"), Set.of()), List.of());

		assertThat(decisions).contains(new RoutingDecision(AgencyCode.CIQ, "CIQ_SUPERVISION_AB",
				"supervision condition A, supervision condition B"));
	}

	@Test
	void inactiveRulesRouteNothingAndPrefixAndFlowRulesMatchAsConfigured() {
		var rules = List.of(
				new RoutingRule("OFF", "", "", RoutingRule.ConditionType.ALWAYS, Set.of(), AgencyCode.TAX, false, 1, 0),
				rule("MSA_CHAPTER_27", RoutingRule.ConditionType.HS_PREFIX, "27,2844", "MSA", 50),
				rule("TAX_EXPORTS", RoutingRule.ConditionType.FLOW, "EXPORT", "TAX", 60));

		assertThat(RuleTableRouting.evaluate(rules, TradeFlow.IMPORT, line("2709000000", Set.of(), Set.of()),
				List.of())).containsExactly(new RoutingDecision(AgencyCode.MSA, "MSA_CHAPTER_27", "HS code under 27"));
		assertThat(RuleTableRouting.evaluate(rules, TradeFlow.EXPORT, line("8542319000", Set.of(), Set.of()),
				List.of())).containsExactly(new RoutingDecision(AgencyCode.TAX, "TAX_EXPORTS", "flow EXPORT"));
	}

	@Test
	void parsesValueSets() {
		assertThat(RoutingRule.parseValues(" A, B ,,")).containsExactly("A", "B");
		assertThat(RoutingRule.parseValues(null)).isEmpty();
	}

	private static List<RoutingDecision> route(TariffLine line, List<PermitRequirement> permits) {
		return RuleTableRouting.evaluate(SEEDED, TradeFlow.IMPORT, line, permits);
	}

	static RoutingRule rule(String code, RoutingRule.ConditionType type, String values, String agency, int priority) {
		return new RoutingRule(code, code, code, type, RoutingRule.parseValues(values),
				agency == null ? null : new AgencyCode(agency), true, priority, 0);
	}

	static TariffLine line(String code, Set<String> supervision, Set<String> inspection) {
		return new TariffLine(HsCode.of(code), "zh", "en", BigDecimal.ZERO, Map.of(), null, new BigDecimal("0.13"),
				supervision, inspection, true);
	}
}
