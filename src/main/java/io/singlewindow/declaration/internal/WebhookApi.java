package io.singlewindow.declaration.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed declaration status events pushed to an enterprise's URL")
class WebhookApi {

	private final Webhooks webhooks;
	private final WebhookTargets targets;
	private final CurrentActor currentActor;

	WebhookApi(Webhooks webhooks, WebhookTargets targets, CurrentActor currentActor) {
		this.webhooks = webhooks;
		this.targets = targets;
		this.currentActor = currentActor;
	}

	/**
	 * @param enterprise the enterprise whose declarations are reported; a trader may leave it out
	 * @param format {@code JSON} (the default): status events carry the address of the declaration's response;
	 *     {@code EDIFACT}: they carry the CUSRES itself as well (field {@code document}); {@code XML}: the WCO DM
	 *     Response
	 */
	record Registration(String enterprise, String url, String format) {
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			invalid = "WEBHOOK_FORMAT_UNKNOWN")
	@PostMapping
	@io.singlewindow.platform.ShownOnce
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a webhook; the answer carries the signing secret, shown only once")
	ResponseEntity<Webhooks.Subscription> register(@RequestBody Registration registration) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		Uscc enterprise = registration.enterprise() == null || registration.enterprise().isBlank()
				? actor.enterprise() : Violations.readOne("enterprise",
						() -> Uscc.parse(registration.enterprise()));
		actor.requireActFor(enterprise, OperatorRight.MANAGE_ENTERPRISE);
		String format = registration.format() == null || registration.format().isBlank() ? Webhooks.JSON_FORMAT
				: registration.format().strip().toUpperCase(java.util.Locale.ROOT);
		if (!webhooks.formats().contains(format)) {
			throw Problem.invalidField("format", "WEBHOOK_FORMAT_UNKNOWN", registration.format(),
					String.join(", ", webhooks.formats()));
		}
		URI uri = targets.accept(registration.url());
		Webhooks.Subscription registered = webhooks.register(enterprise.value(), uri.toString(), actor.username(),
				format);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + registered.id())).body(registered);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "WEBHOOK_NOT_FOUND")
	@GetMapping("/{id}")
	@Operation(summary = "One webhook of the enterprises the caller acts for (without its secret), stopped or not")
	Webhooks.Subscription webhook(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return webhooks.find(id, DeclarationApi.declarants(actor))
			.orElseThrow(() -> Problem.notFound("WEBHOOK_NOT_FOUND", id));
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping
	@Operation(summary = "The webhooks of the enterprises the caller acts for (without secrets)")
	List<Webhooks.Subscription> list() {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return webhooks.of(DeclarationApi.declarants(actor));
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/deliveries")
	@Operation(summary = "The events sent (or still being tried) to the caller's webhooks, newest first, a page at a time")
	ResponseEntity<List<Webhooks.Delivery>> deliveries(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return webhooks.deliveries(DeclarationApi.declarants(actor), PageRequest.read(limit, cursor)).answer();
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" }, notFound = "WEBHOOK_NOT_FOUND")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop a webhook")
	void delete(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		// Officers and admins act for no enterprise: refused here rather than failing on their empty side.
		actor.requireRole(Role.TRADER, Role.BROKER);
		actor.requireRight(OperatorRight.MANAGE_ENTERPRISE);
		if (webhooks.deactivate(id, DeclarationApi.declarants(actor)) == 0) {
			throw Problem.notFound("WEBHOOK_NOT_FOUND", id);
		}
	}
}
