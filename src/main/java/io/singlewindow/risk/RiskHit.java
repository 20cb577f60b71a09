package io.singlewindow.risk;

import java.math.BigDecimal;

/**
 * One policy that fired for a declaration.
 *
 * @param reasonCode stable code: {@code PROFILE_MATCH}, {@code UNIT_PRICE_ANOMALY}, {@code NEW_ENTERPRISE} or
 *     {@code RANDOM_SELECTION}
 * @param profileCode the profile's code; {@literal null} for random selection
 * @param channel the channel this hit asks for
 * @param lineNo the declaration line that matched; {@literal null} when the hit concerns the whole declaration
 * @param selected whether the selection draw picked the declaration (only selected hits decide the channel; a profile
 *     that matched but was not selected is kept so officers see it)
 * @param ratePercent the effective selection rate in percent (after the AEO reduction)
 * @param draw the deterministic draw in [0, 1) compared with the rate
 * @param unitValueCny the line's declared CNY per unit (unit-price hits), else {@literal null}
 * @param historyMeanCny the zone's mean CNY per unit for the same HS code and unit (unit-price hits)
 * @param historyObservations how many observations the mean stands on (unit-price hits)
 * @param deviationPercent how far the line's unit value is from the mean, in percent (unit-price hits)
 * @param detail human-readable explanation for officers (English; pages render their own text from the fields)
 */
public record RiskHit(String reasonCode, String profileCode, Channel channel, Integer lineNo, boolean selected,
		BigDecimal ratePercent, BigDecimal draw, BigDecimal unitValueCny, BigDecimal historyMeanCny,
		Long historyObservations, BigDecimal deviationPercent, String detail) {
}
