package io.singlewindow.core;

/**
 * The limits of what the platform accepts in one field, in one place so that the columns, the checks and
 * {@code docs/limits.md} agree. Every limit is checked before any query runs, so an oversized value costs the
 * database nothing.
 */
public final class InputLimits {

	/** Codes and references a person types: client references, permit and certificate numbers. */
	public static final int REFERENCE = 100;

	/** Names of enterprises, parties and people. */
	public static final int NAME = 100;

	/** A line's description of the goods. */
	public static final int DESCRIPTION = 512;

	/** Postal addresses. */
	public static final int ADDRESS = 200;

	/** An officer's reason or question, a trader's answer, notes. */
	public static final int REASON = 2000;

	/** A webhook URL. */
	public static final int URL = 2000;

	/** Lines on one declaration. */
	public static final int ITEMS_PER_DECLARATION = 50;

	/** Packages on one declaration (the column is a 32-bit integer). */
	public static final int PACKAGES = 9_999_999;

	/** Money as stored: {@code NUMERIC(18, 2)}, below 10^16. */
	public static final NumericColumn MONEY = new NumericColumn(18, 2);

	/**
	 * Money as declared, in the declaration currency: below 10^13, so that 50 lines converted at any real exchange
	 * rate (the dearest currency is about 24 CNY) still fit {@link #MONEY}.
	 */
	public static final NumericColumn DECLARED_MONEY = new NumericColumn(15, 2);

	/** Quantities and weights: {@code NUMERIC(18, 3)}. */
	public static final NumericColumn QUANTITY = new NumericColumn(18, 3);

	private InputLimits() {
	}
}
