package io.singlewindow.risk.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of risk management.
 *
 * @param randomYellowPercent base rate of declarations sent to YELLOW at random, whatever the profiles say
 * @param randomRedPercent base rate of declarations sent to RED at random
 * @param aeoRandomFactor multiplier of both random rates for AEO-certified declarants (0–1)
 * @param minObservations observations of an HS code and unit the price history needs before it judges a unit price
 * @param historyOutlierPercent a unit value further than this from the mean is not added to the history (it would
 *     otherwise drag the mean towards fraudulent prices)
 */
@ConfigurationProperties("singlewindow.risk")
public record RiskProperties(@DefaultValue("2.0") BigDecimal randomYellowPercent,
		@DefaultValue("0.5") BigDecimal randomRedPercent, @DefaultValue("0.25") BigDecimal aeoRandomFactor,
		@DefaultValue("5") int minObservations, @DefaultValue("50") BigDecimal historyOutlierPercent) {

	public static RiskProperties defaults() {
		return new RiskProperties(new BigDecimal("2.0"), new BigDecimal("0.5"), new BigDecimal("0.25"), 5,
				new BigDecimal("50"));
	}
}
