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

	@GetMapping("/account/webhooks")
	String page(Model model) {
		return page(owner(), model, null, null, Map.of());
	}

	@PostMapping("/account/webhooks")
	String create(@RequestParam(required = false) String url, @RequestParam(required = false) String enterprise,
			Model model, Locale locale, HttpServletResponse response) {
		Actor actor = owner();
		try {
			Uscc owner = enterprise == null || enterprise.isBlank() ? actor.enterprise()
					: Violations.readOne("enterprise", () -> Uscc.parse(enterprise));
			actor.requireActFor(owner, OperatorRight.MANAGE_ENTERPRISE);
			URI uri = targets.accept(url);
			return page(actor, model, webhooks.register(owner.value(), uri.toString(), actor.username()), null,
					Map.of());
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			return page(actor, model, null, url, FormErrors.of(problem, messages, locale));
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
			Map<String, String> errors) {
		List<String> enterprises = DeclarationApi.declarants(actor);
		model.addAttribute("enterprises", enterprises);
		model.addAttribute("subscriptions", webhooks.of(enterprises).stream().filter(Webhooks.Subscription::active)
			.toList());
		model.addAttribute("deliveries", webhooks.recentDeliveries(enterprises, RECENT_DELIVERIES));
		model.addAttribute("created", created);
		model.addAttribute("url", typedUrl == null ? "" : typedUrl);
		model.addAttribute("errors", errors);
		return "declaration/webhooks";
	}
}
