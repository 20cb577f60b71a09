package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;

/**
 * A declaration was cleared: every agency it was routed to approved it. Carries the facts trade statistics need, as
 * they were at clearance.
 *
 * @param tradingCountry the partner country of the statistics (trading country)
 * @param tradeMode the trade mode code, e.g. {@code 0110} general trade
 */
public record DeclarationCleared(UUID declarationId, String declarationNumber, Uscc declarant, TradeFlow flow,
		Instant clearedAt, String tradeMode, CountryCode tradingCountry, List<Line> lines) {

	/**
	 * @param valueCny statistical value in CNY: CIF for imports, FOB for exports
	 * @param valueUsd the same in USD at the customs rate of the clearance month
	 */
	public record Line(int lineNo, HsCode hsCode, CountryCode origin, BigDecimal quantity, UnitCode unit,
			BigDecimal valueCny, BigDecimal valueUsd) {
	}
}
