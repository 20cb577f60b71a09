package io.singlewindow.statistics.internal;

import java.util.List;

/**
 * A table of the dashboard as a page shows it and an export writes it: typed columns and rows of cells (String,
 * BigDecimal, Long, or {@literal null} where a figure is undefined, e.g. growth without a year-earlier value).
 *
 * @param name the table's name in URLs and file names, e.g. {@code partner}
 */
public record StatisticsTable(String name, String title, List<Column> columns, List<List<Object>> rows) {

	public enum Kind {
		TEXT, AMOUNT, COUNT, PERCENT
	}

	public record Column(String header, Kind kind) {

		public boolean numeric() {
			return kind != Kind.TEXT;
		}
	}
}
