package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletResponse;

/** The trader's declaration pages and the officers' queue. */
@Controller
class DeclarationPages {

	static final int FORM_ITEMS = 3;

	private final Declarations declarations;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final Enterprises enterprises;
	private final MessageSource messages;
	private final DeclarationChanges changes;

	DeclarationPages(Declarations declarations, DeclarationStore store, CurrentActor currentActor,
			Enterprises enterprises, MessageSource messages, DeclarationChanges changes) {
		this.changes = changes;
		this.declarations = declarations;
		this.store = store;
		this.currentActor = currentActor;
		this.enterprises = enterprises;
		this.messages = messages;
	}

	@Bean
	static NavigationItem declarationsNavigation() {
		return new NavigationItem("nav.declarations", "/declarations", Set.of("TRADER", "BROKER"), 40);
	}

	@Bean
	static NavigationItem agencyQueueNavigation() {
		return new NavigationItem("nav.agencyQueue", "/agency/queue", Set.of("OFFICER"), 40);
	}

	/** Times are shown in the zone's time zone, whatever the server's. */
	@org.springframework.web.bind.annotation.ModelAttribute("zone")
	java.time.ZoneId zone() {
		return io.singlewindow.platform.BusinessTime.ZONE;
	}

	@GetMapping("/declarations")
	String list(Model model) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		model.addAttribute("declarations", store.listFor(DeclarationApi.declarants(actor), 200));
		return "declaration/list";
	}

	@GetMapping("/declarations/new")
	String form(Model model) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		model.addAttribute("form", Map.of());
		return formPage(actor, model, List.of(), "/declarations/new", FORM_ITEMS);
	}

	@PostMapping("/declarations/new")
	String submit(@RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		Map<String, String> form = params.toSingleValueMap();
		try {
			var submission = declarations.submit(actor, requestFrom(form), null);
			return "redirect:/declarations/" + submission.id();
		} catch (Problem e) {
			return formAgain(actor, model, form, e, "/declarations/new");
		}
	}

	@GetMapping("/declarations/{id}/amend")
	String amendForm(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		DeclarationView d = view(id);
		actor.requireActFor(io.singlewindow.core.Uscc.parse(d.declarant()));
		if (!d.status().amendable()) {
			throw Declarations.notAmendable(d.number(), d.status());
		}
		Map<String, String> form = new java.util.HashMap<>();
		form.put("declarant", d.declarant());
		form.put("flow", d.flow());
		form.put("tradeMode", d.tradeMode());
		form.put("transportMode", d.transportMode());
		form.put("port", d.port());
		form.put("originCountry", d.originCountry());
		form.put("destinationCountry", d.destinationCountry());
		form.put("tradingCountry", d.tradingCountry());
		form.put("currency", d.currency());
		form.put("incoterm", d.incoterm());
		form.put("freight", plain(d.freight()));
		form.put("insurance", plain(d.insurance()));
		form.put("packages", String.valueOf(d.packages()));
		form.put("grossWeight", plain(d.grossWeight()));
		form.put("netWeight", plain(d.netWeight()));
		form.put("consignor", d.consignor());
		form.put("consignee", d.consignee());
		for (DeclarationView.Item i : d.items()) {
			String p = "items[" + (i.lineNo() - 1) + "].";
			form.put(p + "hsCode", i.hsCode());
			form.put(p + "description", i.description());
			form.put(p + "quantity", plain(i.quantity()));
			form.put(p + "unit", i.unit());
			form.put(p + "statisticalQuantity", plain(i.statisticalQuantity()));
			form.put(p + "value", plain(i.value()));
			form.put(p + "origin", i.origin());
			form.put(p + "permitNumber", i.permitNumber());
			form.put(p + "certificateAgreement", i.certificateAgreement());
			form.put(p + "certificateNumber", i.certificateNumber());
		}
		model.addAttribute("form", form);
		model.addAttribute("amending", d.number());
		return formPage(actor, model, List.of(), "/declarations/" + id + "/amend", Math.max(FORM_ITEMS, d.items().size()));
	}

	@PostMapping("/declarations/{id}/amend")
	String amend(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		Map<String, String> form = params.toSingleValueMap();
		try {
			declarations.amend(actor, id, requestFrom(form));
			return "redirect:/declarations/" + id;
		} catch (Problem e) {
			model.addAttribute("amending", view(id).number());
			return formAgain(actor, model, form, e, "/declarations/" + id + "/amend");
		}
	}

	private String formAgain(Actor actor, Model model, Map<String, String> form, Problem e, String action) {
		model.addAttribute("form", form);
		List<FieldProblem> problems = e.fieldProblems().isEmpty()
				? List.of(new FieldProblem("", e.code(), e.arguments())) : e.fieldProblems();
		return formPage(actor, model, problems, action, rowsIn(form));
	}

	private static int rowsIn(Map<String, String> form) {
		int rows = FORM_ITEMS;
		while (form.containsKey("items[" + rows + "].hsCode")) {
			rows++;
		}
		return rows;
	}

	private static DeclarationRequest requestFrom(Map<String, String> form) {
		List<DeclarationRequest.Item> items = new ArrayList<>();
		for (int i = 0; i < rowsIn(form); i++) {
			String p = "items[" + i + "].";
			if (blank(form.get(p + "hsCode")) && blank(form.get(p + "description")) && blank(form.get(p + "value"))) {
				continue;
			}
			items.add(new DeclarationRequest.Item(form.get(p + "hsCode"), form.get(p + "description"),
					number(form.get(p + "quantity")), form.get(p + "unit"), number(form.get(p + "statisticalQuantity")),
					number(form.get(p + "value")), form.get(p + "origin"), form.get(p + "permitNumber"),
					form.get(p + "certificateAgreement"), form.get(p + "certificateNumber")));
		}
		return new DeclarationRequest(form.get("declarant"), form.get("clientReference"), form.get("flow"),
				form.get("tradeMode"), form.get("transportMode"), form.get("port"), form.get("originCountry"),
				form.get("destinationCountry"), form.get("tradingCountry"), form.get("currency"),
				form.get("incoterm"), number(form.get("freight")), number(form.get("insurance")),
				integer(form.get("packages"), "packages"), number(form.get("grossWeight")), number(form.get("netWeight")),
				form.get("consignor"), form.get("consignee"), items);
	}

	private static String plain(BigDecimal n) {
		return n == null ? null : n.stripTrailingZeros().toPlainString();
	}

	private String formPage(Actor actor, Model model, List<FieldProblem> problems, String action, int rows) {
		List<String> declarants = DeclarationApi.declarants(actor);
		model.addAttribute("declarants", enterprises.findAll(declarants.stream()
			.map(io.singlewindow.core.Uscc::parse).toList()));
		model.addAttribute("problems", problems);
		model.addAttribute("errors", problems.stream().collect(Collectors.groupingBy(FieldProblem::field)));
		model.addAttribute("itemRows", java.util.stream.IntStream.range(0, rows).boxed().toList());
		model.addAttribute("action", action);
		return "declaration/form";
	}

	@GetMapping("/declarations/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("d", view(id));
		return "declaration/detail";
	}

	/**
	 * The parts of the detail page that change, as htmx out-of-band swaps; read from the database, so any node
	 * answers. The page sends the version of each task it shows: a task's input (reason, answer) is sent again only
	 * when that task changed, so what a person is typing is never replaced. A different set of tasks (re-routed after
	 * an amendment) reloads the page.
	 */
	@GetMapping("/declarations/{id}/live")
	String live(@PathVariable UUID id, @RequestParam Map<String, String> shown, Model model,
			HttpServletResponse response) {
		DeclarationView d = view(id);
		Map<String, String> current = d.tasks().stream()
			.collect(Collectors.toMap(DeclarationView.Task::agency, t -> String.valueOf(t.version())));
		Map<String, String> shownTasks = new java.util.HashMap<>(shown);
		shownTasks.keySet().removeIf(name -> !name.matches("[A-Z][A-Z0-9_]{1,19}"));
		if (!shownTasks.isEmpty() && !shownTasks.keySet().equals(current.keySet())) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("d", d);
		model.addAttribute("changedTasks", current.entrySet().stream()
			.filter(task -> !task.getValue().equals(shownTasks.get(task.getKey())))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet()));
		return "declaration/live :: updates";
	}

	/** Server-Sent Events: "changed" whenever the declaration or one of its tasks changed, on whichever node. */
	@GetMapping(path = "/declarations/{id}/events", produces = "text/event-stream")
	SseEmitter events(@PathVariable UUID id) {
		view(id);
		return changes.watch(id);
	}

	@GetMapping("/declarations/{id}/response")
	String printable(@PathVariable UUID id, Model model) {
		model.addAttribute("d", view(id));
		return "declaration/response";
	}

	@PostMapping("/declarations/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam String agency, @RequestParam(required = false) String answer,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			declarations.answer(currentActor.get(), id, AgencyCode.of(agency), answer);
			return "redirect:/declarations/" + id + "?recorded=ANSWERED";
		} catch (Problem problem) {
			return detailAgain(id, agency, answer, problem, model, locale, response);
		}
	}

	@PostMapping("/declarations/{id}/release")
	String release(@PathVariable UUID id) {
		declarations.release(currentActor.get(), id);
		// The page then says what was recorded, so the officer need not read it off the status.
		return "redirect:/declarations/" + id + "?recorded=RELEASED";
	}

	@PostMapping("/tasks/{taskId}/decision")
	String decide(@PathVariable UUID taskId, @RequestParam Declarations.Decision decision,
			@RequestParam(required = false) String reason, @RequestParam(required = false) UUID declarationId,
			@RequestParam(required = false) Integer version, Model model, Locale locale, HttpServletResponse response) {
		try {
			declarations.decide(currentActor.get(), taskId, decision, reason, version);
		} catch (Problem problem) {
			if (declarationId == null) {
				throw problem;
			}
			String agency = view(declarationId).tasks().stream().filter(t -> t.id().equals(taskId))
				.map(DeclarationView.Task::agency).findFirst().orElseThrow(() -> problem);
			return detailAgain(declarationId, agency, reason, problem, model, locale, response);
		}
		return declarationId == null ? "redirect:/agency/queue"
				: "redirect:/declarations/" + declarationId + "?recorded=" + decision.name();
	}

	/** What a person typed into a task's form, and why it was refused, shown next to the field on the same page. */
	record TaskError(String agency, String field, String message, String text) {
	}

	private String detailAgain(UUID id, String agency, String typed, Problem problem, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(problem.status().value());
		String field = problem.fieldProblems().isEmpty() ? null : problem.fieldProblems().getFirst().field();
		String code = problem.fieldProblems().isEmpty() ? problem.code() : problem.fieldProblems().getFirst().code();
		Object[] arguments = problem.fieldProblems().isEmpty() ? problem.arguments()
				: problem.fieldProblems().getFirst().arguments();
		model.addAttribute("taskError", new TaskError(agency, field,
				messages.getMessage("problem." + code, arguments, code, locale), typed));
		return detail(id, model);
	}

	private DeclarationView view(UUID id) {
		DeclarationView view = store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		return DeclarationApi.visible(currentActor.get(), view);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static BigDecimal number(String s) {
		if (blank(s)) {
			return null;
		}
		try {
			return new BigDecimal(s.strip().replace(",", ""));
		} catch (NumberFormatException e) {
			return BigDecimal.valueOf(-1);
		}
	}

	/** A count such as packages: 1.5 is refused, never cut to 1. */
	private static Integer integer(String s, String field) {
		BigDecimal n = number(s);
		if (n == null) {
			return null;
		}
		try {
			return n.stripTrailingZeros().scale() > 0 ? failInteger(field) : n.intValueExact();
		} catch (ArithmeticException e) {
			throw Problem.invalidField(field, "TOO_LARGE", s);
		}
	}

	private static Integer failInteger(String field) {
		throw Problem.invalidField(field, "INTEGER_REQUIRED");
	}
}
