package io.singlewindow.enterprise.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseStatus;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.IndustrialChain;
import io.singlewindow.enterprise.PublishedPermits;
import io.singlewindow.enterprise.internal.Registrar.LicenceAction;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The registration pages: the applicant's one form, the licence (screen and print), amendment, the officers' list of
 * registrations and record of existing enterprises, and public verification. A licence page is shown to whoever may
 * see the enterprise, and to the anonymous applicant in the browser session that just registered it.
 */
@Controller
class RegistrationPages {

	/** Session attribute naming the USCC registered from this browser session. */
	static final String RECEIPT = "enterprise.registeredUscc";
	/** How many enterprises a page of the registrations list shows; the next page follows by a link. */
	static final int LIST_PAGE = 100;

	private final Registrar registrar;
	private final LicenceBook licences;
	private final ActivityCatalogue catalogue;
	private final Enterprises enterprises;
	private final CurrentActor currentActor;
	private final MessageSource messages;
	private final ObjectProvider<PublishedPermits> publishedPermits;
	private final LicenceDocument document;

	RegistrationPages(Registrar registrar, LicenceBook licences, ActivityCatalogue catalogue, Enterprises enterprises,
			CurrentActor currentActor, MessageSource messages, LicenceDocument document,
			ObjectProvider<PublishedPermits> publishedPermits) {
		this.publishedPermits = publishedPermits;
		this.registrar = registrar;
		this.licences = licences;
		this.catalogue = catalogue;
		this.enterprises = enterprises;
		this.currentActor = currentActor;
		this.messages = messages;
		this.document = document;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("activities", catalogue.all());
		model.addAttribute("entityTypes", EntityType.values());
		model.addAttribute("zoneAreas", ZoneArea.values());
		model.addAttribute("chains", IndustrialChain.values());
		model.addAttribute("currencies", List.of("CNY", "USD", "EUR", "HKD", "JPY", "GBP", "SGD", "AUD", "TWD"));
	}

