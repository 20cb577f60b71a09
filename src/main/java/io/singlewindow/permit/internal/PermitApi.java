package io.singlewindow.permit.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.permit.internal.PermitViews.ApplicationView;
import io.singlewindow.permit.internal.PermitViews.CatalogueView;
import io.singlewindow.permit.internal.PermitViews.PermitView;
import io.singlewindow.permit.internal.PermitViews.RecordView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Permits", description = "Permits separated from business licences (证照分离): catalogue, applications in four modes, officers' decisions, issued permits")
class PermitApi {

	private final CurrentActor currentActor;
	private final PermitCatalogue catalogue;
	private final CatalogueAdministration administration;
	private final PermitApplications applications;
	private final PermitSupervision supervision;
	private final IssuedPermits permits;
	private final JdbcPermitLedger ledger;
	private final PrintedPermits printed;
	private final MessageSource messages;

	PermitApi(CurrentActor currentActor, PermitCatalogue catalogue, CatalogueAdministration administration,
			PermitApplications applications, PermitSupervision supervision, IssuedPermits permits,
			JdbcPermitLedger ledger, MessageSource messages, PrintedPermits printed) {
		this.printed = printed;
		this.currentActor = currentActor;
		this.catalogue = catalogue;
		this.administration = administration;
		this.applications = applications;
		this.supervision = supervision;
		this.permits = permits;
		this.ledger = ledger;
		this.messages = messages;
	}

	// --- catalogue

	@Refuses
	@GetMapping("/permit-catalogue")
	@Operation(summary = "The permit catalogue: every regulated activity, its mode, issuing agency, documents, HS scope and quota")
	List<CatalogueView> catalogue() {
		currentActor.get();
		return catalogue.all().stream().map(CatalogueView::of).toList();
	}

	@Refuses(notFound = "PERMIT_CATALOGUE_ENTRY_NOT_FOUND")
	@GetMapping("/permit-catalogue/{code}")
	@Operation(summary = "One catalogue entry")
	CatalogueView entry(@PathVariable String code) {
		currentActor.get();
		return CatalogueView.of(catalogue.get(code.toUpperCase(Locale.ROOT)));
	}

	@Refuses
	@GetMapping("/permit-catalogue/requirements")
	@Operation(summary = "The permits goods need: catalogue entries whose HS scope covers the code in the flow")
	List<PermitRequirement> requirements(@RequestParam String hs, @RequestParam TradeFlow flow) {
		currentActor.get();
		return ledger.requirementsFor(HsCode.of(hs), flow);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", conflict = "PERMIT_CATALOGUE_ENTRY_EXISTS")
	@PostMapping("/permit-catalogue")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a catalogue entry (administrators)")
	ResponseEntity<CatalogueView> createEntry(@RequestBody CatalogueAdministration.EntryForm form) {
		CatalogueView created = CatalogueView.of(administration.create(currentActor.get(), form));
		return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/permit-catalogue/{code}")
			.buildAndExpand(created.code()).encode().toUri()).body(created);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "PERMIT_CATALOGUE_ENTRY_NOT_FOUND",
			conflict = "PERMIT_CATALOGUE_ENTRY_CHANGED")
	@PutMapping("/permit-catalogue/{code}")
	@Operation(summary = "Change a catalogue entry (administrators); send the version you read")
	CatalogueView updateEntry(@PathVariable String code, @RequestBody CatalogueAdministration.EntryForm form) {
		return CatalogueView.of(administration.update(currentActor.get(), code.toUpperCase(Locale.ROOT), form));
	}

