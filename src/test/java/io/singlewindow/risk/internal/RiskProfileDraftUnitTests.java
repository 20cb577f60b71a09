package io.singlewindow.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.singlewindow.core.Violations;

class RiskProfileDraftUnitTests {

	/**
	 * A zero typed with any exponent passes the range checks, and was stored as typed: PostgreSQL refuses a scale of a
	 * billion ("invalid scale in external numeric value", a 500 found by the fuzz suite's walk over every number).
	 * What is checked is what is stored: the rates as their columns keep them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "0E+999999999", "0E-999999999", "0.0000000", "1E+2", "12.5000" })
	void selectionRatesAndTheAeoFactorAreKeptAtTheirColumnsScale(String typed) {
		BigDecimal rate = new BigDecimal(typed);
		BigDecimal factor = rate.signum() == 0 ? rate : new BigDecimal("0.5");
		Violations violations = new Violations();

		RiskProfile profile = new RiskProfileDraft("PERFUME", "香水", "Perfume", List.of(), List.of("3303"), List.of(),
				null, null, null, "YELLOW", rate, factor, null, null, null, null)
			.toProfile("PERFUME", UUID.randomUUID(), 0, violations);

		assertThat(violations.problems()).isEmpty();
		assertThat(profile.selectionPercent()).isEqualByComparingTo(rate);
		assertThat(profile.selectionPercent().scale()).isEqualTo(3);
		assertThat(profile.aeoFactor()).isEqualByComparingTo(factor);
		assertThat(profile.aeoFactor().scale()).isEqualTo(3);
	}
}
