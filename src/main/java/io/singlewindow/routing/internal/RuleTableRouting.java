package io.singlewindow.routing.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.routing.Routing;
import io.singlewindow.routing.RoutingDecision;
import io.singlewindow.tariff.TariffLine;

/** Routes by evaluating every active row of the routing table, read once per call. */
@Component
class RuleTableRouting implements Routing {

	private final RoutingRules rules;

	RuleTableRouting(RoutingRules rules) {
		this.rules = rules;
	}

	@Override
	public List<RoutingDecision> route(TradeFlow flow, TariffLine line, List<PermitRequirement> permits) {
		return evaluate(rules.active(), flow, line, permits);
	}

	@Override
	public List<List<RoutingDecision>> routeAll(TradeFlow flow, List<TariffLine> lines,
			List<List<PermitRequirement>> permits) {
		List<RoutingRule> active = rules.active();
		List<List<RoutingDecision>> result = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			result.add(evaluate(active, flow, lines.get(i), permits.get(i)));
		}
		return result;
	}

	static List<RoutingDecision> evaluate(List<RoutingRule> rules, TradeFlow flow, TariffLine line,
			List<PermitRequirement> permits) {
		List<RoutingDecision> decisions = new ArrayList<>();
		for (RoutingRule rule : rules) {
			if (rule.active()) {
				decisions.addAll(rule.evaluate(flow, line, permits));
			}
		}
		return decisions;
	}
}
