package io.singlewindow.risk;

/** Customs control channel. */
public enum Channel {
	/** Released automatically. */
	GREEN,
	/** Documents checked by an officer. */
	YELLOW,
	/** Goods physically inspected by an officer. */
	RED
}
