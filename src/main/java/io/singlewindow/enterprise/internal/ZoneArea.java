package io.singlewindow.enterprise.internal;

/**
 * The sub-areas of the Xiamen Area of the China (Fujian) Pilot Free Trade Zone; a registered address must lie in
 * one of them.
 */
public enum ZoneArea {
	/** 两岸贸易中心核心区 */
	CROSS_STRAIT_TRADE_CENTRE,
	/** 象屿保税区 */
	XIANGYU_BONDED_ZONE,
	/** 象屿保税物流园区 */
	XIANGYU_BONDED_LOGISTICS_PARK,
	/** 海沧保税港区 */
	HAICANG_BONDED_PORT;

	static ZoneArea of(String raw) {
		return Choice.of(ZoneArea.class, raw, "ZONE_AREA_UNKNOWN");
	}
}
