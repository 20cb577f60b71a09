package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;

/** The trader's declaration pages and the officers' queue. */
@Controller
class DeclarationPages {

	static final int FORM_ITEMS = 3;

	private final Declarations declarations;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final Enterprises enterprises;

	DeclarationPages(Declarations declarations, DeclarationStore store, CurrentActor currentActor,
			Enterprises enterprises) {
		this.declarations = declarations;
		this.store = store;
		this.currentActor = currentActor;
		this.enterprises = enterprises;
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

	/** The live part of the detail page, polled by htmx; read from the database, so any node answers. */
	@GetMapping("/declarations/{id}/live")
	String live(@PathVariable UUID id, Model model) {
		model.addAttribute("d", view(id));
		return "declaration/detail :: live";
	}

	@GetMapping("/declarations/{id}/response")
	String printable(@PathVariable UUID id, Model model) {
		model.addAttribute("d", view(id));
		return "declaration/response";
	}

	@PostMapping("/declarations/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam String agency, @RequestParam String answer) {
		declarations.answer(currentActor.get(), id, AgencyCode.of(agency), answer);
		return "redirect:/declarations/" + id;
	}

	@PostMapping("/declarations/{id}/release")
	String release(@PathVariable UUID id) {
		declarations.release(currentActor.get(), id);
		return "redirect:/declarations/" + id;
	}

	@GetMapping("/agency/queue")
	String queue(Model model) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER);
		model.addAttribute("agency", actor.agency().value());
		model.addAttribute("tasks", store.queue(actor.agency().value(), 200));
		return "declaration/queue";
	}

	@PostMapping("/tasks/{taskId}/decision")
	String decide(@PathVariable UUID taskId, @RequestParam Declarations.Decision decision,
			@RequestParam(required = false) String reason, @RequestParam(required = false) UUID declarationId,
			@RequestParam(required = false) Integer version) {
		declarations.decide(currentActor.get(), taskId, decision, reason, version);
		return declarationId == null ? "redirect:/agency/queue" : "redirect:/declarations/" + declarationId;
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
