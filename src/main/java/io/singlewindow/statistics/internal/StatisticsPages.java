package io.singlewindow.statistics.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

	StatisticsPages(TradeDashboards dashboards, StatisticsTables tables, StatisticsLabels labels,
			StatisticsLedger ledger, StatisticsCalendar calendar, StatisticsExports exports, MessageSource messages, CurrentActor currentActor,
			BusinessTime time) {
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
			model.addAttribute("problems", problem.fieldProblems().stream()
				.map(p -> messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale))
				.toList());
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
		model.addAttribute("headline", labels.headline(dashboard, locale));
		model.addAttribute("periodLabel", labels.period(query.period(), locale));
		model.addAttribute("flowLabel", labels.flow(query.flow(), locale));
		model.addAttribute("amounts", new Amounts(dashboard, labels, locale));
		model.addAttribute("tables", tables.all(dashboard, locale));
		model.addAttribute("years", IntStream.rangeClosed(calendar.firstYear(), time.month().getYear()).boxed()
			.sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("chart", chart(dashboard, locale));
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
	private Chart chart(Dashboard dashboard, Locale locale) {
		BigDecimal max = dashboard.months().stream()
			.flatMap(m -> java.util.stream.Stream.of(m.figure().current().valueCny(), m.figure().yearEarlier().valueCny()))
			.max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		boolean zh = "zh".equals(locale.getLanguage());
		BigDecimal divisor;
		String unitKey;
		if (max.compareTo(BigDecimal.valueOf(zh ? 100_000_000L : 1_000_000_000L)) >= 0) {
			divisor = BigDecimal.valueOf(zh ? 100_000_000L : 1_000_000_000L);
			unitKey = "statistics.chart.unit.large";
		}
		else {
			divisor = BigDecimal.valueOf(zh ? 10_000L : 1_000_000L);
			unitKey = "statistics.chart.unit.small";
		}
		String labelsJson = dashboard.months().stream()
			.map(m -> "\"" + (zh ? m.month().getMonthValue() + "月"
					: m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)) + "\"")
			.collect(Collectors.joining(",", "[", "]"));
		String current = series(dashboard, divisor, true);
		String earlier = series(dashboard, divisor, false);
		int year = dashboard.period().to().getYear();
		return new Chart(labelsJson, current, earlier, String.valueOf(year), String.valueOf(year - 1),
				messages.getMessage(unitKey, null, locale));
	}

	private static String series(Dashboard dashboard, BigDecimal divisor, boolean current) {
		return dashboard.months().stream()
			.map(m -> (current ? m.figure().current() : m.figure().yearEarlier()).valueCny()
				.divide(divisor, 2, RoundingMode.HALF_UP).toPlainString())
			.collect(Collectors.joining(",", "[", "]"));
	}

	public record Chart(String labels, String current, String yearEarlier, String currentLabel, String yearEarlierLabel,
			String unit) {
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
