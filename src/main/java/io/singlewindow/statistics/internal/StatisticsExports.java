package io.singlewindow.statistics.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;

/** Answers a request for a table as a CSV or XLSX download, for the page and the API alike. */
@Component
class StatisticsExports {

	/** The XLSX name for every table in one workbook. */
	static final String ALL = "all";

	private final TradeDashboards dashboards;
	private final StatisticsTables tables;
	private final BusinessTime time;
	private final StatisticsRevisions revisions;

	StatisticsExports(TradeDashboards dashboards, StatisticsTables tables, BusinessTime time,
			StatisticsRevisions revisions) {
		this.revisions = revisions;
		this.dashboards = dashboards;
		this.tables = tables;
		this.time = time;
	}

	/**
	 * One table of the dashboard, or {@code revisions}: what cancellations took out of the months it counts after they
	 * had ended (the card "Revised after the month ended"; empty rows when none were), so that a reader who keeps the
	 * single tables has the revisions beside them as the all-tables workbook does.
	 *
	 * @throws io.singlewindow.core.Problem 404 {@code STATISTICS_TABLE_NOT_FOUND} for an unknown name
	 */
	StatisticsTable table(String table, DashboardQuery query, Locale locale) {
		Dashboard dashboard = dashboards.dashboard(query.period(), query.flow());
		return StatisticsTables.REVISIONS.equals(table)
				? tables.revisions(dashboard, revisions.of(query.period(), query.flow()), locale)
				: tables.table(dashboard, table, locale);
	}

	void csv(String table, StatisticsFilters filters, Locale locale, HttpServletResponse response) throws IOException {
		DashboardQuery query = filters.query(time);
		StatisticsTable t = table(table, query, locale);
		attachment(response, TableExports.CSV, fileName(query, table) + ".csv");
		TableExports.csv(t, response.getOutputStream());
	}

	void xlsx(String table, StatisticsFilters filters, Locale locale, HttpServletResponse response) throws IOException {
		DashboardQuery query = filters.query(time);
		Dashboard dashboard = dashboards.dashboard(query.period(), query.flow());
		List<StatisticsTable> sheets = ALL.equals(table) ? withRevisions(dashboard, query, locale)
				: List.of(table(table, query, locale));
		attachment(response, TableExports.XLSX, fileName(query, table) + ".xlsx");
		TableExports.xlsx(sheets, response.getOutputStream());
	}

	/** Every table, and the revisions of the months they count when there are any. */
	private List<StatisticsTable> withRevisions(Dashboard dashboard, DashboardQuery query, Locale locale) {
		List<StatisticsTable> sheets = new java.util.ArrayList<>(tables.all(dashboard, locale));
		var revised = revisions.of(query.period(), query.flow());
		if (!revised.isEmpty()) {
			sheets.add(tables.revisions(dashboard, revised, locale));
		}
		return sheets;
	}

	static String fileName(DashboardQuery query, String table) {
		return "trade-statistics-" + table + "-" + query.period().to() + (query.period().yearToDate() ? "-ytd" : "")
				+ "-" + query.flow().name().toLowerCase(Locale.ROOT);
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8));
	}
}
