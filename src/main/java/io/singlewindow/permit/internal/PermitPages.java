package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.WorkQueueFilter;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * The web pages of the permit module: applicants apply and follow their permits, officers work their queues and
 * verify, administrators keep the catalogue. Each form posts to the same services as the REST API; a refusal renders
 * the form again with every problem next to its field.
 */
@Controller
class PermitPages {

	private final CurrentActor currentActor;
	private final PermitCatalogue catalogue;
	private final CatalogueAdministration administration;
	private final PermitApplications applications;
	private final PermitSupervision supervision;
	private final IssuedPermits permits;
	private final JdbcPermitLedger ledger;
	private final Enterprises enterprises;
	private final Agencies agencies;
	private final MessageSource messages;

	PermitPages(CurrentActor currentActor, PermitCatalogue catalogue, CatalogueAdministration administration,
			PermitApplications applications, PermitSupervision supervision, IssuedPermits permits,
			JdbcPermitLedger ledger, Enterprises enterprises, Agencies agencies, MessageSource messages) {
		this.currentActor = currentActor;
		this.catalogue = catalogue;
		this.administration = administration;
		this.applications = applications;
		this.supervision = supervision;
		this.permits = permits;
		this.ledger = ledger;
		this.enterprises = enterprises;
		this.agencies = agencies;
		this.messages = messages;
	}

	/** Times are shown in the zone's time zone, whatever the server's. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return BusinessTime.ZONE;
	}

	// --- applicants

	@GetMapping("/permits")
	String mine(@RequestParam(required = false) String uscc, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		List<Enterprise> actingFor = actingFor(actor);
		Uscc holder = uscc == null || uscc.isBlank() ? actor.enterprise() : Uscc.parse(uscc);
		actor.requireSee(holder);
		model.addAttribute("enterprises", actingFor);
		model.addAttribute("holder", holder.value());
		recordModel(holder, model);
		model.addAttribute("needed", neededBy(holder, locale));
		return "permit/mine";
	}

	/**
	 * A regulated activity on the licence and the permit it needs (证照分离: licence first, permit after).
	 *
	 * @param entry the catalogue entry, {@literal null} if the catalogue has none under that code
	 * @param heldNumber a permit of that entry the enterprise holds in force, else {@literal null}
	 */
	public record NeededPermit(String activity, String permitCode, CatalogueEntry entry, String heldNumber) {
	}

	private List<NeededPermit> neededBy(Uscc holder, Locale locale) {
		var today = supervision.today();
		List<IssuedPermit> held = permits.heldBy(holder);
		return enterprises.businessScopeOf(holder).stream()
			.filter(activity -> activity.regulated())
			.map(activity -> new NeededPermit(activity.name(locale), activity.permitCode(),
					catalogue.find(activity.permitCode()).filter(CatalogueEntry::active).orElse(null),
					held.stream().filter(p -> p.catalogueCode().equals(activity.permitCode()))
						.filter(p -> p.status(today) == PermitStatus.IN_FORCE)
						.map(IssuedPermit::number).findFirst().orElse(null)))
			.toList();
	}

	@GetMapping("/permits/record/{uscc}")
	String record(@PathVariable String uscc, Model model) {
		Uscc holder = Uscc.parse(uscc);
		currentActor.get().requireSee(holder);
		enterprises.find(holder).ifPresent(e -> model.addAttribute("enterprise", e));
		model.addAttribute("holder", holder.value());
		recordModel(holder, model);
		model.addAttribute("history", supervision.historyOf(holder));
		return "permit/record";
	}

	private void recordModel(Uscc holder, Model model) {
		model.addAttribute("permits", permits.heldBy(holder));
		model.addAttribute("applications", applications.of(holder));
		model.addAttribute("entries", entriesByCode());
		model.addAttribute("today", supervision.today());
	}

