package io.singlewindow.routing;

import io.singlewindow.core.AgencyCode;

/**
 * One agency that must act on an item, and why.
 *
 * @param ruleCode the routing rule that caused it, e.g. {@code CIQ_SUPERVISION_AB}
 * @param reason what matched, e.g. {@code supervision condition A}
 * @param permitCatalogueCode when the item was routed because it needs a permit, the permit's catalogue code (the
 *     agency then decides by writing the referenced permit off); else {@literal null}
 */
public record RoutingDecision(AgencyCode agency, String ruleCode, String reason, String permitCatalogueCode) {

	public RoutingDecision(AgencyCode agency, String ruleCode, String reason) {
		this(agency, ruleCode, reason, null);
	}
}
