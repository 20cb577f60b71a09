package io.singlewindow.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.platform.BusinessTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Every account manages its own API keys; a key acts with exactly the rights of its account. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "Identity", description = "Who you are and your API keys")
class ApiKeyApi {

	private final ApiKeys keys;
	private final CurrentActor currentActor;

	ApiKeyApi(ApiKeys keys, CurrentActor currentActor) {
		this.keys = keys;
		this.currentActor = currentActor;
	}

	/** @param expiresAt optional instant (ISO 8601) after which the key is refused */
	record NewKey(String label, Instant expiresAt) {
	}

	@Refuses
	@PostMapping
	@io.singlewindow.platform.ShownOnce
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key for the calling account; the key is returned only this once")
	ResponseEntity<ApiKeys.IssuedKey> create(@RequestBody NewKey request) {
		ApiKeys.IssuedKey issued = keys.issue(currentActor.get().userId(), request.label(), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.id())).body(issued);
	}

	@Refuses
	@GetMapping
	@Operation(summary = "List the calling account's API keys (without their secrets), with expiry and last use")
	List<ApiKeys.KeyInfo> list() {
		return keys.of(currentActor.get().userId());
	}

	@Refuses(notFound = "API_KEY_NOT_FOUND")
	@GetMapping("/{id}")
	@Operation(summary = "One of the calling account's API keys (without its secret), revoked or not")
	ApiKeys.KeyInfo key(@PathVariable UUID id) {
		return keys.of(currentActor.get().userId(), id);
	}

	@Refuses(notFound = "API_KEY_NOT_FOUND")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the calling account's API keys")
	void revoke(@PathVariable UUID id) {
		keys.revoke(currentActor.get().userId(), id);
	}

	/** The web page for the same, under the session login. */
	@Controller
	static class ApiKeyPages {

		private final ApiKeys keys;
		private final CurrentActor currentActor;
		private final org.springframework.context.MessageSource messages;

		ApiKeyPages(ApiKeys keys, CurrentActor currentActor, org.springframework.context.MessageSource messages) {
			this.keys = keys;
			this.currentActor = currentActor;
			this.messages = messages;
		}

		/**
		 * The person's keys; {@code shownBefore}, the key a form pressed twice made (its secret shown on the first
		 * answer only, {@link io.singlewindow.platform.ShownOnce#MADE}), which the page names.
		 */
		@GetMapping("/account/api-keys")
		String show(@RequestParam(required = false) String shownBefore, Model model) {
			List<ApiKeys.KeyInfo> mine = keys.of(currentActor.get().userId());
			model.addAttribute("keys", mine);
			model.addAttribute("shownBefore",
					mine.stream().filter(k -> k.id().toString().equals(shownBefore)).findFirst().orElse(null));
			return "identity/api-keys";
		}

		@PostMapping("/account/api-keys")
		String create(@RequestParam String label, @RequestParam(required = false) LocalDate expiresOn, Model model,
				java.util.Locale locale, jakarta.servlet.http.HttpServletRequest request) {
			UUID user = currentActor.get().userId();
			try {
				// A key given a day lasts until the end of that day in the zone's time.
				Instant expiresAt = expiresOn == null ? null
						: expiresOn.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
				ApiKeys.IssuedKey issued = keys.issue(user, label, expiresAt);
				model.addAttribute("issued", issued);
				request.setAttribute(io.singlewindow.platform.ShownOnce.MADE,
						"/account/api-keys?shownBefore=" + issued.id());
			} catch (io.singlewindow.core.Problem p) {
				model.addAttribute("error", p.code());
				// The page asks for a day (expiresOn) where the API takes an instant (expiresAt).
				java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
				io.singlewindow.platform.FormErrors.of(p, messages, locale)
					.forEach((field, text) -> errors.put("expiresAt".equals(field) ? "expiresOn" : field, text));
				model.addAttribute("errors", errors);
			}
			model.addAttribute("keys", keys.of(user));
			return "identity/api-keys";
		}

		@PostMapping("/account/api-keys/{id}/revoke")
		String revoke(@PathVariable UUID id) {
			keys.revoke(currentActor.get().userId(), id);
			return "redirect:/account/api-keys";
		}
	}
}
