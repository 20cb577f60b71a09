package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletResponse;

/** The trader's declaration pages and the officers' queue. */
@Controller
class DeclarationPages {

	private final Declarations declarations;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final Enterprises enterprises;
	private final MessageSource messages;
	private final DeclarationListExport exports;
	private final DeclarationChanges changes;

	private final DeclarationWorkbooks workbooks;
	private final DeclarationPickerPages pickers;
	private final BatchSubmissions batches;
	private final SupportingDocuments documents;
	private final AgencyAgreements agreements;
	private final UnsentDeclarations unsent;

	/** The pick list ({@code <datalist>}) of each header field that takes a code. */
	private static final Map<String, String> HEADER_LISTS = Map.of("tradeMode", "tradeModes", "transportMode",
			"transportModes", "port", "ports", "originCountry", "countries", "destinationCountry", "countries",
			"tradingCountry", "countries", "currency", "currencies", "incoterm", "incoterms");

	DeclarationPages(Declarations declarations, DeclarationStore store, CurrentActor currentActor,
			Enterprises enterprises, MessageSource messages, DeclarationChanges changes,
			DeclarationWorkbooks workbooks, DeclarationPickerPages pickers, BatchSubmissions batches,
			SupportingDocuments documents, DeclarationListExport exports, AgencyAgreements agreements,
			UnsentDeclarations unsent) {
		this.unsent = unsent;
		this.exports = exports;
		this.agreements = agreements;
		this.batches = batches;
		this.documents = documents;
		this.workbooks = workbooks;
		this.pickers = pickers;
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
		return new NavigationItem("nav.agencyQueue", "/agency/queue", Set.of("OFFICER", "ADMIN"), 40);
	}

	/** Times are shown in the zone's time zone, whatever the server's. */
	@org.springframework.web.bind.annotation.ModelAttribute("zone")
	java.time.ZoneId zone() {
		return io.singlewindow.platform.BusinessTime.ZONE;
	}

	/** Declarations a page shows at a time. */
	static final int LIST_PAGE = 50;

	/** The statuses a declarant can narrow the list to: all a stored declaration can have (SUBMITTED never is). */
	private static final List<DeclarationStatus> LISTED_STATUSES = java.util.Arrays.stream(DeclarationStatus.values())
		.filter(status -> status != DeclarationStatus.SUBMITTED).toList();

