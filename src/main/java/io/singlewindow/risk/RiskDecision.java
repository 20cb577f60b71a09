package io.singlewindow.risk;

/**
 * The channel and why.
 *
 * @param reasonCode stable code, e.g. {@code PROFILE_MATCH}, {@code RANDOM_SELECTION}, {@code UNIT_PRICE_ANOMALY},
 *     {@code NO_RISK}
 * @param profileCode the matching profile's code, else {@literal null}
 * @param reason human-readable explanation for officers
 */
public record RiskDecision(Channel channel, String reasonCode, String profileCode, String reason) {
}