	// --- application ----------------------------------------------------------------------------------------------

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return "enterprise/register";
	}

	@PostMapping("/register")
	String register(RegistrationForm form, Model model, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		try {
			Uscc uscc = registrar.register(form.application(), request.getRemoteAddr());
			// The session starts here, with something to remember: a refused application starts none (its form,
			// shown again, carries the token it came with, which a session started now would not know).
			request.getSession().setAttribute(RECEIPT, uscc.value());
			return "redirect:/licences/" + uscc + "?registered";
		} catch (Problem problem) {
			rejected(problem, form, model, response, locale);
			return "enterprise/register";
		}
	}

	// --- licence --------------------------------------------------------------------------------------------------

	@GetMapping("/licences/mine")
	String mine() {
		Actor actor = currentActor.get();
		if (actor.enterprise() == null) {
			throw Problem.forbidden("ROLE_REQUIRED", "[TRADER, BROKER]");
		}
		return "redirect:/licences/" + actor.enterprise();
	}

	@GetMapping("/licences/{uscc}")
	String licence(@PathVariable String uscc, Model model, HttpServletRequest request) {
		Optional<String> refusal = refuseUnlessVisible(uscc, request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Licence licence = show(Uscc.parse(uscc), model);
		model.addAttribute("licence", licence);
		return "enterprise/licence";
	}

	@GetMapping("/licences/{uscc}/print")
	String print(@PathVariable String uscc, Model model, HttpServletRequest request) {
		Optional<String> refusal = refuseUnlessVisible(uscc, request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Licence licence = get(Uscc.parse(uscc));
		model.addAttribute("licence", licence);
		model.addAttribute("verifyUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
			.fromCurrentContextPath().path("/verify/{uscc}").buildAndExpand(licence.enterprise().uscc()).toUriString());
		return "enterprise/licence-print";
	}

	/** The licence as an A4 PDF with the verification QR code; to whoever may see the licence page. */
	@GetMapping("/licences/{uscc}/licence.pdf")
	Object pdf(@PathVariable String uscc, HttpServletRequest request) {
		Optional<String> refusal = refuseUnlessVisible(uscc, request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Licence licence = get(Uscc.parse(uscc));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"licence-" + licence.enterprise().uscc() + ".pdf\"")
			.body(document.render(licence));
	}

	@PostMapping("/licences/{uscc}/{action:suspend|reinstate|revoke|deregister}")
	String decide(@PathVariable String uscc, @PathVariable String action, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, Model model, HttpServletResponse response, Locale locale) {
		Uscc code = Uscc.parse(uscc);
		try {
			registrar.change(code, LicenceAction.valueOf(action.toUpperCase(Locale.ROOT)), reason, version,
					currentActor.get());
			return "redirect:/licences/" + code + "?done=" + action;
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			model.addAttribute("actionError", describe(problem, locale));
			model.addAttribute("licence", show(code, model));
			return "enterprise/licence";
		}
	}

	@GetMapping("/licences/{uscc}/amend")
	String amendForm(@PathVariable String uscc, Model model) {
		Licence licence = get(Uscc.parse(uscc));
		requireMayAmend(licence);
		model.addAttribute("licence", licence);
		model.addAttribute("form", RegistrationForm.of(licence));
		return "enterprise/amend";
	}

	@PostMapping("/licences/{uscc}/amend")
	String amend(@PathVariable String uscc, RegistrationForm form, Model model, HttpServletResponse response,
			Locale locale) {
		Uscc code = Uscc.parse(uscc);
		try {
			registrar.amend(code, form.amendment(), currentActor.get());
			return "redirect:/licences/" + code + "?done=amend";
		} catch (Problem problem) {
			model.addAttribute("licence", get(code));
			rejected(problem, form, model, response, locale);
			return "enterprise/amend";
		}
	}

	// --- officers -------------------------------------------------------------------------------------------------

	/**
	 * The zone's enterprises, the most recently registered first, a page at a time, narrowed by a piece of the name
	 * or USCC and a state (the newest 500 and nothing else before: in a zone of thousands an officer could not reach
	 * the older ones but by searching). An odd cursor: the first page.
	 */
	@GetMapping("/enterprises")
	String registrations(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, Model model) {
		currentActor.get().requireRole(Role.OFFICER, Role.ADMIN);
		EnterpriseStatus wanted = java.util.Arrays.stream(EnterpriseStatus.values())
			.filter(s -> s.name().equalsIgnoreCase(status == null ? "" : status.strip())).findFirst().orElse(null);
		PageRequest page = PageRequest.onPage(LIST_PAGE, cursor);
		var found = enterprises.search(q, wanted, page);
		model.addAttribute("enterprises", found.rows());
		model.addAttribute("next", found.next() == null ? null : found.next().text());
		model.addAttribute("later", page.after() != null);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("status", wanted == null ? "" : wanted.name());
		model.addAttribute("statuses", EnterpriseStatus.values());
		model.addAttribute("mayRecord", currentActor.get().mayActAs(AgencyCode.SAMR));
		return "enterprise/registrations";
	}

	@GetMapping("/enterprises/record")
	String recordForm(Model model) {
		currentActor.get().requireActAs(AgencyCode.SAMR);
		model.addAttribute("form", RegistrationForm.empty());
		return "enterprise/record";
	}

	@PostMapping("/enterprises/record")
	String record(RegistrationForm form, Model model, HttpServletResponse response, Locale locale) {
		try {
			if (form.established() == null && form.establishedOn() != null && !form.establishedOn().isBlank()) {
				throw Problem.invalidField("establishedOn", "MALFORMED_VALUE");
			}
			Uscc uscc = registrar.record(new ExistingEnterprise(form.uscc(), form.established(), form.application()),
					currentActor.get());
			return "redirect:/licences/" + uscc + "?recorded";
		} catch (Problem problem) {
			rejected(problem, form, model, response, locale);
			return "enterprise/record";
		}
	}

	// --- public verification --------------------------------------------------------------------------------------

	@GetMapping({ "/verify", "/verify/{code}" })
	String verify(@PathVariable(required = false) String code, @RequestParam(required = false) String uscc,
			@RequestParam(name = "v", required = false) String printedVersion, Model model,
			HttpServletResponse response, Locale locale) {
		String raw = code != null ? code : uscc;
		model.addAttribute("uscc", raw == null ? "" : raw);
		if (raw == null || raw.isBlank()) {
			return "enterprise/verify";
		}
		try {
			Uscc parsed = Uscc.parse(raw);
			model.addAttribute("checkValid", parsed.hasValidCheckCharacter());
			Optional<PublicLicenceFacts> facts = licences.publicFacts(parsed);
			facts.ifPresent(f -> model.addAttribute("facts", f));
			if (facts.isPresent()) {
				// The permits its activities rest on, as their agencies publish them (none without a permit module).
				publishedPermits.ifAvailable(published -> model.addAttribute("permits", published.of(parsed, locale)));
			}
			if (facts.isPresent() && printedVersion != null) {
				licences.find(parsed).ifPresent(l -> model.addAttribute("printedCopy",
						PrintedCopy.of(printedVersion, l.version())));
			}
			if (facts.isEmpty()) {
				response.setStatus(404);
				model.addAttribute("notFound", true);
			}
		} catch (InvalidValue invalid) {
			response.setStatus(422);
			model.addAttribute("formatError", text(invalid.code(), locale, raw));
		}
		return "enterprise/verify";
	}

	/** Refusals on these pages become a page in the person's language, not a stack trace. */
	@ExceptionHandler({ Problem.class, InvalidValue.class })
	String refused(RuntimeException e, Model model, jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		if (e instanceof Problem problem && problem.status() == org.springframework.http.HttpStatus.UNAUTHORIZED) {
			// A page that needs a person: the login, as for every page that does.
			return "redirect:/login";
		}
		if (e instanceof Problem problem) {
			response.setStatus(problem.status().value());
			model.addAttribute("message", describe(problem, locale));
		} else {
			InvalidValue invalid = (InvalidValue) e;
			// A malformed code in the address is an address with no page; in a submitted form, bad input.
			response.setStatus("GET".equals(request.getMethod()) ? 404 : 422);
			model.addAttribute("message", text(invalid.code(), locale, invalid.arguments()));
		}
		return "enterprise/refused";
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private Optional<String> refuseUnlessVisible(String uscc, HttpServletRequest request) {
		Uscc code = Uscc.parse(uscc);
		Optional<Actor> actor = currentActor.find();
		// Read without starting a session: an anonymous visitor's look at a licence writes nothing.
		HttpSession session = request.getSession(false);
		boolean receipt = session != null && code.value().equals(session.getAttribute(RECEIPT));
		if (receipt || actor.map(a -> a.maySee(code)).orElse(false)) {
			return Optional.empty();
		}
		if (actor.isEmpty()) {
			return Optional.of("redirect:/login");
		}
		throw Problem.forbidden("NOT_AUTHORISED_FOR_ENTERPRISE", code);
	}

	private Licence get(Uscc uscc) {
		return licences.find(uscc).orElseThrow(() -> Problem.notFound("ENTERPRISE_NOT_FOUND", uscc));
	}

	private Licence show(Uscc uscc, Model model) {
		Licence licence = get(uscc);
		Optional<Actor> actor = currentActor.find();
		boolean samr = actor.map(a -> a.mayActAs(AgencyCode.SAMR)).orElse(false);
		boolean own = actor.map(a -> a.is(Role.TRADER) && a.mayActFor(uscc, OperatorRight.MANAGE_ENTERPRISE))
			.orElse(false);
		EnterpriseStatus status = licence.enterprise().status();
		boolean open = status == EnterpriseStatus.ACTIVE || status == EnterpriseStatus.SUSPENDED;
		model.addAttribute("mayAmend", open && actor.map(a -> Registrar.mayAmend(a, uscc)).orElse(false));
		model.addAttribute("mayDecide", samr && open);
		model.addAttribute("mayDeregister", open && (samr || own));
		return licence;
	}

	private void requireMayAmend(Licence licence) {
		Registrar.requireMayAmend(currentActor.get(), licence.enterprise().uscc());
	}

	private void rejected(Problem problem, RegistrationForm form, Model model, HttpServletResponse response,
			Locale locale) {
		response.setStatus(problem.status().value());
		problem.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : problem.fieldProblems()) {
			String field = p.field().replaceAll("\\[\\d+]$", "");
			String code = p.code();
			if (field.equals("registeredCapital") && form.capital() == RegistrationForm.MALFORMED) {
				code = "CAPITAL_FORMAT";
			}
			errors.merge(field, text(code, locale, p.arguments()), (a, b) -> a + " " + b);
		}
		if (errors.isEmpty()) {
			model.addAttribute("formError", describe(problem, locale));
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form.withoutPassword());
	}

	private String describe(Problem problem, Locale locale) {
		if (problem.fieldProblems().isEmpty()) {
			return text(problem.code(), locale, problem.arguments());
		}
		return problem.fieldProblems().stream()
			.map(p -> messages.getMessage("enterprise.field." + p.field(), null, p.field(), locale) + ": "
					+ text(p.code(), locale, p.arguments()))
			.reduce((a, b) -> a + " " + b).orElse("");
	}

	private String text(String code, Locale locale, Object... arguments) {
		return messages.getMessage("problem." + code, arguments, code, locale);
	}
}
