package io.singlewindow.declaration.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 暂存 through the API: a declarant's or a broker's own software keeps a declaration in the single window before it is
 * sent — prepared from its invoices and packing lists, then finished, checked and sent by a person on the declarations
 * page (or by the software once the missing figures come) — the forms the web page saves for later
 * ({@link UnsentDeclarations}), read and written by either: one list, one version count, the same keeping day.
 */
@RestController
@RequestMapping("/api/v1/unsent-declarations")
@Tag(name = "Declarations saved for later", description = "暂存: a declaration kept unsent, unchecked, to be finished "
		+ "and submitted later, on the declarations page or through the API")
class UnsentDeclarationApi {

	private final UnsentDeclarations unsent;
	private final CurrentActor currentActor;

	UnsentDeclarationApi(UnsentDeclarations unsent, CurrentActor currentActor) {
		this.unsent = unsent;
		this.currentActor = currentActor;
	}

	/**
	 * A declaration saved for later, as the API answers it.
	 *
	 * @param keptUntil when it is deleted unless saved again or submitted before
	 * @param page where a person opens it to finish and submit it
	 */
	record SavedForLater(UUID id, String declarant, String savedBy, Instant savedAt, int version, Instant keptUntil,
			String firstLine, String page, UnsentContent declaration) {

		static SavedForLater of(UnsentDeclarations.Unsent form) {
			return new SavedForLater(form.id(), form.declarant(), form.savedBy(), form.savedAt(), form.version(),
					form.keptUntil(), form.firstLine(), "/declarations/new?unsent=" + form.id(),
					UnsentContent.of(form.fields(), form.version()));
		}
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping
	@Operation(summary = "The declarations saved for later that the caller may finish, the latest saved first",
			description = "Its enterprise's and, for a broker, its principals' (at most 100 each), as the declarations "
					+ "page lists them; none without the right to declare.")
	List<SavedForLater> list() {
		Actor actor = declarant();
		return unsent.of(actor).stream().map(SavedForLater::of).toList();
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "UNSENT_DECLARATION_NOT_FOUND")
	@GetMapping("/{id}")
	@Operation(summary = "One declaration saved for later, with what it holds so far")
	SavedForLater get(@PathVariable UUID id) {
		return SavedForLater.of(unsent.find(declarant(), id));
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			conflict = "UNSENT_DECLARATIONS_TOO_MANY",
			invalid = { "USCC_FORMAT", "TOO_MANY_ITEMS", "REQUIRED", "UNSENT_STATISTICAL_UNIT_NOT_KEPT",
					"CONTROL_CHARACTER", "SIZE" })
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save a declaration for later, unsent and unchecked",
			description = "The body of a submission (POST /api/v1/declarations), any field missing, each as text (a "
					+ "number may be sent as a JSON number); nothing is validated until it is submitted, but each field "
					+ "is one line of text of at most 512 characters and a declaration has at most 50 lines. declarant: "
					+ "one the caller may declare for (403 otherwise); none: its own enterprise. A line's "
					+ "statisticalUnit is refused (the web form, which keeps it, has none). Kept 90 days after its last "
					+ "save (keptUntil); at most 100 a declarant (409 UNSENT_DECLARATIONS_TOO_MANY).")
	ResponseEntity<SavedForLater> save(@RequestBody UnsentContent content) {
		Actor actor = declarant();
		var saved = SavedForLater.of(unsent.save(actor, null, null, fieldsOf(actor, content)));
		return ResponseEntity.created(URI.create("/api/v1/unsent-declarations/" + saved.id())).body(saved);
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "UNSENT_DECLARATION_NOT_FOUND", conflict = "UNSENT_DECLARATION_CHANGED",
			invalid = { "USCC_FORMAT", "TOO_MANY_ITEMS", "REQUIRED", "UNSENT_STATISTICAL_UNIT_NOT_KEPT",
					"CONTROL_CHARACTER", "SIZE" })
	@PutMapping("/{id}")
	@Operation(summary = "Save a declaration for later again, over the version read",
			description = "The whole content, as on the first save, with version: the one read (required). 409 "
					+ "UNSENT_DECLARATION_CHANGED when a colleague saved it since, on the page or through the API. "
					+ "The keeping period starts again.")
	SavedForLater saveAgain(@PathVariable UUID id, @RequestBody UnsentContent content) {
		Actor actor = declarant();
		unsent.find(actor, id);
		if (content.version() == null) {
			throw Problem.invalidField("version", "REQUIRED");
		}
		return SavedForLater.of(unsent.save(actor, id, content.version(), fieldsOf(actor, content)));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "UNSENT_DECLARATION_NOT_FOUND")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a declaration saved for later (given up, or declared otherwise)")
	void delete(@PathVariable UUID id) {
		unsent.delete(declarant(), id);
	}

	/** Who keeps declarations for later: traders and brokers (officers and the zone's administrators declare none). */
	private Actor declarant() {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return actor;
	}

	/**
	 * The form's fields of the content, its declarant one the caller may declare for: the page takes any other as its
	 * own enterprise's form, but software that names a declarant means it.
	 */
	private static Map<String, String> fieldsOf(Actor actor, UnsentContent content) {
		if (content.declarant() != null && !content.declarant().isBlank()) {
			Uscc declarant;
			try {
				declarant = Uscc.parse(content.declarant().strip());
			} catch (InvalidValue notAUscc) {
				throw Problem.invalidField("declarant", notAUscc.code(), io.singlewindow.core.FreeText.cut(
						content.declarant(), 40));
			}
			actor.requireActFor(declarant, OperatorRight.DECLARE);
		}
		return content.fields();
	}
}
