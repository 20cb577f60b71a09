package io.singlewindow.statistics.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/** The dashboard's figures for programs: officers and administrators. */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Trade statistics", description = "Trade value of cleared declarations: monthly, year to date, year-on-year growth, breakdowns")
class StatisticsApi {

	private final TradeDashboards dashboards;
	private final StatisticsLabels labels;
	private final StatisticsLedger ledger;
	private final StatisticsExports exports;
	private final CurrentActor currentActor;
	private final BusinessTime time;
	private final StatisticsRevisions revisions;

	StatisticsApi(TradeDashboards dashboards, StatisticsLabels labels,
			StatisticsLedger ledger, StatisticsExports exports, CurrentActor currentActor, BusinessTime time,
			StatisticsRevisions revisions) {
		this.revisions = revisions;
		this.dashboards = dashboards;
		this.labels = labels;
		this.ledger = ledger;
		this.exports = exports;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/dashboard")
	@Operation(summary = "Headline figures, monthly series and every breakdown for a period and flow",
			description = "Values in CNY (imports CIF, exports FOB) and USD at each month's rate; growth is year on year in % (null without a year-earlier value). `revisions` lists what cancellations took out of months that had ended (the period's and the year-earlier months), the latest first.")
	DashboardView dashboard(@ParameterObject StatisticsFilters filters, Locale locale) {
		requireReader();
		DashboardQuery query = filters.query(time);
		Dashboard d = dashboards.dashboard(query.period(), query.flow());
		Map<String, List<KeyView>> breakdowns = new LinkedHashMap<>();
		for (Dimension dim : Dimension.BREAKDOWNS) {
			breakdowns.put(dim.slug(), d.breakdowns().get(dim).stream()
				.map(r -> new KeyView(r.key(), labels.key(dim, r.key(), locale), r.figure(), r.share()))
				.toList());
		}
		return new DashboardView(query.period().from().toString(), query.period().to().toString(),
				query.flow().name(), labels.headline(d, locale), d.headline(), d.months(), breakdowns,
				revisions.of(query.period(), query.flow()));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "STATISTICS_TABLE_NOT_FOUND")
	@GetMapping("/tables/{table}")
	@Operation(summary = "One table of the dashboard (monthly, section, chapter, partner, trade-mode, category, chain), "
			+ "or revisions: what cancellations took out of the months it counts after they had ended")
	StatisticsTable table(@PathVariable String table, @ParameterObject StatisticsFilters filters, Locale locale) {
		requireReader();
		return exports.table(table, filters.query(time), locale);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "STATISTICS_TABLE_NOT_FOUND")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The table as CSV", content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
	@GetMapping("/tables/{table}.csv")
	@Operation(summary = "One table as CSV (UTF-8 with byte order mark)")
	void csv(@PathVariable String table, @ParameterObject StatisticsFilters filters, Locale locale,
			HttpServletResponse response) throws IOException {
		requireReader();
		exports.csv(table, filters, locale, response);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "STATISTICS_TABLE_NOT_FOUND")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The table as an Excel workbook", content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
	@GetMapping("/tables/{table}.xlsx")
	@Operation(summary = "One table, or every table as one workbook (table = all), as XLSX")
	void xlsx(@PathVariable String table, @ParameterObject StatisticsFilters filters, Locale locale,
			HttpServletResponse response) throws IOException {
		requireReader();
		exports.xlsx(table, filters, locale, response);
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@PostMapping("/rebuild")
	@Operation(summary = "Recompute every aggregate from the recorded declaration lines (administrators)")
	StatisticsLedger.Rebuild rebuild() {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		return ledger.rebuild(actor.username());
	}

	private void requireReader() {
		currentActor.get().requireRole(Role.ADMIN, Role.OFFICER);
	}

	/**
	 * @param revisions what cancellations took out of months that had ended, of the period's months and of the same
	 *     months a year earlier, the latest first (at most {@value StatisticsRevisions#SHOWN})
	 */
	record DashboardView(String from, String to, String flow, String headline, Dashboard.Headline figures,
			List<Dashboard.MonthRow> months, Map<String, List<KeyView>> breakdowns,
			List<StatisticsRevisions.Revision> revisions) {
	}

	record KeyView(String key, String name, Dashboard.Figure figure, BigDecimal share) {
	}
}
