package io.singlewindow.routing.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.routing.Routing;
import io.singlewindow.routing.RoutingDecision;
import io.singlewindow.tariff.TariffLine;

/**
 * Routes by evaluating every active row of the routing table, kept for the current {@link ReferenceRevision} (an
 * administrator's change is seen by every node at its next transaction).
 */
@Component
class RuleTableRouting implements Routing {

	private final RoutingRules rules;
	private final ReferenceCache<Boolean, List<RoutingRule>> active;

	RuleTableRouting(RoutingRules rules, ReferenceRevision revision) {
		this.rules = rules;
		this.active = revision.cache(1);
	}

	private List<RoutingRule> active() {
		return active.get(Boolean.TRUE, all -> List.copyOf(rules.active()));
	}

	@Override
	public List<RoutingDecision> route(TradeFlow flow, TariffLine line, List<PermitRequirement> permits) {
		return evaluate(active(), flow, line, permits);
	}

	@Override
	public List<List<RoutingDecision>> routeAll(TradeFlow flow, List<TariffLine> lines,
			List<List<PermitRequirement>> permits) {
		List<RoutingRule> active = active();
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
