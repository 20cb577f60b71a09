package io.singlewindow.statistics.internal;

import io.singlewindow.core.TradeFlow;

/** Which trade a figure counts: imports, exports or both (total trade, 进出口). */
public enum FlowFilter {

	TOTAL, IMPORT, EXPORT;

	boolean includes(TradeFlow flow) {
		return this == TOTAL || name().equals(flow.name());
	}
}
