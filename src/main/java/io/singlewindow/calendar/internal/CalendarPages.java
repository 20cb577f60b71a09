package io.singlewindow.calendar.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.calendar.internal.CalendarAdministration.DayLine;
import io.singlewindow.calendar.internal.CalendarAdministration.YearNotice;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrators' calendar page: the recorded years, a warning for a missing one, and a form that takes a year's
 * notice as CSV lines {@code date,kind,holiday} — the format of the shipped file, so a notice can be typed or pasted.
 */
@Controller
class CalendarPages {

	private final CalendarAdministration administration;
	private final CalendarCoverage coverage;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	CalendarPages(CalendarAdministration administration, CalendarCoverage coverage, CurrentActor currentActor,
			MessageSource messages) {
		this.administration = administration;
		this.coverage = coverage;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@Bean
	static NavigationItem calendarNavigation() {
		return new NavigationItem("nav.calendar", "/admin/calendar", Set.of("ADMIN"), 560);
	}

	@GetMapping("/admin/calendar")
	String page(@RequestParam(required = false) Integer year, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		return show(year, model);
	}

	@PostMapping("/admin/calendar")
	String record(@RequestParam(required = false) String year, @RequestParam(required = false) String source,
			@RequestParam(required = false) String days, Model model, HttpServletResponse response, Locale locale) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		try {
			int y = parseYear(year);
			administration.record(actor, y, new YearNotice(source, lines(days)));
			return "redirect:/admin/calendar?year=" + y;
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			model.addAttribute("errors", describe(problem, locale));
			model.addAttribute("form", Map.of("year", year == null ? "" : year, "source", source == null ? "" : source,
					"days", days == null ? "" : days));
			return show(null, model);
		}
	}

	private String show(Integer year, Model model) {
		var years = administration.all();
		model.addAttribute("years", years);
		model.addAttribute("missingYears", coverage.missingYears());
		if (year != null) {
			administration.find(year).ifPresent(y -> model.addAttribute("shown", y));
		}
		model.addAttribute("zone", io.singlewindow.platform.BusinessTime.ZONE);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("year", "", "source", "", "days", ""));
		}
		return "calendar/admin";
	}

	private static int parseYear(String year) {
		try {
			return Integer.parseInt(year == null ? "" : year.strip());
		} catch (NumberFormatException e) {
			throw Problem.invalidField("year", "MALFORMED_VALUE", year);
		}
	}

	/** CSV lines {@code date,kind,holiday}; a header line and blank lines are skipped. */
	static List<DayLine> lines(String csv) {
		List<DayLine> lines = new ArrayList<>();
		if (csv == null) {
			return lines;
		}
		for (String raw : csv.split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("date,")) {
				continue;
			}
			String[] parts = line.split(",", 3);
			lines.add(new DayLine(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null));
		}
		return lines;
	}

	/** Messages by field, {@code days[3].kind} shown as line 4 of the pasted days. */
	private Map<String, String> describe(Problem problem, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<FieldProblem> problems = problem.fieldProblems().isEmpty()
				? List.of(new FieldProblem("form", problem.code(), problem.arguments()))
				: problem.fieldProblems();
		for (FieldProblem p : problems) {
			String field = p.field();
			var m = java.util.regex.Pattern.compile("days\\[(\\d+)]\\.(\\w+)").matcher(field);
			String label = m.matches()
					? messages.getMessage("calendar.line", new Object[] { Integer.parseInt(m.group(1)) + 1, m.group(2) },
							field, locale)
					: field;
			errors.merge(label, messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale),
					(a, b) -> a + " " + b);
		}
		return errors;
	}
}
