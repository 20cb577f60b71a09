package io.singlewindow.statistics.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.platform.BusinessTime;

/**
 * The statistics dashboard for the zone's officers and administrators (economists work with the ADMIN role):
 * headline figures, the monthly chart, a table per breakdown, exports, and for administrators the rebuild.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
class StatisticsPages {

	private final TradeDashboards dashboards;
	private final StatisticsTables tables;
	private final StatisticsLabels labels;
	private final StatisticsLedger ledger;
	private final StatisticsCalendar calendar;
	private final StatisticsExports exports;
	private final MessageSource messages;
	private final CurrentActor currentActor;
	private final BusinessTime time;
	private final StatisticsRevisions revisions;

	StatisticsPages(TradeDashboards dashboards, StatisticsTables tables, StatisticsLabels labels,
			StatisticsLedger ledger, StatisticsCalendar calendar, StatisticsExports exports, MessageSource messages, CurrentActor currentActor,
			BusinessTime time, StatisticsRevisions revisions) {
		this.revisions = revisions;
		this.dashboards = dashboards;
		this.tables = tables;
		this.labels = labels;
		this.ledger = ledger;
		this.calendar = calendar;
		this.exports = exports;
		this.messages = messages;
		this.currentActor = currentActor;
		this.time = time;
	}

	@GetMapping("/statistics")
	String dashboard(@RequestParam(required = false) String year, @RequestParam(required = false) String month,
			@RequestParam(required = false) String period, @RequestParam(required = false) String flow, Model model,
			Locale locale) {
		DashboardQuery query;
		try {
			query = DashboardQuery.parse(number(year), number(month), period, flow, time);
		}
		catch (Problem problem) {
			// field → message, so the summary links each problem to its filter (the fields are named as the selects)
			Map<String, String> errors = new LinkedHashMap<>();
			problem.fieldProblems().forEach(p -> errors.merge(p.field(),
					messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale), (a, b) -> a + " " + b));
			model.addAttribute("errors", errors);
			query = DashboardQuery.parse(null, null, null, null, time);
		}
		Dashboard dashboard = dashboards.dashboard(query.period(), query.flow());
		model.addAttribute("query", query);
		model.addAttribute("queryString", query.queryString());
		model.addAttribute("flows", FlowFilter.values());
		model.addAttribute("selectedYear", query.period().to().getYear());
		model.addAttribute("selectedMonth", query.period().to().getMonthValue());
		model.addAttribute("yearToDate", query.period().yearToDate());
		model.addAttribute("selectedFlow", query.flow());
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("revisions", revisions.of(query.period(), query.flow()));
		model.addAttribute("shownRevisions", StatisticsRevisions.SHOWN);
		model.addAttribute("headline", labels.headline(dashboard, locale));
		model.addAttribute("periodLabel", labels.period(query.period(), locale));
		model.addAttribute("flowLabel", labels.flow(query.flow(), locale));
		model.addAttribute("amounts", new Amounts(dashboard, labels, locale));
		model.addAttribute("tables", tables.all(dashboard, locale));
		// The year shown is always among the choices, though no trade of it is left (every declaration cancelled).
		model.addAttribute("years", IntStream.rangeClosed(Math.min(calendar.firstYear(), query.period().to().getYear()),
				time.month().getYear()).boxed()
			.sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("chart", monthlyChart(dashboard, locale));
		model.addAttribute("partnerChart", partnerChart(dashboard, locale));
		model.addAttribute("isAdmin", currentActor.get().is(io.singlewindow.identity.Role.ADMIN));
		model.addAttribute("lastRebuild", ledger.lastRebuild().orElse(null));
		return "statistics/dashboard";
	}

	@GetMapping("/statistics/export/{table}.csv")
	void csv(@PathVariable String table, StatisticsFilters filters, Locale locale, HttpServletResponse response)
			throws IOException {
		exports.csv(table, filters, locale, response);
	}

	@GetMapping("/statistics/export/{table}.xlsx")
	void xlsx(@PathVariable String table, StatisticsFilters filters, Locale locale, HttpServletResponse response)
			throws IOException {
		exports.xlsx(table, filters, locale, response);
	}

	@PostMapping("/statistics/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	String rebuild(RedirectAttributes redirect) {
		StatisticsLedger.Rebuild rebuild = ledger.rebuild(currentActor.get().username());
		redirect.addFlashAttribute("rebuilt", rebuild);
		return "redirect:/statistics";
	}

	private static Integer number(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(raw.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	/** The monthly chart's data, handed to static/statistics/dashboard.js through data attributes (CSP: no inline JS). */
	private Chart monthlyChart(Dashboard dashboard, Locale locale) {
		boolean zh = "zh".equals(locale.getLanguage());
		List<String> months = dashboard.months().stream()
			.map(m -> zh ? m.month().getMonthValue() + "月"
					: m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH))
			.toList();
		return chart(months, dashboard.months().stream().map(Dashboard.MonthRow::figure).toList(), dashboard, locale);
	}

	/** The ten largest partners of the period beside their trade a year earlier. */
	private Chart partnerChart(Dashboard dashboard, Locale locale) {
		List<Dashboard.Row> top = dashboard.breakdowns().get(Dimension.PARTNER).stream().limit(10).toList();
		return chart(top.stream().map(r -> labels.key(Dimension.PARTNER, r.key(), locale)).toList(),
				top.stream().map(Dashboard.Row::figure).toList(), dashboard, locale);
	}

	/**
	 * A chart's data, handed to static/statistics/dashboard.js through data attributes (CSP: no inline scripts), in
	 * the unit that suits its largest value.
	 */
	private Chart chart(List<String> names, List<Dashboard.Figure> figures, Dashboard dashboard, Locale locale) {
		BigDecimal max = figures.stream()
			.flatMap(f -> java.util.stream.Stream.of(f.current().valueCny(), f.yearEarlier().valueCny()))
			.max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		boolean zh = "zh".equals(locale.getLanguage());
		BigDecimal large = BigDecimal.valueOf(zh ? 100_000_000L : 1_000_000_000L);
		boolean useLarge = max.compareTo(large) >= 0;
		BigDecimal divisor = useLarge ? large : BigDecimal.valueOf(zh ? 10_000L : 1_000_000L);
		String unit = messages.getMessage(useLarge ? "statistics.chart.unit.large" : "statistics.chart.unit.small",
				null, locale);
		String labelsJson = names.stream()
			.map(n -> "\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "[", "]"));
		int year = dashboard.period().to().getYear();
		return new Chart(labelsJson, series(figures, divisor, true), series(figures, divisor, false),
				labels.period(dashboard.period(), locale), labels.period(dashboard.period().yearEarlier(), locale),
				unit, String.valueOf(year), String.valueOf(year - 1));
	}

	private static String series(List<Dashboard.Figure> figures, BigDecimal divisor, boolean current) {
		return figures.stream()
			.map(f -> (current ? f.current() : f.yearEarlier()).valueCny().divide(divisor, 2, RoundingMode.HALF_UP)
				.toPlainString())
			.collect(Collectors.joining(",", "[", "]"));
	}

	/**
	 * @param currentPeriod e.g. "January–November 2026", for the legend of a chart of breakdown keys
	 * @param currentYear e.g. "2026", for the legend of the monthly chart
	 */
	public record Chart(String labels, String current, String yearEarlier, String currentPeriod,
			String yearEarlierPeriod, String unit, String currentYear, String yearEarlierYear) {
	}

	/** Headline amounts formatted as the press release writes them. */
	public record Amounts(String total, String imports, String exports, String totalGrowth, String importsGrowth,
			String exportsGrowth) {

		Amounts(Dashboard d, StatisticsLabels labels, Locale locale) {
			this(labels.amount(d.headline().total().current().valueCny(), locale),
					labels.amount(d.headline().imports().current().valueCny(), locale),
					labels.amount(d.headline().exports().current().valueCny(), locale),
					labels.growth(d.headline().total().growth(), locale),
					labels.growth(d.headline().imports().growth(), locale),
					labels.growth(d.headline().exports().growth(), locale));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem statisticsNavigation() {
			return new NavigationItem("nav.statistics", "/statistics", Set.of("OFFICER", "ADMIN"), 700);
		}
	}
}