	// --- applications

	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "PERMIT_CATALOGUE_ENTRY_NOT_FOUND",
			conflict = { "PERMIT_ALREADY_HELD", "PERMIT_APPLICATION_PENDING", "ENTERPRISE_NOT_ACTIVE",
			"PERMIT_SCOPE_MISMATCH" })
	@PostMapping("/permit-applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply for a permit for an enterprise you act for",
			description = "APPROVAL_CANCELLED: recorded as NOT_REQUIRED (nothing to apply for). FILING: FILED, the record is issued at once. "
					+ "NOTIFICATION_COMMITMENT: ISSUED at once when commitmentSigned is true, verified afterwards. "
					+ "OPTIMISED_APPROVAL: UNDER_REVIEW in the issuing agency's queue with a statutory due date.")
	ResponseEntity<ApplicationView> apply(@RequestBody PermitApplications.ApplicationForm form, Locale locale) {
		ApplicationView applied = view(applications.apply(currentActor.get(), form), locale, true);
		return ResponseEntity.created(URI.create("/api/v1/permit-applications/" + applied.id())).body(applied);
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE")
	@GetMapping("/permit-applications")
	@Operation(summary = "An enterprise's applications, newest first, a page at a time (default: the caller's own "
			+ "enterprise)")
	ResponseEntity<List<ApplicationView>> applications(@RequestParam(required = false) String applicant,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			Locale locale) {
		Uscc uscc = enterpriseParam(applicant);
		return applications.of(uscc, PageRequest.read(limit, cursor)).map(a -> view(a, locale, false)).answer();
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/permit-applications/queue")
	@Operation(summary = "The officer's agency queue: applications under review or awaiting documents, most urgent first",
			description = "Under review before awaiting documents, then by last day (none last) and submission, a "
					+ "page at a time: limit (default and at most " + PermitApplications.QUEUED + ") and cursor, the "
					+ "next page's address in the Link header (rel=\"next\").")
	ResponseEntity<List<ApplicationView>> queue(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER);
		return applications.queueOf(actor.agency(), PageRequest.read(limit, cursor, PermitApplications.QUEUED))
			.map(a -> view(a, locale, false)).answer();
	}

	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_AGENCY", "NOT_AUTHORISED_FOR_ENTERPRISE" },
			notFound = "PERMIT_APPLICATION_NOT_FOUND")
	@GetMapping("/permit-applications/{id}")
	@Operation(summary = "One application with its steps")
	ApplicationView application(@PathVariable UUID id, Locale locale) {
		PermitApplication application = applications.get(id);
		requireSeeApplication(currentActor.get(), application);
		return view(application, locale, true);
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "PERMIT_APPLICATION_NOT_FOUND",
			conflict = { "PERMIT_APPLICATION_ALREADY_DECIDED", "PERMIT_APPLICATION_CHANGED",
			"PERMIT_APPLICATION_AWAITING_DOCUMENTS" })
	@PostMapping("/permit-applications/{id}/decision")
	@Operation(summary = "Decide an application under review (officer of the issuing agency): APPROVE, REJECT with reason, or REQUEST_DOCUMENTS")
	ApplicationView decide(@PathVariable UUID id, @RequestBody PermitApplications.DecisionForm form, Locale locale) {
		return view(applications.decide(currentActor.get(), id, form), locale, true);
	}

	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "PERMIT_APPLICATION_NOT_FOUND",
			conflict = { "PERMIT_APPLICATION_NOT_AWAITING_DOCUMENTS", "PERMIT_APPLICATION_CHANGED" })
	@PostMapping("/permit-applications/{id}/supplement")
	@Operation(summary = "Supply the documents the agency asked for; the application returns to the queue")
	ApplicationView supplement(@PathVariable UUID id, @RequestBody PermitApplications.SupplementForm form,
			Locale locale) {
		return view(applications.supplement(currentActor.get(), id, form), locale, true);
	}

	// --- issued permits

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE")
	@GetMapping("/permits")
	@Operation(summary = "The permits an enterprise holds, in force or not, newest first, a page at a time (default: "
			+ "the caller's own enterprise)")
	ResponseEntity<List<PermitView>> held(@RequestParam(required = false) String holder,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		Uscc uscc = enterpriseParam(holder);
		var today = supervision.today();
		return permits.heldBy(uscc, PageRequest.read(limit, cursor)).map(p -> PermitView.of(p, today)).answer();
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/permits/verification-queue")
	@Operation(summary = "The officer's agency's filings and commitments awaiting post-issue review",
			description = "The earliest review due first (none last), then by issue, a page at a time: limit (default "
					+ "and at most " + PermitSupervision.QUEUED + ") and cursor, the next page's address in the Link "
					+ "header (rel=\"next\").")
	ResponseEntity<List<PermitView>> verificationQueue(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER);
		var today = supervision.today();
		return supervision.verificationQueueOf(actor.agency(), PageRequest.read(limit, cursor, PermitSupervision.QUEUED))
			.map(p -> PermitView.of(p, today)).answer();
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "PERMIT_NOT_FOUND")
	@GetMapping("/permits/{number}")
	@Operation(summary = "One permit with its write-offs and history")
	PermitView permit(@PathVariable String number) {
		IssuedPermit permit = permits.get(number);
		currentActor.get().requireSee(permit.holder());
		return PermitView.of(permit, supervision.today(), ledger.writeOffsAgainst(number),
				supervision.historyOfPermit(number));
	}

	@GetMapping(path = "/permits/{number}/permit.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@ApiResponse(responseCode = "200", description = "The permit, A4, Chinese and English: what it permits, holder, "
			+ "issuing agency, validity, scope, goods and the quota granted (never what remains), with a QR code to the "
			+ "public page /verify/permits/{number} that says whether it is in force today",
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "PERMIT_NOT_FOUND")
	@Operation(summary = "A permit as a PDF (许可证打印)")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		return printed.of(number);
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "PERMIT_NOT_FOUND",
			conflict = { "PERMIT_NOT_SUSPENDED", "PERMIT_ALREADY_REVOKED", "PERMIT_NOT_AWAITING_VERIFICATION",
			"PERMIT_NOT_IN_FORCE" })
	@PostMapping("/permits/{number}/suspension")
	@Operation(summary = "Suspend a permit in force (officer of the issuing agency; reason required)")
	PermitView suspend(@PathVariable String number, @RequestBody PermitSupervision.ActionForm form) {
		return PermitView.of(supervision.suspend(currentActor.get(), number, form), supervision.today());
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "PERMIT_NOT_FOUND",
			conflict = { "PERMIT_NOT_SUSPENDED", "PERMIT_ALREADY_REVOKED", "PERMIT_NOT_AWAITING_VERIFICATION",
			"PERMIT_NOT_IN_FORCE" })
	@PostMapping("/permits/{number}/reinstatement")
	@Operation(summary = "Reinstate a suspended permit (officer of the issuing agency)")
	PermitView reinstate(@PathVariable String number, @RequestBody(required = false) PermitSupervision.ActionForm form) {
		return PermitView.of(supervision.reinstate(currentActor.get(), number,
				form == null ? new PermitSupervision.ActionForm(null, null) : form), supervision.today());
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "PERMIT_NOT_FOUND",
			conflict = { "PERMIT_NOT_SUSPENDED", "PERMIT_ALREADY_REVOKED", "PERMIT_NOT_AWAITING_VERIFICATION",
			"PERMIT_NOT_IN_FORCE" })
	@PostMapping("/permits/{number}/revocation")
	@Operation(summary = "Revoke a permit (officer of the issuing agency; reason required)")
	PermitView revoke(@PathVariable String number, @RequestBody PermitSupervision.ActionForm form) {
		return PermitView.of(supervision.revoke(currentActor.get(), number, form), supervision.today());
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "PERMIT_NOT_FOUND",
			conflict = { "PERMIT_NOT_SUSPENDED", "PERMIT_ALREADY_REVOKED", "PERMIT_NOT_AWAITING_VERIFICATION",
			"PERMIT_NOT_IN_FORCE" })
	@PostMapping("/permits/{number}/verification")
	@Operation(summary = "Record the post-issue review of a filing or commitment: CONFIRMED, or FALSE (revokes; reason required)")
	PermitView verify(@PathVariable String number, @RequestBody PermitSupervision.ActionForm form) {
		return PermitView.of(supervision.verify(currentActor.get(), number, form), supervision.today());
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "ENTERPRISE_NOT_FOUND")
	@GetMapping("/permit-records/{uscc}")
	@Operation(summary = "An enterprise's permit record: permits, applications, and every issue, suspension and revocation")
	RecordView record(@PathVariable String uscc, Locale locale) {
		Uscc holder = Uscc.parse(uscc);
		currentActor.get().requireSee(holder);
		var today = supervision.today();
		return new RecordView(holder.value(), permits.heldBy(holder).stream().map(p -> PermitView.of(p, today)).toList(),
				applications.of(holder).stream().map(a -> view(a, locale, false)).toList(), supervision.historyOf(holder));
	}

	private Uscc enterpriseParam(String raw) {
		Actor actor = currentActor.get();
		Uscc uscc;
		if (raw == null || raw.isBlank()) {
			if (actor.enterprise() == null) {
				throw Problem.invalidField("holder", "REQUIRED");
			}
			uscc = actor.enterprise();
		} else {
			uscc = Uscc.parse(raw);
		}
		actor.requireSee(uscc);
		return uscc;
	}

	/** The applicant's side, or an officer of the agency that handles it. */
	static void requireSeeApplication(Actor actor, PermitApplication application) {
		if (actor.is(Role.OFFICER)) {
			actor.requireActAs(application.issuingAgency());
		} else {
			actor.requireSee(application.applicant());
		}
	}

	private ApplicationView view(PermitApplication a, Locale locale, boolean withSteps) {
		String message = null;
		if (a.status() == ApplicationStatus.NOT_REQUIRED) {
			String name = catalogue.find(a.catalogueCode()).map(e -> e.name(locale)).orElse(a.catalogueCode());
			message = messages.getMessage("permit.notRequired.message", new Object[] { name }, locale);
		}
		return ApplicationView.of(a, supervision.today(), message, withSteps ? applications.stepsOf(a.id()) : null);
	}
}
