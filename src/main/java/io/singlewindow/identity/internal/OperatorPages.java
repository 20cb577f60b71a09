package io.singlewindow.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.EnterpriseNames;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The enterprise's operators page ({@code /account/operators}): everyone of it reads it, its administrator acts. */
@Controller
class OperatorPages {

	private final Operators operators;
	private final CurrentActor currentActor;
	private final MessageSource messages;
	private final ObjectProvider<EnterpriseNames> enterpriseNames;

	OperatorPages(Operators operators, CurrentActor currentActor, MessageSource messages,
			ObjectProvider<EnterpriseNames> enterpriseNames) {
		this.operators = operators;
		this.currentActor = currentActor;
		this.messages = messages;
		this.enterpriseNames = enterpriseNames;
	}

	@GetMapping("/account/operators")
	String operators(Model model) {
		Actor actor = currentActor.get();
		List<Operators.Operator> listed = operators.of(actor);
		model.addAttribute("operators", listed);
		model.addAttribute("administers", operators.administers(actor));
		model.addAttribute("brokerage", actor.is(Role.BROKER));
		if (actor.is(Role.BROKER)) {
			principals(actor, listed, model);
		}
		model.addAttribute("everyRight", List.of(OperatorRight.values()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Operators.NewOperator(null, null, null,
					OperatorRight.all().stream().map(OperatorRight::name).toList()));
		}
		return "identity/operators";
	}

	/**
	 * Opens a colleague's account. The form sends an empty {@code rights} beside its boxes, so that none ticked reads
	 * as reading only, not as the API's "left out: every right".
	 */
	@PostMapping("/account/operators")
	String open(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String password, @RequestParam(required = false) List<String> rights,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		List<String> ticked = ticked(rights);
		try {
			operators.open(currentActor.get(), new Operators.NewOperator(username, displayName, password, ticked),
					request.getRemoteAddr());
			return "redirect:/account/operators?opened=" + username.strip();
		} catch (Problem problem) {
			model.addAttribute("form", new Operators.NewOperator(username, displayName, null, ticked));
			return refused(problem, response, model, locale);
		}
	}

	@PostMapping("/account/operators/{id}/rights")
	String grant(@PathVariable UUID id, @RequestParam(required = false) List<String> rights,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> operators.grant(currentActor.get(), id, new Operators.Grant(ticked(rights)),
				request.getRemoteAddr()), "?rights", response, model, locale);
	}

	/**
	 * 分管委托企业: a brokerage's page offers its principals by name (the brokerage's now, those its administrator may
	 * tick) and names those each colleague acts for (one whose authority ended since: by USCC).
	 */
	private void principals(Actor actor, List<Operators.Operator> listed, Model model) {
		Set<Uscc> named = new java.util.HashSet<>(actor.principals());
		listed.stream().filter(o -> o.principals() != null).flatMap(o -> o.principals().stream())
			.forEach(uscc -> named.add(Uscc.parse(uscc)));
		Map<String, String> names = new java.util.HashMap<>();
		EnterpriseNames registered = enterpriseNames.getIfAvailable();
		(registered == null ? Map.<Uscc, String>of() : registered.namesOf(named))
			.forEach((uscc, name) -> names.put(uscc.value(), name));
		model.addAttribute("principalNames", names);
		model.addAttribute("principalChoices", actor.principals().stream().map(Uscc::value)
			.sorted(java.util.Comparator.comparing((String uscc) -> names.getOrDefault(uscc, uscc))).toList());
	}

	/**
	 * Sets the principals a brokerage's colleague acts for: the box "all" ticked, every one; otherwise those ticked
	 * (the form sends an empty {@code principals} beside them, so that none ticked reads as the brokerage's own only).
	 */
	@PostMapping("/account/operators/{id}/principals")
	String assign(@PathVariable UUID id, @RequestParam(required = false) String all,
			@RequestParam(required = false) List<String> principals, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		boolean every = "true".equals(all);
		return acted(() -> operators.assign(currentActor.get(), id,
				new Operators.Assignment(every, every ? null : ticked(principals)), request.getRemoteAddr()),
				"?principals", response, model, locale);
	}

	/** The boxes ticked, without the empty value each rights form sends so that a form with none ticked says so. */
	private static List<String> ticked(List<String> rights) {
		return rights == null ? List.of() : rights.stream().filter(r -> r != null && !r.isBlank()).toList();
	}

	@PostMapping("/account/operators/{id}/deactivate")
	String deactivate(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale) {
		return acted(() -> operators.deactivate(currentActor.get(), id, request.getRemoteAddr()), "",
				response, model, locale);
	}

	@PostMapping("/account/operators/{id}/reactivate")
	String reactivate(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale) {
		return acted(() -> operators.reactivate(currentActor.get(), id, request.getRemoteAddr()), "",
				response, model, locale);
	}

	@PostMapping("/account/operators/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> operators.resetPassword(currentActor.get(), id, password, request.getRemoteAddr()),
				"?reset", response, model, locale);
	}

	/** 动态口令: a colleague who lost the phone logs in with the password until turning it on again. */
	@PostMapping("/account/operators/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		return acted(() -> operators.resetSecondFactor(currentActor.get(), id, request.getRemoteAddr()),
				"?secondFactorReset", response, model, locale);
	}

	@PostMapping("/account/operators/{id}/administration")
	String handOver(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale) {
		return acted(() -> operators.handOver(currentActor.get(), id, request.getRemoteAddr()), "?handedOver",
				response, model, locale);
	}

	/** Does what a button on a colleague's row asks, and goes back to the page with {@code notice}, or refuses. */
	private String acted(Runnable action, String notice, HttpServletResponse response, Model model, Locale locale) {
		try {
			action.run();
		} catch (Problem problem) {
			return refused(problem, response, model, locale);
		}
		return "redirect:/account/operators" + notice;
	}

	/**
	 * The page again with what was refused; someone who may not act (403) or names an account not of the enterprise
	 * (404) gets the error page instead.
	 */
	private String refused(Problem problem, HttpServletResponse response, Model model, Locale locale) {
		int status = problem.status().value();
		if (status == 403 || status == 404) {
			throw problem;
		}
		response.setStatus(status);
		model.addAttribute("errors", FormErrors.of(problem, messages, locale));
		return operators(model);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem operatorsNavigation() {
			return new NavigationItem("nav.operators", "/account/operators", Set.of("TRADER", "BROKER"), 905);
		}
	}
}
