package io.singlewindow.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;

/** What risk management sees of a declaration. */
public record RiskRequest(UUID declarationId, Uscc declarant, TradeFlow flow, String tradeMode,
		CountryCode tradingCountry, List<Line> lines) {

	/** @param valueCny the line's customs value in CNY */
	public record Line(int lineNo, HsCode hsCode, CountryCode origin, BigDecimal quantity, UnitCode unit,
			BigDecimal valueCny) {
	}
}
