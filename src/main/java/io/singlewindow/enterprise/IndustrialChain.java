package io.singlewindow.enterprise;

/** The zone's industrial chains, by which enterprises are classified and trade statistics are broken down. */
public enum IndustrialChain {
	INTEGRATED_CIRCUITS, NEW_MATERIALS, SOFTWARE_INFORMATION, BIOMEDICINE, TUNGSTEN, PANEL_DISPLAY,
	AVIATION_MAINTENANCE, SHIPPING_LOGISTICS, CROSS_BORDER_ECOMMERCE, FOOD_AGRICULTURE, MACHINERY, TRADE_SERVICES, OTHER
}