	@GetMapping("/permits/catalogue")
	String catalogue(Model model) {
		Actor actor = currentActor.get();
		model.addAttribute("catalogue", catalogue.all());
		model.addAttribute("mayApply", actor.holds(OperatorRight.APPLY_FOR_PERMITS));
		model.addAttribute("modes", PermitMode.values());
		return "permit/catalogue";
	}

	@GetMapping("/permits/apply")
	String applyForm(@RequestParam(required = false) String code, @RequestParam(required = false) String uscc,
			Model model) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		actor.requireRight(OperatorRight.APPLY_FOR_PERMITS);
		if (code == null || code.isBlank()) {
			// One applies for a permit chosen from the catalogue.
			return "redirect:/permits/catalogue";
		}
		CatalogueEntry entry = catalogue.get(code.toUpperCase(Locale.ROOT));
		model.addAttribute("form", new PermitApplications.ApplicationForm(entry.code(),
				uscc == null ? actor.enterprise().value() : uscc, "", List.of(), null, null, List.of(), false));
		return applyPage(actor, entry, model, Map.of(), null);
	}

	@PostMapping("/permits/apply")
	String apply(@RequestParam String catalogueCode, @RequestParam String applicant,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String goods,
			@RequestParam(required = false) String requestedQuantity,
			@RequestParam(required = false) String requestedValue,
			@RequestParam(name = "documents", required = false) List<String> documents,
			@RequestParam(required = false) Boolean commitmentSigned, Model model, Locale locale) {
		Actor actor = currentActor.get();
		CatalogueEntry entry = catalogue.get(catalogueCode.toUpperCase(Locale.ROOT));
		Map<String, String> amountErrors = new LinkedHashMap<>();
		BigDecimal quantity = amount(requestedQuantity, "requestedQuantity", amountErrors, locale);
		BigDecimal value = amount(requestedValue, "requestedValue", amountErrors, locale);
		var form = new PermitApplications.ApplicationForm(catalogueCode, applicant, scope, splitCodes(goods), quantity,
				value, documents == null ? List.of() : documents, Boolean.TRUE.equals(commitmentSigned));
		if (!amountErrors.isEmpty()) {
			model.addAttribute("form", form);
			return applyPage(actor, entry, model, amountErrors, null);
		}
		try {
			PermitApplication applied = applications.apply(actor, form);
			return "redirect:/permits/applications/" + applied.id() + "?submitted";
		} catch (Problem problem) {
			model.addAttribute("form", form);
			return applyPage(actor, entry, model, fieldErrors(problem, locale), problem);
		}
	}

	private String applyPage(Actor actor, CatalogueEntry entry, Model model, Map<String, String> errors,
			Problem problem) {
		model.addAttribute("entry", entry);
		model.addAttribute("enterprises", actingFor(actor));
		showProblems(model, errors, problem);
		return "permit/apply";
	}

	@GetMapping("/permits/applications/{id}")
	String application(@PathVariable UUID id, Model model) {
		return applicationPage(applications.get(id), model, Map.of(), null);
	}

	@PostMapping("/permits/applications/{id}/supplement")
	String supplement(@PathVariable UUID id, @RequestParam(name = "documents", required = false) List<String> documents,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version, Model model,
			Locale locale) {
		try {
			applications.supplement(currentActor.get(), id,
					new PermitApplications.SupplementForm(documents == null ? List.of() : documents, note, version));
			return "redirect:/permits/applications/" + id;
		} catch (Problem problem) {
			return applicationPage(applications.get(id), model, fieldErrors(problem, locale), problem);
		}
	}

	@PostMapping("/permits/applications/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String grantedQuantity,
			@RequestParam(required = false) String grantedValue, @RequestParam(required = false) Integer version,
			Model model, Locale locale) {
		Map<String, String> amountErrors = new LinkedHashMap<>();
		BigDecimal quantity = amount(grantedQuantity, "grantedQuantity", amountErrors, locale);
		BigDecimal value = amount(grantedValue, "grantedValue", amountErrors, locale);
		// Whatever comes back to the officer shows their own choices, never a default that would flip the outcome.
		Map<String, String> chosen = new java.util.HashMap<>();
		chosen.put("decision", decision);
		chosen.put("reason", reason);
		chosen.put("grantedQuantity", grantedQuantity);
		chosen.put("grantedValue", grantedValue);
		model.addAttribute("decisionForm", chosen);
		if (!amountErrors.isEmpty()) {
			return applicationPage(applications.get(id), model, amountErrors, null);
		}
		try {
			applications.decide(currentActor.get(), id,
					new PermitApplications.DecisionForm(decision, reason, quantity, value, version));
			return "redirect:/permits/applications/" + id + "?decided";
		} catch (Problem problem) {
			return applicationPage(applications.get(id), model, fieldErrors(problem, locale), problem);
		}
	}

	private String applicationPage(PermitApplication application, Model model, Map<String, String> errors,
			Problem problem) {
		Actor actor = currentActor.get();
		PermitApi.requireSeeApplication(actor, application);
		CatalogueEntry entry = catalogue.get(application.catalogueCode());
		model.addAttribute("pa", application);
		model.addAttribute("entry", entry);
		model.addAttribute("steps", applications.stepsOf(application.id()));
		model.addAttribute("today", supervision.today());
		model.addAttribute("mayDecide", application.status() == ApplicationStatus.UNDER_REVIEW
				&& actor.mayActAs(application.issuingAgency()));
		model.addAttribute("maySupplement", application.status() == ApplicationStatus.DOCUMENTS_REQUESTED
				&& actor.mayActFor(application.applicant(), OperatorRight.APPLY_FOR_PERMITS));
		if (!model.containsAttribute("decisionForm")) {
			model.addAttribute("decisionForm", Map.of());
		}
		showProblems(model, errors, problem);
		return "permit/application";
	}

	// --- officers

	/** The permit queue's orders; the first (the due date, soonest first) is the order the store reads them in. */
	static final List<String> QUEUE_ORDERS = List.of("due", WorkQueueFilter.OLDEST, WorkQueueFilter.NEWEST,
			WorkQueueFilter.ENTERPRISE);

	/**
	 * How many applications of one agency the queue shows at most. The queue is searched in the database; when more
	 * wait than this, the page says so and the officer narrows the search (as on the declaration queue).
	 */
	static final int SHOWN = 200;

	/**
	 * The applications an agency decides: under review or waiting for documents, narrowed by status, by a search over
	 * the reference, the applicant's name and USCC, and by how long ago they were submitted; ordered by due date,
	 * waiting time or applicant name. Officers see their agency's; the administrator every agency's or the chosen
	 * one's (read-only, as on the declaration queue). At most {@link #SHOWN} of each agency.
	 */
	@GetMapping("/permits/queue")
	String queue(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer olderThanDays, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String agency, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER, Role.ADMIN);
		List<AgencyCode> shownAgencies = actor.role() == Role.OFFICER ? List.of(actor.agency())
				: agencies.all().stream().map(a -> a.code()).filter(a -> a.value().equals(agency)).findFirst()
					.map(List::of).orElseGet(() -> agencies.all().stream().map(a -> a.code()).toList());
		WorkQueueFilter filter = WorkQueueFilter.of(q, olderThanDays, sort, QUEUE_ORDERS);
		ApplicationStatus shownStatus = Arrays.stream(ApplicationStatus.values())
			.filter(s -> s.name().equals(status) && QUEUE_STATUSES.contains(s)).findFirst().orElse(null);
		// One more than shown is read, to tell the officer that more wait than the page shows; so is one more of the
		// enterprises a name matches, to tell that the search did not look at all of them.
		List<Uscc> named = filter.search().isEmpty() ? List.of()
				: enterprises.search(filter.search(), null, SHOWN + 1).stream().map(Enterprise::uscc).toList();
		var search = new PermitApplications.QueueSearch(shownStatus, filter, named,
				filter.olderThanDays() == 0 ? null
						: supervision.now().minus(java.time.Duration.ofDays(filter.olderThanDays())),
				SHOWN + 1);
		List<List<PermitApplication>> queueOfEach = shownAgencies.stream().map(a -> applications.queueOf(a, search))
			.toList();
		List<PermitApplication> queue = queueOfEach.stream().flatMap(a -> a.stream().limit(SHOWN)).toList();
		// Officers know enterprises by name; the USCC stays beside it for the record.
		Map<String, String> names = enterprises
			.findAll(queue.stream().map(a -> a.applicant()).distinct().toList())
			.stream()
			.collect(java.util.stream.Collectors.toMap(e -> e.uscc().value(), e -> e.name(locale), (a, b) -> a));
		model.addAttribute("queue", filter.ordered(queue, PermitApplication::submittedAt,
				a -> names.getOrDefault(a.applicant().value(), a.applicant().value()), locale));
		model.addAttribute("queueCut", queueOfEach.stream().anyMatch(a -> a.size() > SHOWN));
		model.addAttribute("namesCut", named.size() > SHOWN);
		model.addAttribute("shown", SHOWN);
		model.addAttribute("applicantNames", names);
		model.addAttribute("entries", entriesByCode());
		model.addAttribute("today", supervision.today());
		model.addAttribute("calendar", applications.workingCalendar());
		model.addAttribute("agency", actor.role() == Role.OFFICER ? actor.agency().value() : null);
		model.addAttribute("agencies", actor.role() == Role.ADMIN ? agencies.all() : List.of());
		model.addAttribute("agencyNames", agencies.all().stream()
			.collect(java.util.stream.Collectors.toMap(a -> a.code().value(), a -> a.name(locale))));
		model.addAttribute("chosenAgency", shownAgencies.size() == 1 ? shownAgencies.getFirst().value() : "");
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("status", shownStatus == null ? "" : shownStatus.name());
		model.addAttribute("statuses", QUEUE_STATUSES);
		model.addAttribute("olderThanDays", filter.olderThanDays());
		model.addAttribute("ages", WorkQueueFilter.AGES);
		model.addAttribute("sort", filter.order());
		model.addAttribute("orders", QUEUE_ORDERS);
		return "permit/queue";
	}

	/** The statuses of applications in an agency's queue. */
	static final List<ApplicationStatus> QUEUE_STATUSES = List.of(ApplicationStatus.UNDER_REVIEW,
			ApplicationStatus.DOCUMENTS_REQUESTED);

	/** How many permits a page of the verification list shows; the next page follows by a link. */
	static final int REVIEWS_SHOWN = 100;

	/**
	 * The agency's filings and commitments awaiting their review, soonest due first, a page at a time (all of them on
	 * one page before: the list grows with every filing until officers catch up). An odd cursor: the first page.
	 */
	@GetMapping("/permits/verification")
	String verification(@RequestParam(required = false) String cursor, Model model) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER);
		PageRequest page = PageRequest.onPage(REVIEWS_SHOWN, cursor);
		var permits = supervision.verificationQueueOf(actor.agency(), page);
		model.addAttribute("permits", permits.rows());
		model.addAttribute("next", permits.next() == null ? null : permits.next().text());
		model.addAttribute("later", page.after() != null);
		model.addAttribute("entries", entriesByCode());
		model.addAttribute("today", supervision.today());
		return "permit/verification";
	}

	@GetMapping("/permits/{number}")
	String permit(@PathVariable String number, Model model) {
		return permitPage(permits.get(number), model, Map.of(), null);
	}

	@PostMapping("/permits/{number}/{action}")
	String act(@PathVariable String number, @PathVariable String action, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String outcome, Model model, Locale locale) {
		Actor actor = currentActor.get();
		var form = new PermitSupervision.ActionForm(reason, outcome);
		try {
			switch (action) {
				case "suspension" -> supervision.suspend(actor, number, form);
				case "reinstatement" -> supervision.reinstate(actor, number, form);
				case "revocation" -> supervision.revoke(actor, number, form);
				case "verification" -> supervision.verify(actor, number, form);
				default -> throw Problem.notFound("NOT_FOUND");
			}
			return "redirect:/permits/" + number;
		} catch (Problem problem) {
			model.addAttribute("failedAction", action);
			return permitPage(permits.get(number), model, fieldErrors(problem, locale), problem);
		}
	}

	private String permitPage(IssuedPermit permit, Model model, Map<String, String> errors, Problem problem) {
		Actor actor = currentActor.get();
		actor.requireSee(permit.holder());
		CatalogueEntry entry = catalogue.get(permit.catalogueCode());
		model.addAttribute("permit", permit);
		model.addAttribute("entry", entry);
		model.addAttribute("today", supervision.today());
		model.addAttribute("writeOffs", ledger.writeOffsAgainst(permit.number()));
		model.addAttribute("history", supervision.historyOfPermit(permit.number()));
		model.addAttribute("mayAct", actor.mayActAs(entry.issuingAgency()));
		showProblems(model, errors, problem);
		return "permit/permit";
	}

	// --- administrators

	@GetMapping("/admin/permit-catalogue")
	String adminCatalogue(Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("catalogue", catalogue.all());
		return "permit/admin-catalogue";
	}

	@GetMapping("/admin/permit-catalogue/new")
	String newEntry(Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("form", new CatalogueAdministration.EntryForm("", "", "", "", "OPTIMISED_APPROVAL", 20, null,
				List.of(), List.of(), 12, "NONE", null, List.of(), List.of(), true, null, false));
		return entryPage(model, true, Map.of(), null);
	}

	@GetMapping("/admin/permit-catalogue/{code}")
	String editEntry(@PathVariable String code, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		CatalogueEntry e = catalogue.get(code);
		model.addAttribute("form", new CatalogueAdministration.EntryForm(e.code(), e.nameZh(), e.nameEn(),
				e.issuingAgency().value(), e.mode().name(), e.reviewDays(), e.verificationDays(), e.documentsZh(),
				e.documentsEn(), e.validityMonths(), e.quotaKind().name(), e.quotaUnit(), e.prefixes(TradeFlow.IMPORT),
				e.prefixes(TradeFlow.EXPORT), e.active(), e.version(), e.tariffQuota()));
		return entryPage(model, false, Map.of(), null);
	}

	@PostMapping("/admin/permit-catalogue")
	String saveEntry(@RequestParam(required = false) String code, @RequestParam(required = false) String nameZh,
			@RequestParam(required = false) String nameEn, @RequestParam(required = false) String issuingAgency,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String reviewDays,
			@RequestParam(required = false) String verificationDays, @RequestParam(required = false) String documentsZh,
			@RequestParam(required = false) String documentsEn, @RequestParam(required = false) String validityMonths,
			@RequestParam(required = false) String quotaKind, @RequestParam(required = false) String quotaUnit,
			@RequestParam(required = false) String importScope, @RequestParam(required = false) String exportScope,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) Boolean tariffQuota, @RequestParam(defaultValue = "false") boolean creating,
			Model model, Locale locale) {
		Actor actor = currentActor.get();
		Map<String, String> numberErrors = new LinkedHashMap<>();
		var form = new CatalogueAdministration.EntryForm(code, nameZh, nameEn, issuingAgency, mode,
				whole(reviewDays, "reviewDays", numberErrors, locale),
				whole(verificationDays, "verificationDays", numberErrors, locale), CatalogueEntry.lines(documentsZh),
				CatalogueEntry.lines(documentsEn), whole(validityMonths, "validityMonths", numberErrors, locale),
				quotaKind, quotaUnit, splitCodes(importScope), splitCodes(exportScope), Boolean.TRUE.equals(active),
				version, Boolean.TRUE.equals(tariffQuota));
		model.addAttribute("form", form);
		if (!numberErrors.isEmpty()) {
			return entryPage(model, creating, numberErrors, null);
		}
		try {
			CatalogueEntry saved = creating ? administration.create(actor, form)
					: administration.update(actor, code, form);
			return "redirect:/admin/permit-catalogue?saved=" + saved.code();
		} catch (Problem problem) {
			return entryPage(model, creating, fieldErrors(problem, locale), problem);
		}
	}

	private String entryPage(Model model, boolean creating, Map<String, String> errors, Problem problem) {
		model.addAttribute("creating", creating);
		model.addAttribute("agencies", agencies.all());
		model.addAttribute("modes", PermitMode.values());
		model.addAttribute("quotaKinds", QuotaKind.values());
		showProblems(model, errors, problem);
		return "permit/admin-entry";
	}

	// --- helpers

	/** Field problems go next to their fields; a problem of the whole request goes on top of the form. */
	private static void showProblems(Model model, Map<String, String> errors, Problem problem) {
		model.addAttribute("errors", errors);
		// The summary links a document's problem ("documents[1]") to its field, whose id is "document-1".
		Map<String, String> targets = new LinkedHashMap<>();
		errors.keySet().stream().filter(field -> field.matches("documents\\[\\d+]"))
			.forEach(field -> targets.put(field, "document-" + field.replaceAll("\\D", "")));
		model.addAttribute("errorTargets", targets);
		model.addAttribute("problem", problem == null || !problem.fieldProblems().isEmpty() ? null : problem);
		model.addAttribute("problemArgs", problem == null ? new Object[0] : problem.arguments());
	}

	private List<Enterprise> actingFor(Actor actor) {
		Set<Uscc> usccs = new LinkedHashSet<>();
		if (actor.enterprise() != null) {
			usccs.add(actor.enterprise());
		}
		usccs.addAll(actor.principals());
		return enterprises.findAll(usccs);
	}

	private Map<String, CatalogueEntry> entriesByCode() {
		Map<String, CatalogueEntry> byCode = new LinkedHashMap<>();
		catalogue.all().forEach(e -> byCode.put(e.code(), e));
		return byCode;
	}

	private Map<String, String> fieldErrors(Problem problem, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : problem.fieldProblems()) {
			errors.putIfAbsent(p.field(), messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale));
		}
		return errors;
	}

	private BigDecimal amount(String raw, String field, Map<String, String> errors, Locale locale) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(raw.strip().replace(",", ""));
		} catch (NumberFormatException e) {
			errors.put(field, messages.getMessage("problem.MALFORMED_VALUE", null, locale));
			return null;
		}
	}

	private Integer whole(String raw, String field, Map<String, String> errors, Locale locale) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(raw.strip());
		} catch (NumberFormatException e) {
			errors.put(field, messages.getMessage("problem.MALFORMED_VALUE", null, locale));
			return null;
		}
	}

	/** Codes typed as a person types them: separated by commas, blanks or new lines. */
	static List<String> splitCodes(String raw) {
		if (raw == null || raw.isBlank()) {
			return List.of();
		}
		return new ArrayList<>(Arrays.stream(raw.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList());
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem permitsNavigation() {
			return new NavigationItem("nav.permits", "/permits", Set.of("TRADER", "BROKER"), 200);
		}

		@Bean
		NavigationItem permitCatalogueNavigation() {
			return new NavigationItem("nav.permitCatalogue", "/permits/catalogue", Set.of("TRADER", "BROKER", "OFFICER"),
					210);
		}

		@Bean
		NavigationItem permitQueueNavigation() {
			return new NavigationItem("nav.permitQueue", "/permits/queue", Set.of("OFFICER", "ADMIN"), 220);
		}

		@Bean
		NavigationItem permitVerificationNavigation() {
			return new NavigationItem("nav.permitVerification", "/permits/verification", Set.of("OFFICER"), 230);
		}

		@Bean
		NavigationItem permitCatalogueAdminNavigation() {
			return new NavigationItem("nav.permitCatalogueAdmin", "/admin/permit-catalogue", Set.of("ADMIN"), 240);
		}
	}
}
