package io.singlewindow.statistics.internal;

import java.util.List;

/**
 * A table of the dashboard as a page shows it and an export writes it: typed columns and rows of cells (String,
 * BigDecimal, Long, or {@literal null} where a figure is undefined, e.g. growth without a year-earlier value).
 *
 * @param name the table's name in URLs and file names, e.g. {@code partner}
 */
record StatisticsTable(String name, String title, List<Column> columns, List<List<Object>> rows) {

	enum Kind {
		TEXT, AMOUNT, COUNT, PERCENT
	}

	record Column(String header, Kind kind) {

		boolean numeric() {
			return kind != Kind.TEXT;
		}
	}
}
