package io.singlewindow.tariff.internal;

import java.util.List;

import io.singlewindow.core.HsCode;

/** The trade-remedy rates recorded on a tariff line, in force or not ({@link TradeRemedyChoice} picks). */
interface TradeRemedies {

	/** None on most lines. */
	TradeRemedies NONE = code -> List.of();

	List<TradeRemedy> onLine(HsCode code);
}
