package io.singlewindow.tariff.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/** Web pages: tariff line lookup (logged-in users), schedule import and exchange rates (administrators). */
@Controller
class TariffPages {

	private final JdbcTariffSchedule schedule;
	private final JdbcExchangeRates rates;
	private final TariffImports imports;
	private final CurrentActor currentActor;
	private final BusinessTime time;
	private final io.singlewindow.tariff.DutyAssessor assessor;
	private final org.springframework.context.MessageSource messages;
	private final TradeRemedies remedies;

	TariffPages(JdbcTariffSchedule schedule, JdbcExchangeRates rates, TariffImports imports, CurrentActor currentActor,
			BusinessTime time, io.singlewindow.tariff.DutyAssessor assessor,
			org.springframework.context.MessageSource messages, TradeRemedies remedies) {
		this.remedies = remedies;
		this.assessor = assessor;
		this.messages = messages;
		this.schedule = schedule;
		this.rates = rates;
		this.imports = imports;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Bean
	static NavigationItem tariffNavigation() {
		return new NavigationItem("nav.tariff", "/tariff/lines", Set.of("TRADER", "BROKER", "OFFICER", "ADMIN"), 60);
	}

	@Bean
	static NavigationItem assessNavigation() {
		return new NavigationItem("nav.assess", "/tariff/assess", Set.of("TRADER", "BROKER", "OFFICER"), 61);
	}

	@Bean
	static NavigationItem tariffAdminNavigation() {
		return new NavigationItem("nav.tariffAdmin", "/admin/tariff", Set.of("ADMIN"), 61);
	}

	@Bean
	static NavigationItem exchangeRatesNavigation() {
		return new NavigationItem("nav.exchangeRates", "/admin/exchange-rates", Set.of("ADMIN"), 62);
	}

	@GetMapping("/tariff/lines")
	String lines(@RequestParam(defaultValue = "") String q, Model model) {
		currentActor.get();
		model.addAttribute("q", q);
		model.addAttribute("lines", schedule.search(q, 200));
		return "tariff/lines";
	}

	@GetMapping("/tariff/lines/{code}")
	String line(@PathVariable String code, Model model, jakarta.servlet.http.HttpServletResponse response) {
		currentActor.get();
		java.util.Optional<io.singlewindow.tariff.TariffLine> line;
		try {
			line = schedule.line(HsCode.of(code));
		} catch (InvalidValue e) {
			line = java.util.Optional.empty();
		}
		if (line.isEmpty()) {
			// an unknown code is a search without results rather than a bare error page, answered as not found
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("notFound", code);
			return lines(code, model);
		}
		model.addAttribute("line", line.get());
		model.addAttribute("remedies", remedies.onLine(line.get().code()));
		model.addAttribute("today", time.today());
		return "tariff/line";
	}

	/** The form of the pre-computation page: up to {@value #FORM_ITEMS} items. */
	static final int FORM_ITEMS = 3;

	@GetMapping("/tariff/assess")
	String assessForm(Model model) {
		currentActor.get();
		model.addAttribute("form", new AssessForm("IMPORT", "CIF", "USD", "", "", time.today().toString(),
				new String[FORM_ITEMS], new String[FORM_ITEMS], new String[FORM_ITEMS], new String[FORM_ITEMS],
				new String[FORM_ITEMS], new String[FORM_ITEMS], new String[FORM_ITEMS]));
		return "tariff/assess";
	}

	/**
	 * What the pre-computation form posts; blank item rows are ignored. {@code quota} is {@code IN_QUOTA} for a line
	 * imported with a tariff-quota certificate, blank otherwise (one choice a row, so that the rows stay aligned);
	 * {@code producer} the goods' producer as a trade-remedy notice may name it, blank when not stated.
	 */
	record AssessForm(String flow, String incoterm, String currency, String freight, String insurance, String date,
			String[] hsCode, String[] value, String[] origin, String[] agreement, String[] quantity, String[] quota,
			String[] producer) {
	}

	@PostMapping("/tariff/assess")
	String assess(AssessForm form, Model model) {
		currentActor.get();
		model.addAttribute("form", form);
		List<TariffApi.ItemInput> items = new java.util.ArrayList<>();
		List<FieldProblem> problems = new java.util.ArrayList<>();
		for (int i = 0; form.hsCode() != null && i < form.hsCode().length; i++) {
			if (form.hsCode()[i] == null || form.hsCode()[i].isBlank()) {
				continue;
			}
			BigDecimal value = decimal(at(form.value(), i), "items[" + items.size() + "].value", problems);
			BigDecimal quantity = decimal(at(form.quantity(), i), "items[" + items.size() + "].quantity", problems);
			items.add(new TariffApi.ItemInput(i + 1, form.hsCode()[i], value, at(form.origin(), i),
					at(form.agreement(), i), quantity, "IN_QUOTA".equals(at(form.quota(), i)), at(form.producer(), i)));
		}
		BigDecimal freight = decimal(form.freight(), "freight", problems);
		BigDecimal insurance = decimal(form.insurance(), "insurance", problems);
		try {
			if (!problems.isEmpty()) {
				throw Problem.invalidInput(problems);
			}
			model.addAttribute("assessment", assessor.assess(TariffApi.toRequest(new TariffApi.AssessmentInput(
					form.flow(), form.incoterm(), form.currency(), freight, insurance, form.date(), items),
					time.today())));
		} catch (Problem p) {
			model.addAttribute("problems", p.fieldProblems().isEmpty() ? List.of(new FieldProblem("", p.code()))
					: p.fieldProblems());
		}
		return "tariff/assess";
	}

	private static String at(String[] values, int i) {
		return values == null || i >= values.length ? null : values[i];
	}

	private static BigDecimal decimal(String raw, String field, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(raw.strip().replace(",", ""));
		} catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "AMOUNT_FORMAT", raw));
			return null;
		}
	}

	@GetMapping("/admin/tariff")
	String admin(@RequestParam(defaultValue = "") String q, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("q", q);
		model.addAttribute("lines", schedule.search(q, 200));
		model.addAttribute("lineCount", schedule.count());
		model.addAttribute("imports", imports.recent(10));
		model.addAttribute("header", TariffImports.FULL_HEADER);
		return "tariff/admin";
	}

	@PostMapping("/admin/tariff/imports")
	String startImport(@RequestParam("file") MultipartFile file, Model model, java.util.Locale locale)
			throws IOException {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		try {
			UUID id = imports.start(file.getOriginalFilename(), TariffFileText.read(file.getBytes(), null),
					actor.username());
			return "redirect:/admin/tariff/imports/" + id;
		} catch (Problem p) {
			// The field's own refusal (FILE_ENCODING, CONTROL_CHARACTER …) with its arguments, not INVALID_INPUT.
			FieldProblem first = p.fieldProblems().isEmpty() ? new FieldProblem("file", p.code(), p.arguments())
					: p.fieldProblems().getFirst();
			model.addAttribute("importError", first.code());
			model.addAttribute("importErrorText",
					messages.getMessage("problem." + first.code(), first.arguments(), first.code(), locale));
			return admin("", model);
		}
	}

	@GetMapping("/admin/tariff/imports/{id}")
	String importPage(@PathVariable UUID id, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("job", imports.status(id).orElseThrow(() -> Problem.notFound("TARIFF_IMPORT_NOT_FOUND", id)));
		return "tariff/import";
	}

	/** The progress fragment htmx polls until the import has finished. */
	@GetMapping("/admin/tariff/imports/{id}/progress")
	String importProgress(@PathVariable UUID id, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("job", imports.status(id).orElseThrow(() -> Problem.notFound("TARIFF_IMPORT_NOT_FOUND", id)));
		return "tariff/import :: progress";
	}

	@GetMapping("/admin/exchange-rates")
	String exchangeRates(@RequestParam(required = false) String month, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		YearMonth m = time.month();
		if (month != null && !month.isBlank()) {
			try {
				m = io.singlewindow.core.IsoDay.month(month);
			} catch (DateTimeParseException e) {
				model.addAttribute("problems", List.of(new FieldProblem("month", "MONTH_FORMAT", month)));
			}
		}
		model.addAttribute("month", m);
		model.addAttribute("rates", rates.of(m));
		return "tariff/exchange-rates";
	}

	@PostMapping("/admin/exchange-rates")
	String setExchangeRate(@RequestParam String currency, @RequestParam String month, @RequestParam String rate,
			Model model) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		try {
			CurrencyCode c;
			try {
				c = CurrencyCode.of(currency);
			} catch (InvalidValue e) {
				throw Problem.invalidField("currency", e.code(), currency);
			}
			YearMonth m;
			try {
				m = io.singlewindow.core.IsoDay.month(month.strip());
			} catch (DateTimeParseException e) {
				throw Problem.invalidField("month", "MONTH_FORMAT", month);
			}
			BigDecimal r;
			try {
				r = new BigDecimal(rate.strip());
			} catch (NumberFormatException e) {
				throw Problem.invalidField("rate", "EXCHANGE_RATE_INVALID", rate);
			}
			rates.set(c, m, r, false, actor.username(), time.now());
			return "redirect:/admin/exchange-rates?month=" + m + "&saved=" + c;
		} catch (Problem p) {
			model.addAttribute("problems", p.fieldProblems());
			model.addAttribute("form", new String[] { currency, month, rate });
			return exchangeRates(month, model);
		}
	}
}
