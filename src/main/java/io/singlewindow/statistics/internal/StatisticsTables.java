package io.singlewindow.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.statistics.internal.Dashboard.Figure;
import io.singlewindow.statistics.internal.StatisticsTable.Column;
import io.singlewindow.statistics.internal.StatisticsTable.Kind;

/** Turns a dashboard into its tables: the monthly series and one per breakdown. */
@Component
class StatisticsTables {

	static final String MONTHLY = "monthly";

	private final StatisticsLabels labels;
	private final MessageSource messages;

	StatisticsTables(StatisticsLabels labels, MessageSource messages) {
		this.labels = labels;
		this.messages = messages;
	}

	/** Every table's name: {@code monthly} and the breakdowns. */
	static List<String> names() {
		List<String> names = new ArrayList<>();
		names.add(MONTHLY);
		Dimension.BREAKDOWNS.forEach(d -> names.add(d.slug()));
		return names;
	}

	List<StatisticsTable> all(Dashboard dashboard, Locale locale) {
		return names().stream().map(name -> table(dashboard, name, locale)).toList();
	}

	/** @throws Problem 404 {@code STATISTICS_TABLE_NOT_FOUND} for an unknown name */
	StatisticsTable table(Dashboard dashboard, String name, Locale locale) {
		if (MONTHLY.equals(name)) {
			return monthly(dashboard, locale);
		}
		Dimension dimension = Dimension.ofSlug(name);
		List<Column> columns = List.of(column("code", Kind.TEXT, locale), column("name", Kind.TEXT, locale),
				column("valueCny", Kind.AMOUNT, locale), column("valueUsd", Kind.AMOUNT, locale),
				column("declarations", Kind.COUNT, locale), column("share", Kind.PERCENT, locale),
				column("yearEarlierCny", Kind.AMOUNT, locale), column("growth", Kind.PERCENT, locale));
		List<List<Object>> rows = new ArrayList<>();
		for (Dashboard.Row row : dashboard.breakdowns().get(dimension)) {
			Figure f = row.figure();
			rows.add(cells(row.key(), labels.key(dimension, row.key(), locale), f.current().valueCny(),
					f.current().valueUsd(), f.current().declarations(), row.share(), f.yearEarlier().valueCny(),
					f.growth()));
		}
		return new StatisticsTable(name, title(dashboard, labels.dimension(dimension, locale), locale), columns, rows);
	}

	private StatisticsTable monthly(Dashboard dashboard, Locale locale) {
		List<Column> columns = List.of(column("month", Kind.TEXT, locale), column("valueCny", Kind.AMOUNT, locale),
				column("valueUsd", Kind.AMOUNT, locale), column("declarations", Kind.COUNT, locale),
				column("yearEarlierCny", Kind.AMOUNT, locale), column("growth", Kind.PERCENT, locale));
		List<List<Object>> rows = new ArrayList<>();
		for (Dashboard.MonthRow m : dashboard.months()) {
			Figure f = m.figure();
			rows.add(cells(m.month().toString(), f.current().valueCny(), f.current().valueUsd(),
					f.current().declarations(), f.yearEarlier().valueCny(), f.growth()));
		}
		String title = title(dashboard, messages.getMessage("statistics.table.monthly", null, locale), locale);
		return new StatisticsTable(MONTHLY, title, columns, rows);
	}

	/** The sheet of what cancellations and corrections changed in months that had ended ({@link StatisticsRevisions}). */
	static final String REVISIONS = "revisions";

	/**
	 * What cancellations and corrections changed in months that had ended, as the page lists it — the change to the
	 * month's figures, a loss negative — so that a spreadsheet and the page never disagree on a sign. The all-tables
	 * workbook ends with it when there is any, so that figures exported and reported are read with their revisions.
	 */
	StatisticsTable revisions(Dashboard dashboard, List<StatisticsRevisions.Revision> revisions, Locale locale) {
		List<Column> columns = List.of(revisionColumn("month", Kind.TEXT, locale),
				revisionColumn("flow", Kind.TEXT, locale), revisionColumn("declaration", Kind.TEXT, locale),
				revisionColumn("cause", Kind.TEXT, locale), revisionColumn("lines", Kind.COUNT, locale),
				revisionColumn("change", Kind.AMOUNT, locale), revisionColumn("at", Kind.TEXT, locale));
		List<List<Object>> rows = revisions.stream()
			.map(r -> cells(r.month().toString(), labels.flow(FlowFilter.valueOf(r.flow()), locale),
					r.declarationNumber(),
					messages.getMessage("statistics.revisions.cause." + r.cause(), null, r.cause(), locale),
					(long) r.lines(), r.valueCny().negate(), r.revisedAt().atZone(io.singlewindow.platform.BusinessTime.ZONE)
						.toOffsetDateTime().toString()))
			.toList();
		String title = title(dashboard, messages.getMessage("statistics.revisions.title", null, locale), locale);
		return new StatisticsTable(REVISIONS, title, columns, rows);
	}

	private Column revisionColumn(String key, Kind kind, Locale locale) {
		return new Column(messages.getMessage("statistics.revisions." + key, null, locale), kind);
	}

	private String title(Dashboard dashboard, String what, Locale locale) {
		return what + " · " + labels.flow(dashboard.flow(), locale) + " · " + labels.period(dashboard.period(), locale);
	}

	private Column column(String key, Kind kind, Locale locale) {
		return new Column(messages.getMessage("statistics.column." + key, null, locale), kind);
	}

	private static List<Object> cells(Object... values) {
		// Arrays.asList, not List.of: a growth without a year-earlier value is a null cell
		return java.util.Arrays.asList(values);
	}
}
