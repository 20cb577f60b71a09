package io.singlewindow.routing;

import java.util.List;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.tariff.TariffLine;

/** Decides from the active routing rules which agencies must act on a declaration item. */
public interface Routing {

	/**
	 * The agencies that must act on one item, each with the rule that routed it there; an agency matched by several
	 * rules appears once per rule. Ordered by rule priority.
	 *
	 * @param line the item's tariff line (supervision conditions, inspection categories)
	 * @param permits the permits the item needs ({@code PermitLedger.requirementsFor})
	 */
	List<RoutingDecision> route(TradeFlow flow, TariffLine line, List<PermitRequirement> permits);

	/** {@link #route} for many items with one read of the rules. */
	List<List<RoutingDecision>> routeAll(TradeFlow flow, List<TariffLine> lines, List<List<PermitRequirement>> permits);
}
