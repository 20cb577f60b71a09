package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A live import must be able to miss beats before it looks like one whose node died. */
class TariffImportPropertiesUnitTests {

	@Test
	void aHeartbeatOfAThirdOfTheStaleLimitOrLessIsAccepted() {
		assertThatNoException().isThrownBy(() -> new TariffImportProperties(Duration.ofMinutes(2), Duration.ofSeconds(10)));
		assertThatNoException().isThrownBy(() -> new TariffImportProperties(Duration.ofSeconds(30), Duration.ofSeconds(10)));
	}

	@Test
	void aHeartbeatTooSlowForTheStaleLimitStopsTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TariffImportProperties(Duration.ofSeconds(30), Duration.ofSeconds(11)))
			.withMessageContaining("heartbeat-every");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TariffImportProperties(Duration.ofMinutes(2), Duration.ZERO));
	}
}
