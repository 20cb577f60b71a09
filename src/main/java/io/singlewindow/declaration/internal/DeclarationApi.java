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
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Declarations", description = "Submit one goods declaration, follow every agency's decision")
class DeclarationApi {

	private final Declarations declarations;
	private final DeclarationStore store;
	private final CurrentActor currentActor;

	DeclarationApi(Declarations declarations, DeclarationStore store, CurrentActor currentActor) {
		this.declarations = declarations;
		this.store = store;
		this.currentActor = currentActor;
	}

	@PostMapping("/declarations")
	@Operation(summary = "Submit a goods declaration",
			description = "201 for a new declaration, 200 when the Idempotency-Key (or clientReference) was seen before "
					+ "with the same body; 409 IDEMPOTENCY_KEY_REUSED with a different body; 422 lists every invalid field. "
					+ "With Prefer: return=minimal a new declaration is answered with its receipt (id, number, status) only.")
	ResponseEntity<?> submit(@RequestBody DeclarationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = "Prefer", required = false) String prefer) {
		Actor actor = currentActor.get();
		var submission = declarations.submit(actor, request, idempotencyKey);
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

	/** The short answer to a submission under {@code Prefer: return=minimal}. */
	record Receipt(UUID id, String number, DeclarationStatus status) {

		static Receipt of(DeclarationView view) {
			return new Receipt(view.id(), view.number(), view.status());
		}
	}

	@GetMapping("/declarations")
	@Operation(summary = "The caller's declarations (trader: own enterprise; broker: its principals), newest first")
	List<DeclarationStore.Summary> list() {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return store.listFor(declarants(actor), 200);
	}

	@GetMapping("/declarations/{id}")
	@Operation(summary = "A declaration with its consolidated status, agency tasks and timeline")
	DeclarationView get(@PathVariable UUID id) {
		return visible(currentActor.get(), load(id));
	}

	@GetMapping("/declarations/{id}/response")
	@Operation(summary = "Download the consolidated response as a JSON file")
	ResponseEntity<DeclarationView> response(@PathVariable UUID id) {
		DeclarationView view = visible(currentActor.get(), load(id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + view.number() + ".json\"")
			.body(view);
	}

	@org.springframework.web.bind.annotation.PutMapping("/declarations/{id}")
	@Operation(summary = "Amend a declaration under review or queried",
			description = "Validated like a submission; only the agencies whose lines changed decide again. "
					+ "409 DECLARATION_NOT_AMENDABLE once rejected, cleared or released.")
	DeclarationView amend(@PathVariable UUID id, @RequestBody DeclarationRequest request) {
		Actor actor = currentActor.get();
		return visible(actor, declarations.amend(actor, id, request));
	}

	record Answer(String answer) {
	}

	@PostMapping("/declarations/{id}/queries/{agency}/answer")
	@Operation(summary = "Answer an agency's question; its task returns to the officer queue")
	DeclarationView answer(@PathVariable UUID id, @PathVariable String agency, @RequestBody Answer answer) {
		Actor actor = currentActor.get();
		return visible(actor, declarations.answer(actor, id, AgencyCode.of(agency), answer.answer()));
	}

	@PostMapping("/declarations/{id}/release")
	@Operation(summary = "Release the goods of a cleared declaration (customs officers)")
	DeclarationView release(@PathVariable UUID id) {
		return declarations.release(currentActor.get(), id);
	}

	@GetMapping("/agencies/{agency}/tasks")
	@Operation(summary = "The agency's officer queue: open tasks, oldest first")
	List<DeclarationStore.QueueEntry> queue(@PathVariable String agency) {
		AgencyCode code = AgencyCode.of(agency);
		currentActor.get().requireActAs(code);
		// The risk channel is customs' knowledge.
		return store.queue(code.value(), 200).stream()
			.map(e -> code.equals(AgencyCode.CUSTOMS) ? e : new DeclarationStore.QueueEntry(e.taskId(),
					e.declarationId(), e.number(), e.declarant(), e.flow(), null, e.policyCode(), e.note(), e.answer(),
					e.createdAt(), e.version(), e.status()))
			.toList();
	}

	record DecisionRequest(Declarations.Decision decision, String reason, Integer version) {
	}

	@PostMapping("/tasks/{taskId}/decision")
	@Operation(summary = "Approve, reject (with reason) or query (with question) an agency task",
			description = "409 TASK_ALREADY_DECIDED when another officer decided it first.")
	DeclarationView decide(@PathVariable UUID taskId, @RequestBody DecisionRequest request) {
		if (request.decision() == null) {
			throw Problem.invalidField("decision", "REQUIRED");
		}
		return declarations.decide(currentActor.get(), taskId, request.decision(), request.reason(), request.version());
	}

	private DeclarationView load(UUID id) {
		return store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
	}

	/** Officers see the channel; the declarant's side never does. */
	static DeclarationView visible(Actor actor, DeclarationView view) {
		actor.requireSee(Uscc.parse(view.declarant()));
		return actor.role() == Role.OFFICER ? view : view.forTrader();
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
