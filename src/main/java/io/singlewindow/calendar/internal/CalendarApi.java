package io.singlewindow.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.calendar.internal.CalendarAdministration.RecordedYear;
import io.singlewindow.calendar.internal.CalendarAdministration.YearNotice;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/working-calendar")
@Tag(name = "Working calendar", description = "Public holidays and adjusted working days counted by statutory deadlines")
class CalendarApi {

	static final int MAX_WORKING_DAYS = 366;

	private final CalendarAdministration administration;
	private final CalendarCoverage coverage;
	private final ZoneCalendar calendar;
	private final CurrentActor currentActor;

	CalendarApi(CalendarAdministration administration, CalendarCoverage coverage, ZoneCalendar calendar,
			CurrentActor currentActor) {
		this.administration = administration;
		this.coverage = coverage;
		this.calendar = calendar;
		this.currentActor = currentActor;
	}

	/** A recorded year in the overview. */
	record YearSummary(int year, String source, Instant recordedAt, String recordedBy, long daysOff,
			long workedWeekendDays) {
	}

	record Overview(List<YearSummary> years, List<Integer> missingYears) {
	}

	record Deadline(LocalDate from, int workingDays, LocalDate due, List<Integer> yearsNotRecorded) {
	}

	@Refuses
	@GetMapping
	@Operation(summary = "The recorded years and the years that should be recorded by now and are not")
	Overview overview() {
		currentActor.get();
		return new Overview(administration.all().stream()
			.map(y -> new YearSummary(y.year(), y.source(), y.recordedAt(), y.recordedBy(), y.daysOff(),
					y.workedWeekendDays()))
			.toList(), coverage.missingYears());
	}

	@Refuses(notFound = "CALENDAR_YEAR_NOT_FOUND")
	@GetMapping("/{year}")
	@Operation(summary = "A recorded year: its source and every day off or adjusted working day")
	RecordedYear year(@PathVariable int year) {
		currentActor.get();
		return administration.find(year).orElseThrow(() -> Problem.notFound("CALENDAR_YEAR_NOT_FOUND", String.valueOf(year)));
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@PutMapping("/{year}")
	@Operation(summary = "Record a year from the State Council's notice (administrators), replacing what was recorded "
			+ "for it. Body: {\"source\": \"…\", \"days\": [{\"date\": \"2027-10-01\", \"kind\": \"OFF\", \"holiday\": "
			+ "\"National Day / 国庆节\"}, …]}; kind OFF (day off) or WORK (a weekend day that is worked)")
	RecordedYear record(@PathVariable int year, @RequestBody YearNotice notice) {
		return administration.record(currentActor.get(), year, notice);
	}

	@Refuses
	@GetMapping("/deadline")
	@Operation(summary = "The date a number of working days after a date, as statutory deadlines count it")
	Deadline deadline(@RequestParam String from, @RequestParam int workingDays) {
		currentActor.get();
		LocalDate start;
		try {
			start = io.singlewindow.core.IsoDay.parse(from.strip());
		} catch (DateTimeParseException e) {
			throw Problem.invalidField("from", "MALFORMED_VALUE", from);
		}
		if (workingDays < 0) {
			throw Problem.invalidField("workingDays", "TOO_SMALL", 0);
		}
		if (workingDays > MAX_WORKING_DAYS) {
			throw Problem.invalidField("workingDays", "TOO_LARGE", MAX_WORKING_DAYS);
		}
		LocalDate due = calendar.after(start, workingDays);
		List<Integer> unknown = java.util.stream.IntStream.rangeClosed(start.getYear(), due.getYear())
			.filter(y -> !calendar.current().covers(y))
			.boxed()
			.toList();
		return new Deadline(start, workingDays, due, unknown);
	}
}
