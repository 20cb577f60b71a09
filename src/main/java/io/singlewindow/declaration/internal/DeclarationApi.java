package io.singlewindow.declaration.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Declarations", description = "Submit one goods declaration, follow every agency's decision")
class DeclarationApi {

	private final Declarations declarations;
	private final DeclarationCorrections corrections;
	private final SubmissionGroups submissions;
	private final DeclarationStore store;
	private final CurrentActor currentActor;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeclarationApi.class);

	private final DeclarationWorkbooks workbooks;
	private final org.springframework.context.MessageSource messages;
	private final BatchSubmissions batches;
	private final DeclarationListExport exports;
	private final DutyPayments payments;

	/**
	 * A workbook of at most this many declarations is submitted while the client waits, as one request of the form
	 * would be: five submissions take well under the API's usual answer time even on a busy node. A larger one (up to
	 * {@link DeclarationWorkbooks#MAX_DECLARATIONS}, each up to {@link DeclarationValidation#MAX_ITEMS} lines) could
	 * outlast a client's or a proxy's timeout, and a timeout would leave the client not knowing what was stored: it is
	 * accepted as a batch (202) and submitted by the batch job, and its outcomes are read from the batch's address.
	 */
	static final int SYNCHRONOUS_UP_TO = 5;

	/** Seconds a client is asked to wait before asking again how a batch is going. */
	static final int RETRY_AFTER_SECONDS = 2;

	DeclarationApi(Declarations declarations, DeclarationStore store, CurrentActor currentActor,
			DeclarationWorkbooks workbooks, org.springframework.context.MessageSource messages,
			BatchSubmissions batches, SubmissionGroups submissions, DeclarationListExport exports,
			DeclarationCorrections corrections, DutyPayments payments) {
		this.payments = payments;
		this.corrections = corrections;
		this.exports = exports;
		this.batches = batches;
		this.submissions = submissions;
		this.workbooks = workbooks;
		this.messages = messages;
		this.declarations = declarations;
		this.store = store;
		this.currentActor = currentActor;
	}

	static final String ROASTED_COFFEE = """
			{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"VN",
			 "tradingCountry":"VN","currency":"USD","incoterm":"CIF","packages":2,"grossWeight":12,"netWeight":10,
			 "items":[{"hsCode":"0901210000","description":"roasted coffee","quantity":10,"unit":"KGM","value":90,
			           "origin":"VN"}]}""";

	@PostMapping("/declarations")
	@ApiResponse(responseCode = "201", description = "The declaration is submitted: the whole declaration, or its "
			+ "receipt under Prefer: return=minimal", headers = {
					@Header(name = "Location", description = "The new declaration", schema = @Schema(type = "string")),
					@Header(name = "Preference-Applied", description = "return=minimal when the receipt is answered",
							schema = @Schema(type = "string")) },
			content = @Content(mediaType = "application/json",
					schema = @Schema(anyOf = { DeclarationView.class, Receipt.class })))
	@ApiResponse(responseCode = "200", description = "A retry with an Idempotency-Key or a clientReference seen "
			+ "before and the same body: the declaration it created", headers = {
					@Header(name = "Location", description = "The declaration", schema = @Schema(type = "string")),
					@Header(name = "Preference-Applied", description = "return=minimal when the receipt is answered",
							schema = @Schema(type = "string")) },
			content = @Content(mediaType = "application/json",
					schema = @Schema(anyOf = { DeclarationView.class, Receipt.class })))
	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			conflict = { "IDEMPOTENCY_KEY_REUSED", "PERMIT_CHANGED_DURING_SUBMISSION", "ENTERPRISE_NOT_ACTIVE",
					"AGENCY_AGREEMENT_TAKEN" },
			invalid = { "REQUIRED", "AGENCY_AGREEMENT_REQUIRED", "FLOW_UNKNOWN", "TRADE_MODE_UNKNOWN", "TRANSPORT_MODE_UNKNOWN", "LOCODE_UNKNOWN",
					"COUNTRY_UNKNOWN", "CURRENCY_UNKNOWN", "INCOTERM_UNKNOWN", "ITEMS_REQUIRED", "TOO_MANY_ITEMS",
					"HS_CODE_UNKNOWN", "HS_CODE_NOT_NATIONAL", "UNIT_UNKNOWN", "QUANTITY_NOT_POSITIVE",
					"STATISTICAL_QUANTITY_REQUIRED", "STATISTICAL_QUANTITY_DIFFERS", "STATISTICAL_UNIT_NOT_LEGAL",
					"VALUE_NOT_POSITIVE", "AMOUNT_NEGATIVE", "TOO_LARGE", "NET_WEIGHT_ABOVE_GROSS",
					"DESTINATION_NOT_CHINA", "ORIGIN_NOT_CHINA", "CERTIFICATE_INCOMPLETE", "EXCHANGE_RATE_MISSING",
					"GENERAL_RATE_MISSING",
					"CLIENT_REFERENCE_TOO_LONG", "CONTROL_CHARACTER", "TARIFF_QUOTA_IMPORT_ONLY",
					"TARIFF_QUOTA_NOT_APPLICABLE", "TARIFF_QUOTA_CERTIFICATE_REFUSED" })
	@Operation(summary = "Submit a goods declaration",
			description = "201 for a new declaration, 200 when the Idempotency-Key or the clientReference was seen "
					+ "before with the same body; 409 IDEMPOTENCY_KEY_REUSED with a different body (the header never "
					+ "replaces the clientReference, which is kept as sent); 422 lists every invalid field. "
					+ "With Prefer: return=minimal a new declaration is answered with its receipt (id, number, status) only. "
					+ "A spreadsheet goes to POST /declarations/workbooks.")
	ResponseEntity<?> submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "roastedCoffee",
					summary = "Roasted coffee from Viet Nam, imported by sea through Xiamen", value = ROASTED_COFFEE)))
			@RequestBody DeclarationRequest request,
			@Parameter(description = "Any unique text of the client's; a retry with the same key and body answers the "
					+ "same declaration (200). Not the declaration's reference: that is clientReference, else this key")
			@RequestHeader(name = "Idempotency-Key", required = false)
			String idempotencyKey,
			@Parameter(description = "return=minimal (RFC 7240) answers with the receipt only", example = "return=minimal")
			@RequestHeader(name = "Prefer", required = false) String prefer) {
		Actor actor = currentActor.get();
		IdempotencyKeys.requireWithinLimit(idempotencyKey);
		return respond(actor, submissions.submit(actor, new DeclarationDraft(request, List.of()), idempotencyKey),
				prefer);
	}

	@PostMapping("/declarations/assessments")
	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			conflict = "ENTERPRISE_NOT_ACTIVE",
			invalid = { "REQUIRED", "FLOW_UNKNOWN", "TRADE_MODE_UNKNOWN", "TRANSPORT_MODE_UNKNOWN", "LOCODE_UNKNOWN",
					"COUNTRY_UNKNOWN", "CURRENCY_UNKNOWN", "INCOTERM_UNKNOWN", "ITEMS_REQUIRED", "TOO_MANY_ITEMS",
					"HS_CODE_UNKNOWN", "HS_CODE_NOT_NATIONAL", "UNIT_UNKNOWN", "QUANTITY_NOT_POSITIVE",
					"STATISTICAL_QUANTITY_REQUIRED", "STATISTICAL_QUANTITY_DIFFERS", "STATISTICAL_UNIT_NOT_LEGAL",
					"VALUE_NOT_POSITIVE", "AMOUNT_NEGATIVE", "TOO_LARGE", "NET_WEIGHT_ABOVE_GROSS",
					"DESTINATION_NOT_CHINA", "ORIGIN_NOT_CHINA", "CERTIFICATE_INCOMPLETE", "EXCHANGE_RATE_MISSING",
					"GENERAL_RATE_MISSING",
					"CLIENT_REFERENCE_TOO_LONG", "CONTROL_CHARACTER", "TARIFF_QUOTA_IMPORT_ONLY",
					"TARIFF_QUOTA_NOT_APPLICABLE", "TARIFF_QUOTA_CERTIFICATE_REFUSED" })
	@Operation(summary = "What a declaration would be assessed if submitted today; nothing is stored",
			description = "The body of POST /declarations. Every check a submission makes, then its duties and "
					+ "taxes line by line at today's tariff and exchange rate (as ASYCUDA assesses before registering): "
					+ "200 with the assessment (waived: what the small-amount rule does not collect), or the "
					+ "403/409/422 the submission would meet. No number is taken, no risk check or agency is asked; a "
					+ "submission is assessed at the rates of its own day.")
	io.singlewindow.tariff.Assessment estimate(@RequestBody DeclarationRequest request) {
		return declarations.estimate(currentActor.get(), new DeclarationDraft(request, List.of()));
	}

	private ResponseEntity<?> respond(Actor actor, Declarations.Submission submission, String prefer) {
		var response = ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.LOCATION, "/api/v1/declarations/" + submission.id());
		if (prefer != null && prefer.contains("return=minimal")) {
			// RFC 7240: a machine client that follows the declaration by status events or GET asks for the receipt
			// only, which spares re-reading and serialising the whole declaration. A replay answers the same way as
			// the first submission did (its receipt shows the current status).
			Receipt receipt = submission.created()
					? new Receipt(submission.id(), submission.number(), submission.status())
					: Receipt.of(visible(actor, store.find(submission.id()).orElseThrow()));
			return response.header("Preference-Applied", "return=minimal").body(receipt);
		}
		return response.body(visible(actor, store.find(submission.id()).orElseThrow()));
	}

	@GetMapping(path = "/declarations/export.xlsx", produces = DeclarationListExport.CONTENT_TYPE)
	@Refuses(forbidden = "ROLE_REQUIRED", invalid = { "DECLARATION_STATUS_UNKNOWN", "SIZE", "CONTROL_CHARACTER",
			"DATE_FORMAT", "DATE_BEFORE_START" })
	@Operation(summary = "The caller's declarations as one spreadsheet, narrowed as GET /declarations is",
			description = "Every declaration that q, status, submittedFrom and submittedTo select (as GET /declarations "
					+ "reads them), newest first, one row each: number, own reference, declarant, flow, trade mode, "
					+ "status, submitted, cleared and released (Beijing time), customs value, duty, excise, VAT and "
					+ "their sum in CNY as numbers. Headings in the caller's language. Not paged.")
	@ApiResponse(responseCode = "200", description = "The spreadsheet (XLSX)", content = @Content(
			mediaType = DeclarationListExport.CONTENT_TYPE, schema = @Schema(type = "string", format = "binary")))
	void export(@RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String submittedFrom,
			@RequestParam(required = false) String submittedTo, java.util.Locale locale,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		DeclarationSearch search = DeclarationSearch.read(q, status, submittedFrom, submittedTo);
		exports.answer(response, declarants(actor), search, locale);
	}

	@GetMapping(path = "/declarations/template.xlsx", produces = DeclarationWorkbooks.CONTENT_TYPE)
	@Refuses(forbidden = "ROLE_REQUIRED")
	@Operation(summary = "The declaration spreadsheet template, headings in the caller's language",
			description = "Sheets: declarations (one per row), goods lines (each naming its declaration by ref), notes, "
					+ "and the code lists behind the drop-downs. Fill it and POST it to /api/v1/declarations/workbooks.")
	ResponseEntity<byte[]> template(java.util.Locale locale) {
		currentActor.get().requireRole(Role.TRADER, Role.BROKER);
		return templateFile(workbooks, locale);
	}

	static ResponseEntity<byte[]> templateFile(DeclarationWorkbooks workbooks, java.util.Locale locale) {
		var out = new java.io.ByteArrayOutputStream();
		workbooks.writeTemplate(out, locale);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(DeclarationWorkbooks.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"declaration-template.xlsx\"")
			.body(out.toByteArray());
	}

	@ApiResponse(responseCode = "201", description = "A workbook of one declaration: submitted, answered like a JSON "
			+ "submission (the declaration, or its receipt under Prefer: return=minimal)", headers = {
					@Header(name = "Location", description = "The new declaration", schema = @Schema(type = "string")) },
			content = @Content(mediaType = "application/json",
					schema = @Schema(anyOf = { DeclarationView.class, Receipt.class })))
	@ApiResponse(responseCode = "200", description = "A workbook of one declaration seen before (the declaration it "
			+ "created); of 2 to " + SYNCHRONOUS_UP_TO + ": the outcome of each; of more, sent again with the same "
			+ "Idempotency-Key: the batch accepted the first time, nothing stored anew",
			headers = { @Header(name = "Location", description = "The declaration, or the batch",
					schema = @Schema(type = "string")) },
			content = @Content(mediaType = "application/json",
					schema = @Schema(anyOf = { DeclarationView.class, Receipt.class, WorkbookResult.class,
							BatchProgress.class })))
	@ApiResponse(responseCode = "202", description = "A workbook of more than " + SYNCHRONOUS_UP_TO + " declarations: "
			+ "accepted as a batch (stored, nothing submitted yet); follow its progress at Location", headers = {
					@Header(name = "Location", description = "The batch: GET it for its progress and outcomes",
							schema = @Schema(type = "string")),
					@Header(name = "Retry-After", description = "Seconds to wait before asking",
							schema = @Schema(type = "integer")) },
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchProgress.class)))
	// Its own path rather than a second content type of POST /declarations: OpenAPI has one operation per path and
	// method, and merging the two left generated clients unable to tell a declaration from a batch's outcomes.
	@PostMapping(path = "/declarations/workbooks", consumes = DeclarationWorkbooks.CONTENT_TYPE)
	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			conflict = { "IDEMPOTENCY_KEY_REUSED", "PERMIT_CHANGED_DURING_SUBMISSION", "ENTERPRISE_NOT_ACTIVE",
					"AGENCY_AGREEMENT_TAKEN" },
			invalid = { "WORKBOOK_NOT_XLSX", "WORKBOOK_LEGACY_XLS", "WORKBOOK_ENCRYPTED", "WORKBOOK_MACROS",
					"WORKBOOK_UNPACKS_TOO_LARGE", "WORKBOOK_TOO_LARGE", "WORKBOOK_SHEET_MISSING",
					"WORKBOOK_NO_DECLARATION", "WORKBOOK_COLUMN_UNKNOWN", "WORKBOOK_COLUMN_MISSING",
					"WORKBOOK_TOO_MANY_ROWS", "WORKBOOK_REFERENCE_DUPLICATE", "WORKBOOK_REFERENCE_UNKNOWN",
					"WORKBOOK_FORMULA_WITHOUT_VALUE", "WORKBOOK_CELL_ERROR", "NUMBER_UNREADABLE", "INTEGER_REQUIRED",
					"REQUIRED", "HS_CODE_NOT_NATIONAL", "HS_CODE_UNKNOWN", "CURRENCY_UNKNOWN", "LOCODE_UNKNOWN" })
	@Operation(summary = "Submit the declarations of a spreadsheet (the template of GET /declarations/template.xlsx)",
			description = "A workbook with one declaration is answered like a JSON submission (201, 200 for a repeat, "
					+ "422 with every problem named by cell, e.g. Goods!D7). A workbook of 2 to "
					+ SYNCHRONOUS_UP_TO + " is submitted while the client waits: each declaration on its own, 200 "
					+ "lists the outcome of each (CREATED, REPEATED, REJECTED with its cells' problems); 422 when every "
					+ "one was rejected. A larger one is a batch: 202 Accepted with Location "
					+ "/api/v1/declarations/workbooks/{batchId} and Retry-After; a job submits each declaration on its "
					+ "own and GET on the Location answers the progress and each one's outcome; the owner's webhooks "
					+ "get a declaration.batch.finished event. A declaration with a clientReference is kept under it "
					+ "(sent again in any workbook it is REPEATED; with other content refused IDEMPOTENCY_KEY_REUSED at "
					+ "its cell); the Idempotency-Key covers each other declaration as key/ref (longer than 100 "
					+ "characters: its first 83, ~ and 16 hex digits of its SHA-256); "
					+ "the same key with the same workbook answers the batch accepted before (200), with another "
					+ "workbook 409 IDEMPOTENCY_KEY_REUSED. A file that is no usable workbook is refused whole (422).")
	ResponseEntity<?> submitWorkbook(@RequestBody byte[] workbook,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = "Prefer", required = false) String prefer, java.util.Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		IdempotencyKeys.requireWithinLimit(idempotencyKey);
		List<DeclarationWorkbooks.Entry> entries = workbooks.read(workbook);
		if (entries.size() > SYNCHRONOUS_UP_TO) {
			var acceptance = batches.accept(actor, "WORKBOOK", idempotencyKey,
					entries.stream().map(DeclarationWorkbooks.Entry::batched).toList());
			var batch = batches.find(actor, acceptance.batchId()).orElseThrow();
			return ResponseEntity.status(acceptance.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
				.header(HttpHeaders.LOCATION, "/api/v1/declarations/workbooks/" + acceptance.batchId())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
				.body(BatchProgress.of(batch, messages, locale));
		}
		if (entries.size() == 1) {
			var entry = entries.getFirst();
			List<Integer> rowOf = new java.util.ArrayList<>();
			try {
				return respond(actor, declarations.submit(actor, entry.draft(rowOf),
						IdempotencyKeys.ownReferenceOr(entry.form().get("clientReference"), idempotencyKey)), prefer);
			}
			catch (Problem problem) {
				throw problem.fieldProblems().isEmpty() ? problem
						: Problem.invalidInput(entry.onCells(problem.fieldProblems(), rowOf));
			}
		}
		List<WorkbookOutcome> outcomes = new java.util.ArrayList<>();
		List<FieldProblem> everyProblem = new java.util.ArrayList<>();
		for (var entry : entries) {
			String key = IdempotencyKeys.ownReferenceOr(entry.form().get("clientReference"),
					idempotencyKey == null ? null : IdempotencyKeys.ofDeclarationInBatch(idempotencyKey, entry.reference()));
			List<Integer> rowOf = new java.util.ArrayList<>();
			try {
				var submission = declarations.submit(actor, entry.draft(rowOf), key);
				var view = store.find(submission.id()).orElseThrow();
				outcomes.add(new WorkbookOutcome(entry.reference(), entry.row(),
						submission.created() ? "CREATED" : "REPEATED", view.id(), view.number(), view.status(), null,
						List.of()));
			}
			catch (Problem problem) {
				List<FieldProblem> cells = entry.problemsOf(problem, key, rowOf);
				everyProblem.addAll(cells);
				outcomes.add(new WorkbookOutcome(entry.reference(), entry.row(), "REJECTED", null, null, null,
						problem.code(), cells.stream().map(p -> CellProblem.of(p, messages, locale)).toList()));
			}
		}
		log.info("event=declaration_workbook_submitted declarations={} rejected={}", outcomes.size(),
				outcomes.stream().filter(o -> o.outcome().equals("REJECTED")).count());
		if (outcomes.stream().allMatch(o -> o.outcome().equals("REJECTED"))) {
			throw Problem.invalidInput(everyProblem);
		}
		return ResponseEntity.ok(new WorkbookResult(outcomes.size(),
				outcomes.stream().filter(o -> o.outcome().equals("CREATED")).count(),
				outcomes.stream().filter(o -> o.outcome().equals("REPEATED")).count(),
				outcomes.stream().filter(o -> o.outcome().equals("REJECTED")).count(), outcomes));
	}

	@GetMapping("/declarations/workbooks/{batchId}")
	@ApiResponse(responseCode = "200", description = "The batch's progress and each declaration's outcome so far",
			headers = @Header(name = "Retry-After", description = "While declarations are pending: seconds to wait "
					+ "before asking again", schema = @Schema(type = "integer")))
	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "DECLARATION_BATCH_NOT_FOUND")
	@Operation(summary = "A batch of declarations (a workbook of several): progress and each declaration's outcome",
			description = "total, submitted, refused and pending count the batch's declarations; each one has its "
					+ "reference in the workbook, its header row, its state (PENDING, SUBMITTED, REFUSED) and either "
					+ "the declaration (id, number, current status; repeated when its key named an earlier one) or "
					+ "the refusal's code and problems by cell. finishedAt is set once none is pending. Only the "
					+ "submitter's enterprise sees a batch; another's is not found.")
	ResponseEntity<BatchProgress> batch(@PathVariable UUID batchId, java.util.Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		var batch = batches.find(actor, batchId).filter(io.singlewindow.declaration.DeclarationBatch::accepted)
			.orElseThrow(() -> Problem.notFound("DECLARATION_BATCH_NOT_FOUND", batchId));
		var response = ResponseEntity.ok();
		if (!batch.finished()) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		}
		return response.body(BatchProgress.of(batch, messages, locale));
	}

	/**
	 * A batch as its API answers it.
	 *
	 * @param finishedAt when the last declaration was submitted or refused; {@literal null} while some are pending
	 */
	record BatchProgress(UUID id, String channel, java.time.Instant receivedAt, java.time.Instant finishedAt,
			int total, long submitted, long refused, long pending, List<BatchOutcome> declarations) {

		static BatchProgress of(io.singlewindow.declaration.DeclarationBatch batch,
				org.springframework.context.MessageSource messages, java.util.Locale locale) {
			return new BatchProgress(batch.id(), batch.channel(), batch.receivedAt(), batch.finishedAt(), batch.total(),
					batch.submitted(), batch.refused(), batch.pending(), batch.declarations().stream()
						.map(e -> new BatchOutcome(e.position(), e.reference(), e.source(), e.lines(), e.state().name(),
								e.declarationId(), e.number(), e.status(), e.repeated(), e.code(), e.problems().stream()
									.map(p -> CellProblem.of(p, messages, locale)).toList()))
						.toList());
		}
	}

	/**
	 * One declaration of a batch.
	 *
	 * @param source its header row in the workbook, e.g. {@code Declarations!3}
	 * @param state {@code PENDING}, {@code SUBMITTED} or {@code REFUSED}
	 * @param status the declaration's consolidated status now, once submitted
	 * @param repeated its key named a declaration submitted before: that one is answered, nothing stored anew
	 * @param code the refusal's stable code ({@code INVALID_INPUT}, {@code IDEMPOTENCY_KEY_REUSED} …)
	 * @param errors the refusal's problems, each named by its cell ({@code Goods!D7})
	 */
	record BatchOutcome(int position, String reference, String source, int lines, String state, UUID declarationId,
			String number, String status, boolean repeated, String code, List<CellProblem> errors) {
	}

	/** The answer to a workbook of several declarations: how many went which way, and each one's outcome. */
	record WorkbookResult(int declarations, long created, long repeated, long rejected,
			List<WorkbookOutcome> results) {
	}

	/**
	 * @param reference the declaration's ref in the workbook
	 * @param row its header row, e.g. {@code Declarations!3}
	 * @param outcome {@code CREATED}, {@code REPEATED} (an earlier submission with the same key) or {@code REJECTED}
	 * @param code the refusal's stable code ({@code INVALID_INPUT}, {@code IDEMPOTENCY_KEY_REUSED} …)
	 */
	record WorkbookOutcome(String reference, String row, String outcome, UUID id, String number,
			DeclarationStatus status, String code, List<CellProblem> errors) {
	}

	/** One problem of a cell, like an entry of a problem's {@code errors[]}. */
	record CellProblem(String field, String code, String message) {

		static CellProblem of(FieldProblem p, org.springframework.context.MessageSource messages,
				java.util.Locale locale) {
			return new CellProblem(p.field(), p.code(),
					messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale));
		}
	}

	/** The short answer to a submission under {@code Prefer: return=minimal}. */
	record Receipt(UUID id, String number, DeclarationStatus status) {

		static Receipt of(DeclarationView view) {
			return new Receipt(view.id(), view.number(), view.status());
		}
	}

	@GetMapping("/declarations")
	@Refuses(forbidden = "ROLE_REQUIRED", invalid = { "DECLARATION_STATUS_UNKNOWN", "SIZE", "CONTROL_CHARACTER",
			"MALFORMED_VALUE", "DATE_FORMAT", "DATE_BEFORE_START", "TOO_SMALL", "TOO_LARGE", "CURSOR_INVALID" })
	@Operation(summary = "The caller's declarations (trader: own enterprise; broker: its principals), newest first, "
			+ "a page at a time",
			description = "q: a piece of the declaration number or of the caller's own reference, or the user name "
					+ "of the operator who declared (whole; case-insensitive, literal); submittedBy on each row; status: one status (UNDER_REVIEW, QUERIED, REJECTED, WITHDRAWN, CLEARED, RELEASED, CANCELLED); "
					+ "submittedFrom, submittedTo: the first and the last day of submission (YYYY-MM-DD, both included), "
					+ "days of the zone's time (Beijing, UTC+8) as every date the platform shows. "
					+ "The Link header's next page keeps them all. Each row carries its duties as the declaration "
					+ "shows them (duties: amountDue, payBy, overdue, payment, guarantee, refundDue …; null before the "
					+ "clearance and where nothing is owed), so a declarant's system finds what it must still pay.")
	ResponseEntity<List<DeclarationStore.Summary>> list(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String submittedFrom,
			@RequestParam(required = false) String submittedTo) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return store.listFor(declarants(actor), DeclarationSearch.read(q, status, submittedFrom, submittedTo),
				PageRequest.read(limit, cursor)).answer();
	}

	@GetMapping("/declarations/{id}")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	@Operation(summary = "A declaration with its consolidated status, agency tasks and timeline",
			description = "Its totals are the duties and taxes collected; taxesWaived says what the consignment would "
					+ "have owed of each tax it is not charged (50 CNY or less, docs/tariff.md), null before assessment. "
					+ "duties is what it owes and its payment (null where nothing is owed); when the clearance owed "
					+ "nothing and a correction asks since, duties.taxes is 0, payBy null and differencesUnpaid the "
					+ "correction's own notice (corrections[].difference).")
	DeclarationView get(@PathVariable UUID id) {
		return visible(currentActor.get(), load(id));
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	@GetMapping("/declarations/{id}/response")
	@Operation(summary = "Download the consolidated response as a JSON file")
	ResponseEntity<DeclarationView> response(@PathVariable UUID id) {
		DeclarationView view = visible(currentActor.get(), load(id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + view.number() + ".json\"")
			.body(view);
	}

	@org.springframework.web.bind.annotation.PutMapping("/declarations/{id}")
	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_AMENDABLE", "DECLARATION_CHANGED", "PERMIT_CHANGED_DURING_SUBMISSION" },
			invalid = { "REQUIRED", "FLOW_UNKNOWN", "TRADE_MODE_UNKNOWN", "TRANSPORT_MODE_UNKNOWN", "LOCODE_UNKNOWN",
					"COUNTRY_UNKNOWN", "CURRENCY_UNKNOWN", "INCOTERM_UNKNOWN", "ITEMS_REQUIRED", "TOO_MANY_ITEMS",
					"HS_CODE_UNKNOWN", "HS_CODE_NOT_NATIONAL", "UNIT_UNKNOWN", "QUANTITY_NOT_POSITIVE",
					"STATISTICAL_QUANTITY_REQUIRED", "STATISTICAL_QUANTITY_DIFFERS", "STATISTICAL_UNIT_NOT_LEGAL",
					"VALUE_NOT_POSITIVE", "AMOUNT_NEGATIVE", "TOO_LARGE", "NET_WEIGHT_ABOVE_GROSS",
					"DESTINATION_NOT_CHINA", "ORIGIN_NOT_CHINA", "CERTIFICATE_INCOMPLETE", "EXCHANGE_RATE_MISSING",
					"GENERAL_RATE_MISSING",
					"CLIENT_REFERENCE_TOO_LONG", "CONTROL_CHARACTER", "TARIFF_QUOTA_IMPORT_ONLY",
					"TARIFF_QUOTA_NOT_APPLICABLE", "TARIFF_QUOTA_CERTIFICATE_REFUSED" })
	@Operation(summary = "Amend a declaration under review or queried",
			description = "Validated like a submission; only the agencies whose lines changed decide again. "
					+ "409 DECLARATION_NOT_AMENDABLE once rejected, cleared or released; with version, 409 "
					+ "DECLARATION_CHANGED when it changed since the caller read that version. The last amendment "
					+ "sent again (the same body, with the version it was made from or none) is answered as the "
					+ "first time: the declaration as it is, no new version.")
	DeclarationView amend(@PathVariable UUID id, @RequestBody DeclarationRequest request) {
		Actor actor = currentActor.get();
		return visible(actor, declarations.amend(actor, id, request));
	}

	record Answer(String answer) {
	}

	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "DECLARATION_NOT_FOUND",
			conflict = { "TASK_NOT_QUERIED", "DECLARATION_CLOSED" }, invalid = { "REQUIRED", "AGENCY_CODE_FORMAT" })
	@PostMapping("/declarations/{id}/queries/{agency}/answer")
	@Operation(summary = "Answer an agency's question; its task returns to the officer queue")
	DeclarationView answer(@PathVariable UUID id, @PathVariable String agency, @RequestBody Answer answer) {
		Actor actor = currentActor.get();
		return visible(actor, declarations.answer(actor, id, AgencyCode.of(agency), answer.answer()));
	}

	/**
	 * @param reason why the declarant withdraws it, required
	 * @param version the declaration's version the caller read; without it, withdrawn as it is now
	 */
	record Withdrawal(String reason, Integer version) {
	}

	@PostMapping("/declarations/{id}/withdrawal")
	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_WITHDRAWABLE", "DECLARATION_CHANGED" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Withdraw a declaration under review or queried (its declarant)",
			description = "Final: no agency decides it any more, its permit write-offs are given back, the declarant's "
					+ "webhooks and the agencies' systems hear WITHDRAWN. 409 DECLARATION_NOT_WITHDRAWABLE once "
					+ "rejected, withdrawn, cleared or released (a cleared declaration is the agencies' business); "
					+ "with version, 409 DECLARATION_CHANGED when it changed since the caller read that version.")
	DeclarationView withdraw(@PathVariable UUID id, @RequestBody Withdrawal withdrawal) {
		Actor actor = currentActor.get();
		return visible(actor, declarations.withdraw(actor, id, withdrawal.reason(), withdrawal.version()));
	}

	@PostMapping("/declarations/{id}/release")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CLEARED", "DUTIES_UNPAID", "DIFFERENCE_UNPAID" })
	@Operation(summary = "Release the goods of a cleared declaration (customs officers)",
			description = "Once the duties and taxes it owes are paid (duties.payment; POST …/duty-payment) or a "
					+ "guarantee covers them (duties.guarantee; POST …/duty-guarantee): 409 DUTIES_UNPAID before; and "
					+ "what a correction made after the payment added on its own notice (duties.differencesUnpaid; "
					+ "POST …/corrections/{correctionId}/settlement): 409 DIFFERENCE_UNPAID before. A declaration that "
					+ "owes none (duties absent) is released at once.")
	DeclarationView release(@PathVariable UUID id) {
		return declarations.release(currentActor.get(), id);
	}

	/**
	 * @param amount what was paid, CNY: the duties and taxes and any late-payment surcharge, as {@code
	 *     duties.amountDue} gives it for that day
	 * @param paidOn the day the bank took the payment (a day of the zone); without it, today
	 * @param reference the bank's reference of the payment (its transaction or receipt number), required
	 */
	record DutyPaymentRecord(java.math.BigDecimal amount, java.time.LocalDate paidOn, String reference) {
	}

	@PostMapping("/declarations/{id}/duty-payment")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CLEARED", "NO_DUTIES_DUE", "DUTIES_ALREADY_PAID" },
			invalid = { "REQUIRED", "SIZE", "CONTROL_CHARACTER", "PAYMENT_DATE_IN_FUTURE", "PAYMENT_BEFORE_NOTICE",
					"PAYMENT_AMOUNT_DIFFERS" })
	@Operation(summary = "Record the payment of a cleared declaration's duties and taxes (customs officers; 税款缴纳)",
			description = "As the bank reported it to customs: the whole amount due on the day paid, in one payment — "
					+ "the duties and taxes, paid within 15 days of the clearance (a last day on a weekend or holiday of "
					+ "the zone's calendar moves to the next working day), and after that day a late-payment surcharge "
					+ "of 0.05 % a day, not collected under 50 CNY (duties.payBy, duties.amountDue). The goods may "
					+ "then be released. The same payment recorded again answers as the first and changes nothing. "
					+ "422 at amount: REQUIRED, PAYMENT_AMOUNT_DIFFERS (with the amount due that day); at paidOn: "
					+ "PAYMENT_DATE_IN_FUTURE, PAYMENT_BEFORE_NOTICE (before the clearance); at reference: REQUIRED, "
					+ "SIZE, CONTROL_CHARACTER. 409 DECLARATION_NOT_CLEARED unless cleared or released, NO_DUTIES_DUE "
					+ "when it owes none, DUTIES_ALREADY_PAID when another payment settled them.")
	DeclarationView recordDutyPayment(@PathVariable UUID id, @RequestBody DutyPaymentRecord payment) {
		return payments.record(currentActor.get(), id, payment.amount(), payment.paidOn(), payment.reference());
	}

	/**
	 * @param kind {@code DEPOSIT} (保证金, money held by customs) or {@code BANK_GUARANTEE} (保函, a bank's letter)
	 * @param amount what it covers, CNY: at least {@code duties.amountDue} that day
	 * @param validUntil a letter of guarantee's last day, at least {@code duties.payBy}; not for a deposit
	 * @param reference the letter's number or the deposit's receipt, required
	 */
	record DutyGuaranteeRecord(String kind, java.math.BigDecimal amount, java.time.LocalDate validUntil,
			String reference) {
	}

	@PostMapping("/declarations/{id}/duty-guarantee")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CLEARED", "NO_DUTIES_DUE", "DUTIES_ALREADY_PAID", "DUTIES_ALREADY_GUARANTEED",
					"GENERAL_GUARANTEE_RETURNED", "SUMMARY_STATEMENT_OVERDUE" },
			invalid = { "REQUIRED", "SIZE", "CONTROL_CHARACTER", "GUARANTEE_KIND_UNKNOWN", "GUARANTEE_TOO_SMALL",
					"TOO_LARGE", "GUARANTEE_EXPIRES_TOO_SOON", "GENERAL_GUARANTEE_UNKNOWN",
					"GENERAL_GUARANTEE_EXHAUSTED", "SUMMARY_PAYMENT_TOO_LATE" })
	@Operation(summary = "Accept a guarantee for a cleared declaration's duties and taxes, so that its goods are "
			+ "released before their payment (customs officers; 担保放行)",
			description = "A cash deposit (kind DEPOSIT, 保证金) or a bank's letter of guarantee (BANK_GUARANTEE, 保函) "
					+ "covering at least the amount due that day (duties.amountDue), a letter valid at least to the last "
					+ "day to pay (duties.payBy). The goods may then be released; the duties stay owed by that day, "
					+ "with a late-payment surcharge after it, and their payment discharges the guarantee "
					+ "(duties.guarantee.discharged). The same guarantee recorded again answers as the first and changes "
					+ "nothing. 422 at kind: REQUIRED, GUARANTEE_KIND_UNKNOWN; at amount: REQUIRED, GUARANTEE_TOO_SMALL "
					+ "(with the amount due), TOO_LARGE (over 16 digits before the point); at validUntil (a letter): "
					+ "REQUIRED, GUARANTEE_EXPIRES_TOO_SOON (with the "
					+ "last day to pay); at reference: REQUIRED, SIZE, CONTROL_CHARACTER. 409 DECLARATION_NOT_CLEARED "
					+ "unless cleared and not yet released, NO_DUTIES_DUE, DUTIES_ALREADY_PAID, "
					+ "DUTIES_ALREADY_GUARANTEED (another guarantee is on record). Kind GENERAL draws the amount on "
					+ "the declarant's general guarantee (总担保, POST /api/v1/general-guarantees) named by reference, "
					+ "valid as long as it is (validUntil ignored): 422 at reference GENERAL_GUARANTEE_UNKNOWN (the "
					+ "declarant has none of that reference), GUARANTEE_EXPIRES_TOO_SOON (its letter ends before the "
					+ "last day to pay); at amount GENERAL_GUARANTEE_EXHAUSTED (with what it still covers); 409 "
					+ "GENERAL_GUARANTEE_RETURNED (customs gave it back). A general guarantee lodged for summary "
					+ "payment (汇总征税) moves the last day to pay to its monthly statement's (the fifth working day of "
					+ "the month after the clearance's, or the declaration's own if later; duties.guarantee.summary): "
					+ "422 at reference SUMMARY_PAYMENT_TOO_LATE once the declaration's own last day has passed; 409 "
					+ "SUMMARY_STATEMENT_OVERDUE while one of the guarantee's statements is overdue (with its month "
					+ "and last day): no more declarations go on a statement until it is paid.")
	DeclarationView acceptDutyGuarantee(@PathVariable UUID id, @RequestBody DutyGuaranteeRecord guarantee) {
		return payments.guarantee(currentActor.get(), id, guarantee.kind(), guarantee.amount(), guarantee.validUntil(),
				guarantee.reference());
	}

	@PostMapping("/declarations/{id}/duty-guarantee/enforcement")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CLEARED", "DUTIES_NOT_GUARANTEED", "DUTIES_ALREADY_PAID" },
			invalid = { "REQUIRED", "SIZE", "CONTROL_CHARACTER", "PAYMENT_DATE_IN_FUTURE", "DUTIES_NOT_YET_OVERDUE",
					"GUARANTEE_EXPIRED", "GUARANTEE_DOES_NOT_COVER", "PAYMENT_AMOUNT_DIFFERS" })
	@Operation(summary = "Record the duties taken from the guarantee once the last day to pay passed unpaid (customs "
			+ "officers; 从担保中抵缴)",
			description = "The goods were released against a guarantee (duties.guarantee, state HELD) and the last day to "
					+ "pay (duties.payBy) passed without the payment: customs takes the duties and taxes, with the "
					+ "late-payment surcharge of that day, from the deposit, or calls on the bank under its letter while "
					+ "it is valid. The body is the payment's: the whole amount due on the day taken (paidOn, without "
					+ "it today), which the guarantee must cover, and the reference of the conversion or of the bank's "
					+ "payment. The duties are then paid (duties.payment) and the guarantee's state is ENFORCED. The "
					+ "same taking recorded again answers as the first and changes nothing. 422 at amount: REQUIRED, "
					+ "GUARANTEE_DOES_NOT_COVER (the amount due that day is over what the guarantee covers: the "
					+ "declarant pays, POST …/duty-payment), PAYMENT_AMOUNT_DIFFERS (with the amount due that day); at "
					+ "paidOn: PAYMENT_DATE_IN_FUTURE, DUTIES_NOT_YET_OVERDUE (on or before the last day to pay, with "
					+ "it), GUARANTEE_EXPIRED (after a letter's last day, with it); at reference: REQUIRED, SIZE, "
					+ "CONTROL_CHARACTER. 409 DECLARATION_NOT_CLEARED unless cleared or released (a cancelled "
					+ "declaration's guarantee is returned), DUTIES_NOT_GUARANTEED, DUTIES_ALREADY_PAID.")
	DeclarationView enforceDutyGuarantee(@PathVariable UUID id, @RequestBody DutyPaymentRecord taken) {
		return payments.enforceGuarantee(currentActor.get(), id, taken.amount(), taken.paidOn(), taken.reference());
	}

	@PostMapping("/declarations/{id}/duty-refund")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CANCELLED", "NOTHING_TO_REFUND", "DUTIES_ALREADY_REFUNDED" },
			invalid = { "REQUIRED", "SIZE", "CONTROL_CHARACTER", "PAYMENT_DATE_IN_FUTURE", "REFUND_AMOUNT_DIFFERS" })
	@Operation(summary = "Record the refund of what a cancelled declaration's declarant paid (customs officers; 退税)",
			description = "A declaration customs cancels after its duties were paid owes them back (duties.refundDue): "
					+ "the taxes its first notice was paid (not a late-payment surcharge), with what corrections' own "
					+ "notices collected since and less what they refunded. The body is the payment's, as customs' bank "
					+ "paid it back: the whole amount, the day (paidOn), the bank's reference. The same refund recorded "
					+ "again answers as the first and changes nothing. 422 at amount: REQUIRED, REFUND_AMOUNT_DIFFERS "
					+ "(with the amount owed back); at paidOn: PAYMENT_DATE_IN_FUTURE; at reference: REQUIRED, SIZE, "
					+ "CONTROL_CHARACTER. 409 DECLARATION_NOT_CANCELLED unless cancelled, NOTHING_TO_REFUND when nothing "
					+ "was paid, DUTIES_ALREADY_REFUNDED when another refund is on record.")
	DeclarationView recordDutyRefund(@PathVariable UUID id, @RequestBody DutyPaymentRecord refund) {
		return payments.refund(currentActor.get(), id, refund.amount(), refund.paidOn(), refund.reference());
	}

	@PostMapping("/declarations/{id}/corrections/{correctionId}/settlement")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = { "DECLARATION_NOT_FOUND", "CORRECTION_NOT_FOUND" },
			conflict = { "DECLARATION_NOT_CLEARED", "NO_DIFFERENCE_DUE", "DIFFERENCE_ALREADY_SETTLED" },
			invalid = { "REQUIRED", "SIZE", "CONTROL_CHARACTER", "PAYMENT_DATE_IN_FUTURE", "SETTLEMENT_BEFORE_NOTICE",
					"SETTLEMENT_AMOUNT_DIFFERS" })
	@Operation(summary = "Record the collection (补税) or refund (退税) of what a correction changed in duties and taxes "
			+ "after the payment or the release (customs officers)",
			description = "A correction made once the duties were paid or the goods released is a notice of its own "
					+ "(corrections[].difference): what it adds (kind COLLECT) is paid within 15 days of the "
					+ "correction, after that with a late-payment surcharge of 0.05 % a day not collected under 50 CNY, "
					+ "as the first notice; what it takes off (kind REFUND) customs pays back. The body is the "
					+ "payment's as the bank reported it: the whole amount (difference.amountDue on the day paid), the "
					+ "day, the bank's reference. The same settlement recorded again answers as the first and changes "
					+ "nothing. 422 at amount: REQUIRED, SETTLEMENT_AMOUNT_DIFFERS (with the amount due that day); at "
					+ "paidOn: PAYMENT_DATE_IN_FUTURE, SETTLEMENT_BEFORE_NOTICE (before the correction); at reference: "
					+ "REQUIRED, SIZE, CONTROL_CHARACTER. 404 CORRECTION_NOT_FOUND unless a correction of this "
					+ "declaration. 409 DECLARATION_NOT_CLEARED unless cleared or released, NO_DIFFERENCE_DUE when the "
					+ "correction changed the first notice (made before its payment) or nothing, "
					+ "DIFFERENCE_ALREADY_SETTLED when another settlement is on record.")
	DeclarationView settleDifference(@PathVariable UUID id, @PathVariable UUID correctionId,
			@RequestBody DutyPaymentRecord settlement) {
		return payments.settle(currentActor.get(), id, correctionId, settlement.amount(), settlement.paidOn(),
				settlement.reference());
	}

	/**
	 * @param reason why customs cancels it (the declarant's application, customs' own finding), required
	 * @param version the declaration's version the officer read; without it, cancelled as it is now
	 */
	record Cancellation(String reason, Integer version) {
	}

	@PostMapping("/declarations/{id}/cancellation")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CANCELLABLE", "DECLARATION_CHANGED" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Cancel a cleared or released declaration (customs officers; 报关单撤销)",
			description = "On the declarant's application (an export not shipped, goods returned, a declaration "
					+ "made twice) or of customs' own motion. Final: its permit write-offs are given back, the trade "
					+ "statistics no longer count its lines, the declarant's webhooks and the agencies' systems hear "
					+ "CANCELLED. 409 DECLARATION_NOT_CANCELLABLE unless cleared or released (before a clearance the "
					+ "declarant withdraws it, an agency rejects it); with version, 409 DECLARATION_CHANGED when it "
					+ "changed since the officer read that version.")
	DeclarationView cancel(@PathVariable UUID id, @RequestBody Cancellation cancellation) {
		return declarations.cancel(currentActor.get(), id, cancellation.reason(), cancellation.version());
	}

	/**
	 * @param reason why customs corrects it (the declarant's application, a credit note, an audit's finding), required
	 * @param version the declaration's version the officer read; without it, corrected as it is now
	 * @param lines each line whose declared value is corrected, with the value (declaration currency, its incoterm)
	 */
	record CorrectionRequest(String reason, Integer version, List<CorrectedValue> lines) {
	}

	@PostMapping("/declarations/{id}/correction")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CORRECTABLE", "DECLARATION_CHANGED", "CORRECTION_MOVES_PERMIT_VALUE" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER", "REQUIRED", "TOO_MANY_ITEMS", "LINE_UNKNOWN",
					"LINE_REPEATED", "VALUE_NOT_POSITIVE", "TOO_LARGE", "NOTHING_CORRECTED" })
	@Operation(summary = "Correct the declared values of a cleared or released declaration (customs officers; 报关单修改)",
			description = "On the declarant's application or of customs' own finding (a credit note, a price "
					+ "adjustment, a post-clearance audit). Every line is assessed again at the rates the clearance "
					+ "applied (exchange rate, rate basis, duty, excise and VAT rates; freight and insurance allocated "
					+ "afresh); the declaration keeps its status, its version moves on, and corrections lists what "
					+ "changed with taxDifference: positive is collected (补税), negative refunded (退税). The trade "
					+ "statistics revise its lines; the declarant's webhooks hear declaration.corrected, the agencies' "
					+ "systems CORRECTED. 422 at lines: REQUIRED, NOTHING_CORRECTED (every value as declared, e.g. the "
					+ "same correction sent again); at lines[i].lineNo LINE_UNKNOWN, LINE_REPEATED; at lines[i].value "
					+ "VALUE_NOT_POSITIVE, TOO_LARGE. 409 DECLARATION_NOT_CORRECTABLE unless cleared or released "
					+ "(before, its declarant amends it); 409 CORRECTION_MOVES_PERMIT_VALUE when a line written off a "
					+ "permit's value quota would change its customs value (cancel and declare again); with version, 409 "
					+ "DECLARATION_CHANGED when it changed since the officer read that version.")
	DeclarationView correct(@PathVariable UUID id, @RequestBody CorrectionRequest correction) {
		return corrections.correct(currentActor.get(), id, correction.reason(), correction.version(),
				correction.lines());
	}

	/**
	 * @param reason why the values are to be corrected (a credit note, a price adjustment), required
	 * @param version the declaration's version the declarant read; without it, applied whatever it is now
	 * @param lines each line whose declared value is to be corrected, with the value asked for
	 */
	record CorrectionApplicationRequest(String reason, Integer version, List<CorrectedValue> lines) {
	}

	@PostMapping("/declarations/{id}/correction-application")
	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CORRECTABLE", "CORRECTION_ALREADY_APPLIED", "DECLARATION_CHANGED",
					"CORRECTION_MOVES_PERMIT_VALUE" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER", "REQUIRED", "TOO_MANY_ITEMS", "LINE_UNKNOWN",
					"LINE_REPEATED", "VALUE_NOT_POSITIVE", "TOO_LARGE", "NOTHING_CORRECTED" })
	@Operation(summary = "Apply to customs for a correction of a cleared or released declaration's values (its "
			+ "declarant; 报关单修改申请)",
			description = "Checked as a correction would be (the same 422 and 409 answers); the declaration stays as it "
					+ "is, the application shows as correctionApplication and on the timeline until customs corrects "
					+ "the declaration (POST …/correction, with these values or others) or refuses the application "
					+ "(POST …/correction-application/refusal). 409 CORRECTION_ALREADY_APPLIED while one waits.")
	DeclarationView applyForCorrection(@PathVariable UUID id, @RequestBody CorrectionApplicationRequest application) {
		Actor actor = currentActor.get();
		return visible(actor, corrections.applyForCorrection(actor, id, application.reason(), application.version(),
				application.lines()));
	}

	@PostMapping("/declarations/{id}/correction-application/refusal")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "CORRECTION_NOT_APPLIED", "CORRECTION_APPLICATION_CHANGED" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Refuse the declarant's application for a correction (customs officers)",
			description = "The declaration stays as it is and the declarant may apply again. 409 "
					+ "CORRECTION_NOT_APPLIED when none waits; with appliedAt (correctionApplication.appliedAt as "
					+ "read), 409 CORRECTION_APPLICATION_CHANGED when another application waits.")
	DeclarationView refuseCorrection(@PathVariable UUID id, @RequestBody Refusal refusal) {
		return corrections.refuseCorrection(currentActor.get(), id, refusal.reason(), refusal.appliedAt());
	}

	/**
	 * @param reason why the goods are not declared under it after all, required
	 * @param version the declaration's version the declarant read; without it, applied whatever it is now
	 */
	record CancellationApplication(String reason, Integer version) {
	}

	@PostMapping("/declarations/{id}/cancellation-application")
	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_NOT_CANCELLABLE", "CANCELLATION_ALREADY_APPLIED", "DECLARATION_CHANGED" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Apply to customs for the cancellation of a cleared or released declaration (its declarant; "
			+ "报关单撤销申请)",
			description = "The declaration stays as it is; the application shows as cancellationApplication and on the "
					+ "timeline until customs cancels the declaration (POST …/cancellation) or refuses it (POST "
					+ "…/cancellation-application/refusal). 409 DECLARATION_NOT_CANCELLABLE unless cleared or released "
					+ "(before, withdraw it), CANCELLATION_ALREADY_APPLIED while one waits; with version, 409 "
					+ "DECLARATION_CHANGED when it changed since the caller read that version.")
	DeclarationView applyForCancellation(@PathVariable UUID id, @RequestBody CancellationApplication application) {
		Actor actor = currentActor.get();
		return visible(actor, declarations.applyForCancellation(actor, id, application.reason(), application.version()));
	}

	/**
	 * @param reason why customs refuses it, which the declarant reads; required
	 * @param appliedAt {@code cancellationApplication.appliedAt} as read, optional: the application refused
	 */
	record Refusal(String reason, java.time.Instant appliedAt) {
	}

	@PostMapping("/declarations/{id}/cancellation-application/refusal")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "DECLARATION_NOT_FOUND",
			conflict = { "CANCELLATION_NOT_APPLIED", "CANCELLATION_APPLICATION_CHANGED" },
			invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Refuse the declarant's application for a cancellation (customs officers)",
			description = "The declaration stays as it is and the declarant may apply again. 409 "
					+ "CANCELLATION_NOT_APPLIED when no application waits; with appliedAt (the application's "
					+ "cancellationApplication.appliedAt as read), 409 CANCELLATION_APPLICATION_CHANGED when another "
					+ "application waits (the declarant applied anew since), so that a retried refusal never refuses "
					+ "an application unread.")
	DeclarationView refuseCancellation(@PathVariable UUID id, @RequestBody Refusal refusal) {
		return declarations.refuseCancellation(currentActor.get(), id, refusal.reason(), refusal.appliedAt());
	}

	@GetMapping("/agencies/{agency}/tasks")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", invalid = "AGENCY_CODE_FORMAT")
	@Operation(summary = "The agency's officer queue: open tasks, oldest first, a page at a time")
	ResponseEntity<List<DeclarationStore.QueueEntry>> queue(@PathVariable String agency,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		AgencyCode code = AgencyCode.of(agency);
		currentActor.get().requireActAs(code);
		return store.queue(code.value(), TaskStatus.PENDING, PageRequest.read(limit, cursor))
			.map(e -> ChannelVisibility.of(code, e))
			.answer();
	}

	record DecisionRequest(Declarations.Decision decision, String reason, Integer version) {
	}

	@PostMapping("/tasks/{taskId}/decision")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "TASK_NOT_FOUND", conflict = { "TASK_ALREADY_DECIDED",
			"TASK_CHANGED", "DECLARATION_CLOSED" }, invalid = { "REQUIRED", "REASON_REQUIRED" })
	@Operation(summary = "Approve, reject (with reason) or query (with question) an agency task",
			description = "409 TASK_ALREADY_DECIDED when another officer decided it first, or when this decision "
					+ "would change one already made. The same decision with the same reason sent again by the officer "
					+ "who made it (a retry after a lost answer) is answered as the first time, recorded once.")
	DeclarationView decide(@PathVariable UUID taskId, @RequestBody DecisionRequest request) {
		if (request.decision() == null) {
			throw Problem.invalidField("decision", "REQUIRED");
		}
		return declarations.decide(currentActor.get(), taskId, request.decision(), request.reason(), request.version());
	}

	private DeclarationView load(UUID id) {
		return store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
	}

	/** The declaration as the actor may see it (the risk channel: {@link ChannelVisibility}). */
	static DeclarationView visible(Actor actor, DeclarationView view) {
		return ChannelVisibility.of(actor, view);
	}

	static List<String> declarants(Actor actor) {
		var list = new java.util.ArrayList<String>();
		if (actor.enterprise() != null) {
			list.add(actor.enterprise().value());
		}
		actor.principals().forEach(p -> list.add(p.value()));
		return list;
	}
}
