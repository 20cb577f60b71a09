package io.singlewindow.core;

import java.util.List;
import java.util.function.Function;

/**
 * What part of a growing list a caller asks for: at most {@code limit} rows, after {@code after} (or from the
 * start). A store reads {@link #rows()} rows — one more than asked — so that {@link #page} knows whether a next page
 * exists without counting.
 */
public record PageRequest(int limit, Cursor after) {

	/** The page size when the caller names none: what the lists answered whole before they were paged. */
	public static final int DEFAULT_LIMIT = 200;

	/** The largest page; a longer list is read page by page. */
	public static final int MAX_LIMIT = 500;

	public static PageRequest first(int limit) {
		return new PageRequest(limit, null);
	}

	/**
	 * A page's list of {@code rows} a page, read further from {@code cursor}: a cursor that cannot be read (typed by
	 * hand, kept from another list) reads the first page, as a page shows the list rather than an error.
	 */
	public static PageRequest onPage(int rows, String cursor) {
		try {
			return read(String.valueOf(rows), cursor);
		} catch (Problem oddCursor) {
			return first(rows);
		}
	}

	/**
	 * Reads the query parameters {@code limit} and {@code cursor} as the caller wrote them, so that "abc", 0 or 10000
	 * get a field error rather than a 400 or a silent default.
	 *
	 * @throws Problem 422 {@code INVALID_INPUT}: {@code limit} {@code MALFORMED_VALUE}, {@code TOO_SMALL} or
	 *             {@code TOO_LARGE}; {@code cursor} {@code CURSOR_INVALID}
	 */
	public static PageRequest read(String limit, String cursor) {
		return read(limit, cursor, DEFAULT_LIMIT);
	}

	/**
	 * As {@link #read(String, String)}, for a list that answered {@code defaultLimit} rows whole before it was paged:
	 * a caller naming no limit gets as many as before.
	 */
	public static PageRequest read(String limit, String cursor, int defaultLimit) {
		int rows = defaultLimit;
		if (limit != null && !limit.isBlank()) {
			try {
				rows = Integer.parseInt(limit.strip());
			} catch (NumberFormatException e) {
				throw Problem.invalidField("limit", "MALFORMED_VALUE", limit);
			}
			if (rows < 1) {
				throw Problem.invalidField("limit", "TOO_SMALL", 1);
			}
			if (rows > MAX_LIMIT) {
				throw Problem.invalidField("limit", "TOO_LARGE", MAX_LIMIT);
			}
		}
		return new PageRequest(rows, Cursor.read(cursor));
	}

	/** How many rows a store reads: one beyond the page tells that there is a next one. */
	public int rows() {
		return limit + 1;
	}

	/** The page of {@code read} (at most {@link #rows()} rows in list order), with the cursor of the next page. */
	public <T> ListPage<T> page(List<T> read, Function<T, Cursor> cursorOf) {
		if (read.size() <= limit) {
			return new ListPage<>(List.copyOf(read), null);
		}
		List<T> rows = List.copyOf(read.subList(0, limit));
		return new ListPage<>(rows, cursorOf.apply(rows.getLast()));
	}
}
