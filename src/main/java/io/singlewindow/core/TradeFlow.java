package io.singlewindow.core;

/** The direction goods cross the border. Imports are valued CIF, exports FOB. */
public enum TradeFlow {
	IMPORT, EXPORT
}
