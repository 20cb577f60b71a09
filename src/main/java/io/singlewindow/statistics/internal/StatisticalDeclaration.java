package io.singlewindow.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.TradeFlow;

/**
 * A cleared declaration as the statistics record it: the facts of the clearance plus the declarant's classification
 * at that moment. Built from a {@code DeclarationCleared} event or by the synthetic data generator.
 *
 * @param partner the trading country (ISO alpha-2)
 * @param chain the declarant's industrial chain at clearance
 * @param synthetic generated for demos and benchmarks, not a real declaration
 */
record StatisticalDeclaration(UUID declarationId, String declarationNumber, String declarant, TradeFlow flow,
		Instant clearedAt, String tradeMode, String partner, boolean highTech, String chain, boolean synthetic,
		List<Line> lines) {

	StatisticalDeclaration {
		lines = List.copyOf(lines);
	}

	/** @param valueCny CIF for imports, FOB for exports */
	record Line(int lineNo, String hsCode, String origin, BigDecimal valueCny, BigDecimal valueUsd) {
	}
}
