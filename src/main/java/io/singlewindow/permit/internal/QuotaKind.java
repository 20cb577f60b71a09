package io.singlewindow.permit.internal;

/** What a goods permit limits: nothing, a quantity in a unit of measure, or a value in CNY. */
public enum QuotaKind {
	NONE, QUANTITY, VALUE
}