	/**
	 * The declarant's declarations, newest first, a page at a time, narrowed by a piece of the number or reference
	 * and a status. Before, the newest 200 and nothing else: an importer declaring daily could not reach last month's.
	 */
	@GetMapping("/declarations")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String submittedFrom, @RequestParam(required = false) String submittedTo,
			@RequestParam(required = false) String cursor, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		DeclarationSearch search = searchOf(q, status, submittedFrom, submittedTo,
				odd -> model.addAttribute("filterProblem", firstMessage(messages, odd, locale)));
		PageRequest page = PageRequest.onPage(LIST_PAGE, cursor);
		var declarations = store.listFor(DeclarationApi.declarants(actor), search, page);
		model.addAttribute("declarations", declarations.rows());
		model.addAttribute("next", declarations.next() == null ? null : declarations.next().text());
		model.addAttribute("q", search == DeclarationSearch.ANY || q == null ? "" : q.strip());
		model.addAttribute("status", search.status() == null ? "" : search.status().name());
		model.addAttribute("submittedFrom", search.from() == null ? "" : search.from().toString());
		model.addAttribute("submittedTo", search.to() == null ? "" : search.to().toString());
		model.addAttribute("searched", search.narrows());
		model.addAttribute("later", page.after() != null);
		model.addAttribute("statuses", LISTED_STATUSES);
		// 暂存: the forms saved unsent wait above the declarations sent, on the first page only.
		model.addAttribute("unsent", page.after() == null ? unsent.of(actor) : List.of());
		return "declaration/list";
	}

	/**
	 * The search a page's address asks for. A list is a view: an odd address is every declaration rather than an error
	 * page, and the refusal goes to {@code odd} (the list says why above its table).
	 */
	private static DeclarationSearch searchOf(String q, String status, String submittedFrom, String submittedTo,
			java.util.function.Consumer<Problem> odd) {
		try {
			return DeclarationSearch.read(q, status, submittedFrom, submittedTo);
		} catch (Problem refused) {
			odd.accept(refused);
			return DeclarationSearch.ANY;
		}
	}

	/** The list as the page shows it, narrowed the same way, as one spreadsheet; an odd address: every declaration. */
	@GetMapping("/declarations/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String submittedFrom, @RequestParam(required = false) String submittedTo,
			Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		DeclarationSearch search = searchOf(q, status, submittedFrom, submittedTo, odd -> { });
		exports.answer(response, DeclarationApi.declarants(actor), search, locale);
	}

	/**
	 * The new-declaration form: empty, or (复制新增) filled from one of the declarant's declarations, {@code from}, for
	 * goods declared again — every field as it was declared except the declarant's own reference (a new declaration
	 * needs its own, or a retry would be taken for the old one) and the certificates' numbers (a certificate of origin
	 * serves one consignment: its agreement is kept, so the form asks for the new number rather than the preference
	 * being dropped unseen). Nothing is stored until it is submitted.
	 */
	@GetMapping("/declarations/new")
	String form(@RequestParam(required = false) UUID from, @RequestParam(required = false) UUID unsent,
			@RequestParam(required = false) String saved, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		// A form that could not be sent is not shown: the page says which right is missing instead.
		actor.requireRight(OperatorRight.DECLARE);
		if (unsent != null) {
			return resumed(actor, unsent, saved != null, model, locale);
		}
		if (from == null) {
			model.addAttribute("form", Map.of());
			return formPage(model, List.of(), "/declarations/new", 1, locale);
		}
		DeclarationView d = view(from);
		actor.requireActFor(io.singlewindow.core.Uscc.parse(d.declarant()), OperatorRight.DECLARE);
		Map<String, String> form = formOf(d);
		form.keySet().removeIf(field -> field.endsWith(".certificateNumber"));
		model.addAttribute("form", form);
		model.addAttribute("notices", List.of(messages.getMessage("declaration.copiedFrom",
				new Object[] { d.number() }, locale)));
		return formPage(model, List.of(), "/declarations/new", DeclarationForm.rows(form), locale);
	}

	/** A form saved unsent (暂存), filled as it was saved, carrying its id and version for the next save or submission. */
	private String resumed(Actor actor, UUID id, boolean justSaved, Model model, Locale locale) {
		UnsentDeclarations.Unsent saved = unsent.find(actor, id);
		Map<String, String> form = new java.util.HashMap<>(saved.fields());
		form.put(UNSENT, saved.id().toString());
		form.put(UNSENT_VERSION, String.valueOf(saved.version()));
		model.addAttribute("form", form);
		String savedAt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(io.singlewindow.platform.BusinessTime.ZONE).format(saved.savedAt());
		String keptUntil = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
			.withZone(io.singlewindow.platform.BusinessTime.ZONE).format(saved.keptUntil());
		model.addAttribute("notices", List.of(messages.getMessage(justSaved ? "declaration.unsent.saved"
				: "declaration.unsent.resumed", new Object[] { saved.savedBy(), savedAt, keptUntil }, locale)));
		return formPage(model, List.of(), "/declarations/new", DeclarationForm.rows(form), locale);
	}

	/**
	 * The new-declaration form's hidden field holding its submission key: made when the form is shown, kept while it is
	 * shown again (a row added, a problem to mend), sent as the declaration's idempotency key — so that a second press
	 * of Submit (a double click, the browser's "send again") is answered with the declaration the first made instead of
	 * declaring the goods twice. Made up as the platform's own references are ({@link Declarations#MADE_UP_REFERENCE}),
	 * so that no page or paper shows it as the declarant's reference.
	 */
	static final String SUBMISSION = "submission";

	private static final java.util.regex.Pattern SUBMISSION_KEY = java.util.regex.Pattern
		.compile(java.util.regex.Pattern.quote(Declarations.MADE_UP_REFERENCE)
				+ "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The key a form was shown with, or a new one for a form shown the first time (or with a key it never had). */
	static String submissionKey(Object posted) {
		return posted instanceof String key && SUBMISSION_KEY.matcher(key).matches() ? key
				: Declarations.MADE_UP_REFERENCE + UUID.randomUUID();
	}

	/**
	 * The idempotency key of a form's submission: its own reference when it has one (a repeat of it is one already, as
	 * through the API), else the form's submission key; none for a key the platform never made.
	 */
	private static String submissionKeyOf(Map<String, String> form) {
		String key = form.get(SUBMISSION);
		return DeclarationForm.blank(form.get("clientReference")) && key != null && SUBMISSION_KEY.matcher(key).matches()
				? key : null;
	}

	/** The declaration this form's submission key made already, if it made one (for a declarant the actor acts for). */
	private Optional<UUID> submittedUnderItsKey(Actor actor, Map<String, String> form) {
		String key = submissionKeyOf(form);
		io.singlewindow.core.Uscc declarant;
		try {
			// Named as the submission names it: the declarant it would have been submitted for.
			declarant = Declarations.declarantOf(actor, form.get("declarant"));
		}
		catch (Problem none) {
			return Optional.empty();
		}
		if (key == null || !actor.mayActFor(declarant)) {
			return Optional.empty();
		}
		return store.byKeyOrReference(declarant.value(), key, key).map(DeclarationStore.Keyed::id);
	}

	/** The form's hidden fields naming the unsent form it was opened from, and the version it was read at. */
	static final String UNSENT = "unsent";

	static final String UNSENT_VERSION = "unsentVersion";

	/**
	 * Submits the form, or, when the person pressed "add item" or "remove item", shows it again with one row more or
	 * less and everything typed kept; this works without JavaScript. "Save for later" (暂存) saves it unsent instead;
	 * a form opened from one saved unsent is sent only if nobody saved or sent it since it was opened (two colleagues
	 * finishing the same form would declare the goods twice), and is then no longer kept.
	 */
	@PostMapping("/declarations/new")
	String submit(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		Map<String, String> form = params.toSingleValueMap();
		if (editsRows(form)) {
			return formWithRows(model, form, "/declarations/new", locale);
		}
		if (form.containsKey("assess")) {
			return formAssessed(model, form, "/declarations/new", locale);
		}
		List<Integer> rowOf = new ArrayList<>();
		try {
			UnsentDeclarations.Unsent openedFrom;
			try {
				openedFrom = openedFrom(actor, form);
			}
			catch (Problem gone) {
				// A second press of Submit on a form opened from one saved for later, after the first sent it: the
				// first press's declaration, rather than "sent since you opened it" for what this very form did.
				Optional<UUID> sent = form.containsKey("saveUnsent") || !gone.code().equals("UNSENT_DECLARATION_GONE")
						? Optional.empty() : submittedUnderItsKey(actor, form);
				if (sent.isPresent()) {
					return "redirect:/declarations/" + sent.get();
				}
				throw gone;
			}
			if (form.containsKey("saveUnsent")) {
				UnsentDeclarations.Unsent saved = unsent.save(actor, openedFrom == null ? null : openedFrom.id(),
						openedFrom == null ? null : openedFrom.version(), form);
				return "redirect:/declarations/new?unsent=" + saved.id() + "&saved";
			}
			var submission = declarations.submit(actor, DeclarationForm.draft(form, rowOf), submissionKeyOf(form));
			if (openedFrom != null) {
				unsent.sent(openedFrom);
			}
			return "redirect:/declarations/" + submission.id();
		}
		catch (Problem e) {
			return formAgain(model, form, e, rowOf, "/declarations/new", locale);
		}
	}

	/**
	 * The unsent form this one was opened from, as it was read: {@literal null} for a new one.
	 *
	 * @throws Problem 404 {@code UNSENT_DECLARATION_NOT_FOUND} (also for an id that is none); 409
	 *     {@code UNSENT_DECLARATION_CHANGED} when it was saved since (its version is another),
	 *     {@code UNSENT_DECLARATION_GONE} when it was sent or deleted since
	 */
	private UnsentDeclarations.Unsent openedFrom(Actor actor, Map<String, String> form) {
		String id = form.get(UNSENT);
		if (id == null || id.isBlank()) {
			return null;
		}
		UUID unsentId;
		try {
			unsentId = UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException e) {
			throw Problem.notFound("UNSENT_DECLARATION_NOT_FOUND", id);
		}
		UnsentDeclarations.Unsent opened;
		try {
			opened = unsent.find(actor, unsentId);
		}
		catch (Problem gone) {
			// Sent or given up by a colleague since this form was opened: sending it now would declare twice.
			throw Problem.conflict("UNSENT_DECLARATION_GONE");
		}
		if (!String.valueOf(opened.version()).equals(form.get(UNSENT_VERSION))) {
			throw Problem.conflict("UNSENT_DECLARATION_CHANGED", opened.savedBy());
		}
		return opened;
	}

	@GetMapping("/declarations/template.xlsx")
	org.springframework.http.ResponseEntity<byte[]> template(Locale locale) {
		currentActor.get().requireRole(Role.TRADER, Role.BROKER);
		return DeclarationApi.templateFile(workbooks, locale);
	}

	/**
	 * Fills the new-declaration form from an uploaded workbook of one declaration for the person to check and submit.
	 * A workbook of several is kept as a batch not yet submitted, and the person is shown what it holds: from there
	 * they submit them all, or fill the form from any one. Nothing is submitted here. A file that is no usable workbook
	 * comes back with its problems by cell.
	 */
	@PostMapping(path = "/declarations/new/workbook", consumes = "multipart/form-data")
	String fillFromWorkbook(@RequestParam(name = "workbook", required = false)
			org.springframework.web.multipart.MultipartFile workbook, Model model, Locale locale) throws java.io.IOException {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		try {
			if (workbook == null || workbook.isEmpty()) {
				throw WorkbookFile.refused("WORKBOOK_REQUIRED");
			}
			if (workbook.getSize() > DeclarationWorkbooks.LIMITS.maxBytes()) {
				throw WorkbookFile.refused("WORKBOOK_TOO_LARGE", DeclarationWorkbooks.LIMITS.maxBytes() / 1024);
			}
			List<DeclarationWorkbooks.Entry> entries = workbooks.read(workbook.getBytes());
			if (entries.size() > 1) {
				UUID batch = batches.preview(actor, "WORKBOOK",
						entries.stream().map(DeclarationWorkbooks.Entry::batched).toList());
				return "redirect:/declarations/batches/" + batch;
			}
			String name = workbook.getOriginalFilename() == null ? "" : workbook.getOriginalFilename();
			return formFrom(entries.getFirst().batched(), name, model, locale);
		}
		catch (Problem e) {
			model.addAttribute("form", Map.of());
			return formPage(model, e.fieldProblems(), "/declarations/new", 1, locale);
		}
	}

	/** The form filled from one declaration of a workbook, with the problems of its cells that could not be read. */
	private String formFrom(io.singlewindow.declaration.BatchedDeclaration declaration, String name, Model model,
			Locale locale) {
		Map<String, String> form = new java.util.HashMap<>(declaration.fields());
		model.addAttribute("form", form);
		model.addAttribute("notices", List.of(messages.getMessage("declaration.workbook.filled",
				new Object[] { name, declaration.lines() }, locale)));
		return formPage(model, declaration.problems(), "/declarations/new", DeclarationForm.rows(form), locale);
	}

	/**
	 * One declaration of a batch, as it was read, in the form, for the person to check and submit on its own: what a
	 * person does who wants to submit only some of a workbook's declarations.
	 */
	@GetMapping("/declarations/batches/{batchId}/declarations/{position}")
	String fillFromBatch(@PathVariable UUID batchId, @PathVariable int position, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		var declaration = batches.declaration(actor, batchId, position)
			.orElseThrow(() -> Problem.notFound("DECLARATION_BATCH_NOT_FOUND", batchId));
		return formFrom(declaration, declaration.reference(), model, locale);
	}

	/** One declaration of a workbook a person looks at before submitting them all. */
	record PreviewRow(int position, String reference, String source, String declarant, int lines,
			List<SummaryEntry> problems) {
	}

	/**
	 * A batch: before it is submitted, what the workbook holds (references, declarants, lines) with the problems each
	 * declaration would be refused with already; after, its progress and each declaration's outcome, asked for again
	 * every two seconds until the last one is done.
	 */
	@GetMapping("/declarations/batches/{batchId}")
	String batch(@PathVariable UUID batchId, Model model, Locale locale) {
		Actor actor = currentActor.get();
		var batch = batch(actor, batchId);
		model.addAttribute("batch", batch);
		if (!batch.accepted()) {
			List<PreviewRow> rows = new ArrayList<>();
			for (var e : batch.declarations()) {
				var entry = DeclarationWorkbooks.Entry.of(batches.declaration(actor, batchId, e.position()).orElseThrow());
				List<Integer> rowOf = new ArrayList<>();
				List<FieldProblem> problems = declarations.check(actor, entry.draft(rowOf))
					.map(p -> p.fieldProblems().isEmpty() ? List.of(new FieldProblem(entry.row(), p.code(), p.arguments()))
							: entry.onCells(p.fieldProblems(), rowOf))
					.orElse(List.of());
				rows.add(new PreviewRow(e.position(), e.reference(), e.source(), e.declarant(), e.lines(),
						problems.stream().map(p -> summaryEntry(p, locale)).toList()));
			}
			model.addAttribute("rows", rows);
			model.addAttribute("refusable", rows.stream().filter(r -> !r.problems().isEmpty()).count());
		}
		model.addAttribute("problemsOf", problemMessages(batch, locale));
		return "declaration/batch";
	}

	/** The progress part of the batch page, asked for by the page while declarations are pending. */
	@GetMapping("/declarations/batches/{batchId}/progress")
	String batchProgress(@PathVariable UUID batchId, Model model, Locale locale) {
		var batch = batch(currentActor.get(), batchId);
		model.addAttribute("batch", batch);
		model.addAttribute("problemsOf", problemMessages(batch, locale));
		return "declaration/batch :: progress";
	}

	/** The person submits every declaration of the workbook they looked at; the batch job does the rest. */
	@PostMapping("/declarations/batches/{batchId}/submit")
	String submitBatch(@PathVariable UUID batchId) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		if (!batches.acceptPreviewed(actor, batchId)) {
			batch(actor, batchId); // not theirs: not found; submitted already (a second click): shown as it goes
		}
		return "redirect:/declarations/batches/" + batchId;
	}

	private io.singlewindow.declaration.DeclarationBatch batch(Actor actor, UUID batchId) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		return batches.find(actor, batchId).orElseThrow(() -> Problem.notFound("DECLARATION_BATCH_NOT_FOUND", batchId));
	}

	/** Each refused declaration's problems, in the reader's language, by position. */
	private Map<Integer, List<SummaryEntry>> problemMessages(io.singlewindow.declaration.DeclarationBatch batch,
			Locale locale) {
		Map<Integer, List<SummaryEntry>> messages = new java.util.HashMap<>();
		batch.declarations().forEach(e -> messages.put(e.position(),
				e.problems().stream().map(p -> summaryEntry(p, locale)).toList()));
		return messages;
	}

	@GetMapping("/declarations/{id}/amend")
	String amendForm(@PathVariable UUID id, Model model, Locale locale) {
		Actor actor = currentActor.get();
		DeclarationView d = view(id);
		actor.requireActFor(io.singlewindow.core.Uscc.parse(d.declarant()), OperatorRight.DECLARE);
		if (!d.status().amendable()) {
			throw Declarations.notAmendable(d.number(), d.status());
		}
		Map<String, String> form = formOf(d);
		model.addAttribute("form", form);
		model.addAttribute("amending", d.number());
		return formPage(model, List.of(), "/declarations/" + id + "/amend", DeclarationForm.rows(form), locale);
	}

	/** The form's fields as the declaration declared them, header and lines (its own reference aside). */
	private static Map<String, String> formOf(DeclarationView d) {
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
			form.put(p + "tariffQuotaCertificate", i.tariffQuotaCertificate());
			form.put(p + "producer", i.producer());
		}
		return form;
	}

	@PostMapping("/declarations/{id}/amend")
	String amend(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			Locale locale) {
		Actor actor = currentActor.get();
		Map<String, String> form = params.toSingleValueMap();
		String action = "/declarations/" + id + "/amend";
		model.addAttribute("amending", view(id).number());
		if (editsRows(form)) {
			return formWithRows(model, form, action, locale);
		}
		if (form.containsKey("assess")) {
			return formAssessed(model, form, action, locale);
		}
		List<Integer> rowOf = new ArrayList<>();
		try {
			declarations.amend(actor, id, DeclarationForm.draft(form, rowOf));
			return "redirect:/declarations/" + id;
		}
		catch (Problem e) {
			return formAgain(model, form, e, rowOf, action, locale);
		}
	}

	private static boolean editsRows(Map<String, String> form) {
		return form.containsKey("addItem") || form.containsKey("removeItem");
	}

	private String formWithRows(Model model, Map<String, String> typed, String action, Locale locale) {
		Map<String, String> form = new java.util.HashMap<>(typed);
		form.remove("addItem");
		int rows = DeclarationForm.rows(form);
		String removed = form.remove("removeItem");
		if (removed != null && removed.matches("\\d{1,4}") && rows > 1) {
			form = DeclarationForm.withoutRow(form, Integer.parseInt(removed));
			rows--;
		}
		else if (typed.containsKey("addItem") && rows < DeclarationValidation.MAX_ITEMS) {
			rows++;
		}
		model.addAttribute("form", form);
		model.addAttribute("focus", typed.containsKey("addItem") ? "item" + (rows - 1) + "-hsCode" : null);
		return formPage(model, List.of(), action, rows, locale);
	}

	/**
	 * The form again with what it would be assessed today ("Check duties and taxes"), or with what a submission would
	 * refuse; nothing is stored either way, and everything typed stays to be submitted.
	 */
	private String formAssessed(Model model, Map<String, String> typed, String action, Locale locale) {
		Map<String, String> form = new java.util.HashMap<>(typed);
		form.remove("assess");
		List<Integer> rowOf = new ArrayList<>();
		try {
			model.addAttribute("assessment",
					declarations.estimate(currentActor.get(), DeclarationForm.draft(form, rowOf)));
		}
		catch (Problem e) {
			return formAgain(model, form, e, rowOf, action, locale);
		}
		model.addAttribute("form", form);
		return formPage(model, List.of(), action, DeclarationForm.rows(form), locale);
	}

	private String formAgain(Model model, Map<String, String> form, Problem e, List<Integer> rowOf, String action,
			Locale locale) {
		model.addAttribute("form", form);
		List<FieldProblem> problems = e.fieldProblems().isEmpty()
				? List.of(new FieldProblem("", e.code(), e.arguments()))
				: DeclarationForm.onRows(e.fieldProblems(), rowOf);
		return formPage(model, problems, action, DeclarationForm.rows(form), locale);
	}

	private static String plain(BigDecimal n) {
		return n == null ? null : n.stripTrailingZeros().toPlainString();
	}

	/**
	 * One entry of the error summary: the field's label as the page shows it, the id of its input (the summary links
	 * to it), and what is wrong.
	 */
	record SummaryEntry(String label, String inputId, String message) {
	}

	private String formPage(Model model, List<FieldProblem> problems, String action, int rows, Locale locale) {
		Actor actor = currentActor.get();
		List<String> declarants = DeclarationApi.declarants(actor);
		model.addAttribute("declarants", enterprises.findAll(declarants.stream()
			.map(io.singlewindow.core.Uscc::parse).toList()));
		model.addAttribute("problems", problems);
		model.addAttribute("summary", problems.stream().map(p -> summaryEntry(p, locale)).toList());
		model.addAttribute("errors", problems.stream().collect(Collectors.groupingBy(FieldProblem::field)));
		model.addAttribute("itemRows", java.util.stream.IntStream.range(0, rows).boxed().toList());
		model.addAttribute("action", action);
		if (action.equals("/declarations/new")) {
			Object shown = model.getAttribute("form");
			model.addAttribute(SUBMISSION, submissionKey(shown instanceof Map<?, ?> form ? form.get(SUBMISSION) : null));
		}
		model.addAttribute("required", DeclarationForm.REQUIRED);
		model.addAttribute("maxItems", DeclarationValidation.MAX_ITEMS);
		model.addAttribute("pickers", pickers.lists(locale));
		model.addAttribute("headerLists", HEADER_LISTS);
		model.addAttribute("itemLists", Map.of("unit", "units", "origin", "origins"));
		return "declaration/form";
	}

	private SummaryEntry summaryEntry(FieldProblem problem, Locale locale) {
		String message = messages.getMessage("problem." + problem.code(), problem.arguments(), problem.code(), locale);
		var item = java.util.regex.Pattern.compile("items\\[(\\d{1,4})](?:\\.(\\w+))?").matcher(problem.field());
		if (item.matches()) {
			int row = Integer.parseInt(item.group(1));
			String field = item.group(2) == null ? "hsCode" : item.group(2);
			String label = messages.getMessage("declaration.item", new Object[] { row + 1 }, locale) + " · "
					+ messages.getMessage("declaration.item." + field, null, field, locale);
			return new SummaryEntry(label, "item" + row + "-" + field, message);
		}
		if (problem.field().equals("items")) {
			return new SummaryEntry(messages.getMessage("declaration.items", null, locale), "item0-hsCode", message);
		}
		if (DeclarationForm.HEADER_FIELDS.contains(problem.field())) {
			String key = switch (problem.field()) {
				case "declarant", "flow" -> "declaration." + problem.field();
				default -> "declaration.field." + problem.field();
			};
			return new SummaryEntry(messages.getMessage(key, null, problem.field(), locale), problem.field(),
					message);
		}
		// A workbook's problem names its cell (Goods!D7) or the file.
		String where = problem.field().equals(WorkbookFile.FILE) ? null : problem.field();
		return new SummaryEntry(where == null || where.isEmpty() ? null : where, null, message);
	}

	@GetMapping("/declarations/{id}")
	String detail(@PathVariable UUID id, Model model) {
		return detail(model, store, documents, agreements, currentActor.get(), id);
	}

	/** The declaration's page as {@code actor} may see it: also a refused form's, shown again with what was typed. */
	static String detail(Model model, DeclarationStore store, SupportingDocuments documents,
			AgencyAgreements agreements, Actor actor, UUID id) {
		DeclarationView d = DeclarationApi.visible(actor,
				store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id)));
		model.addAttribute("d", d);
		model.addAttribute("documents", SupportingDocumentPages.OnPage.of(documents, actor, d));
		model.addAttribute("agreement", agreements.takenBy(actor, id)
			.map(read -> AgencyAgreementApi.AgreementView.of(read, agreements.partiesOf(List.of(read)))).orElse(null));
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
		model.addAttribute("documents", SupportingDocumentPages.OnPage.of(documents, currentActor.get(), d));
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
	String release(@PathVariable UUID id, Model model, Locale locale, HttpServletResponse response) {
		// A page shown before the declaration moved (its duties unpaid after all, released by a colleague) says why.
		return closing(id, "releaseError", null, model, locale, response, () -> {
			declarations.release(currentActor.get(), id);
			// The page then says what was recorded, so the officer need not read it off the status.
			return "redirect:/declarations/" + id + "?recorded=RELEASED";
		});
	}

	/** What a person typed as the reason for a withdrawal or a cancellation, and why it was refused. */
	record ReasonError(String message, String text) {
	}

	@PostMapping("/declarations/{id}/withdrawal")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model, Locale locale,
			HttpServletResponse response) {
		return closing(id, "withdrawError", reason, model, locale, response, () -> {
			declarations.withdraw(currentActor.get(), id, reason, null);
			return "redirect:/declarations/" + id + "?recorded=WITHDRAWN";
		});
	}

	@PostMapping("/declarations/{id}/cancellation")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model, Locale locale,
			HttpServletResponse response) {
		return closing(id, "cancelError", reason, model, locale, response, () -> {
			declarations.cancel(currentActor.get(), id, reason, null);
			return "redirect:/declarations/" + id + "?recorded=CANCELLED";
		});
	}

	@PostMapping("/declarations/{id}/cancellation-application")
	String applyForCancellation(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
			Locale locale, HttpServletResponse response) {
		return closing(id, "applyError", reason, model, locale, response, () -> {
			declarations.applyForCancellation(currentActor.get(), id, reason, null);
			return "redirect:/declarations/" + id + "?recorded=CANCELLATION_APPLIED";
		});
	}

	/**
	 * The refusal names the application the officer read ({@code appliedAt}, in the button's address): one made since,
	 * while the page stood open, is shown instead of being refused unread.
	 */
	@PostMapping("/declarations/{id}/cancellation-application/refusal")
	String refuseCancellation(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String appliedAt, Model model, Locale locale, HttpServletResponse response) {
		return closing(id, "cancelError", reason, model, locale, response, () -> {
			declarations.refuseCancellation(currentActor.get(), id, reason, instant("appliedAt", appliedAt));
			return "redirect:/declarations/" + id + "?recorded=CANCELLATION_REFUSED";
		});
	}

	/**
	 * A time a page sent back (what it showed, e.g. when an application was made); none is {@literal null}.
	 *
	 * @throws Problem 422 {@code MALFORMED_VALUE} at {@code field} when it is no time
	 */
	static java.time.Instant instant(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return java.time.Instant.parse(raw.strip());
		} catch (java.time.format.DateTimeParseException e) {
			throw Problem.invalidField(field, "MALFORMED_VALUE");
		}
	}

	/**
	 * A withdrawal, a cancellation, an application for one or its refusal from its form: done, or the page again with
	 * the reason as typed and why it was refused (under {@code errorName}); a person without the right, or a
	 * declaration that does not exist, is refused as any page would.
	 */
	private String closing(UUID id, String errorName, String reason, Model model, Locale locale,
			HttpServletResponse response, java.util.function.Supplier<String> act) {
		try {
			return act.get();
		} catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			model.addAttribute(errorName, new ReasonError(firstMessage(problem, locale), reason));
			return detail(id, model);
		}
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
		model.addAttribute("taskError", new TaskError(agency, field, firstMessage(problem, locale), typed));
		return detail(id, model);
	}

	private String firstMessage(Problem problem, Locale locale) {
		return firstMessage(messages, problem, locale);
	}

	/** The refusal in the reader's words: its first field's problem, or the problem itself when it names none. */
	static String firstMessage(MessageSource messages, Problem problem, Locale locale) {
		var first = problem.fieldProblems().isEmpty() ? null : problem.fieldProblems().getFirst();
		String code = first == null ? problem.code() : first.code();
		Object[] arguments = first == null ? problem.arguments() : first.arguments();
		return messages.getMessage("problem." + code, arguments, code, locale);
	}

	private DeclarationView view(UUID id) {
		DeclarationView view = store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		return DeclarationApi.visible(currentActor.get(), view);
	}
}
