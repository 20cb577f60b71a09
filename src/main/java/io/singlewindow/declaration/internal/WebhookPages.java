package io.singlewindow.declaration.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Traders and brokers manage their webhooks on a page as they can through {@code /api/v1/webhooks}: the same
 * {@link Webhooks} and the same policy against request forgery ({@link WebhookTargets}). The signing secret is shown
 * once, in the answer to the creation, and never again.
 */
@Controller
class WebhookPages {

	static final int RECENT_DELIVERIES = 20;

	private final Webhooks webhooks;
	private final WebhookTargets targets;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	WebhookPages(Webhooks webhooks, WebhookTargets targets, CurrentActor currentActor, MessageSource messages) {
		this.webhooks = webhooks;
		this.targets = targets;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@Bean
	static NavigationItem webhooksNavigation() {
		return new NavigationItem("nav.webhooks", "/account/webhooks", Set.of("TRADER", "BROKER"), 890);
	}

	/**
	 * The webhooks; {@code shownBefore}, the one a form pressed twice added (its secret shown on the first answer only,
	 * {@link io.singlewindow.platform.ShownOnce#MADE}), which the page names.
	 */
	@GetMapping("/account/webhooks")
	String page(@RequestParam(required = false) String shownBefore, Model model) {
		return page(owner(), model, null, null, Map.of(), shownBefore);
	}

	@PostMapping("/account/webhooks")
	String create(@RequestParam(required = false) String url, @RequestParam(required = false) String enterprise,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		Actor actor = owner();
		try {
			Uscc owner = enterprise == null || enterprise.isBlank() ? actor.enterprise()
					: Violations.readOne("enterprise", () -> Uscc.parse(enterprise));
			actor.requireActFor(owner, OperatorRight.MANAGE_ENTERPRISE);
			URI uri = targets.accept(url);
			Webhooks.Subscription registered = webhooks.register(owner.value(), uri.toString(), actor.username());
			request.setAttribute(io.singlewindow.platform.ShownOnce.MADE,
					"/account/webhooks?shownBefore=" + registered.id());
			return page(actor, model, registered, null, Map.of(), null);
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			return page(actor, model, null, url, FormErrors.of(problem, messages, locale), null);
		}
	}

	@PostMapping("/account/webhooks/{id}/delete")
	String delete(@PathVariable UUID id) {
		Actor actor = owner();
		actor.requireRight(OperatorRight.MANAGE_ENTERPRISE);
		if (webhooks.deactivate(id, DeclarationApi.declarants(actor)) == 0) {
			throw Problem.notFound("WEBHOOK_NOT_FOUND", id);
		}
		return "redirect:/account/webhooks?deleted";
	}

	private Actor owner() {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return actor;
	}

	private String page(Actor actor, Model model, Webhooks.Subscription created, String typedUrl,
			Map<String, String> errors, String shownBefore) {
		List<String> enterprises = DeclarationApi.declarants(actor);
		model.addAttribute("enterprises", enterprises);
		List<Webhooks.Subscription> active = webhooks.of(enterprises).stream().filter(Webhooks.Subscription::active)
			.toList();
		model.addAttribute("subscriptions", active);
		model.addAttribute("shownBefore",
				active.stream().filter(s -> s.id().toString().equals(shownBefore)).findFirst().orElse(null));
		model.addAttribute("deliveries", webhooks.recentDeliveries(enterprises, RECENT_DELIVERIES));
		model.addAttribute("created", created);
		model.addAttribute("url", typedUrl == null ? "" : typedUrl);
		model.addAttribute("errors", errors);
		return "declaration/webhooks";
	}
}
