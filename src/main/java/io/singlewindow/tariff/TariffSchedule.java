package io.singlewindow.tariff;

import java.util.Optional;

import io.singlewindow.core.HsCode;

/** The national tariff schedule. */
public interface TariffSchedule {

	/** The tariff line of a 10-digit code, if the schedule has it. */
	Optional<TariffLine> line(HsCode code);
}
