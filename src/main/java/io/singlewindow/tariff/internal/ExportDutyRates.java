package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.util.Optional;

import io.singlewindow.core.HsCode;

/** Export duty rates of the schedule (few goods carry one); empty where the line has none. */
interface ExportDutyRates {

	Optional<BigDecimal> exportRate(HsCode code);
}
