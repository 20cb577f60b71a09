package io.singlewindow.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

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
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletRequest;

/** The administrators' account page ({@code /admin/accounts}) and everyone's password page. */
@Controller
class AccountPages {

	private final AccountAdministration administration;
	private final CurrentActor currentActor;
	private final Agencies agencies;
	private final MessageSource messages;
	private final SecondFactors secondFactors;

	AccountPages(AccountAdministration administration, CurrentActor currentActor, Agencies agencies,
			MessageSource messages, SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.administration = administration;
		this.currentActor = currentActor;
		this.agencies = agencies;
		this.messages = messages;
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", administration.all());
		model.addAttribute("agencies", agencies.all());
		model.addAttribute("secondFactorRoles", secondFactors.requiredRoles().stream().map(Enum::name).toList());
		return "identity/accounts";
	}

	@PostMapping("/admin/accounts")
	String open(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) Role role, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String password, HttpServletRequest request, Model model, Locale locale) {
		try {
			administration.open(currentActor.get(),
					new AccountAdministration.NewAccount(username, displayName, role, agency, password),
					request.getRemoteAddr());
			return "redirect:/admin/accounts?opened=" + username.strip();
		} catch (Problem problem) {
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			model.addAttribute("form", new AccountAdministration.NewAccount(username, displayName, role, agency, null));
			return accounts(model);
		}
	}

	@PostMapping("/admin/accounts/{id}/deactivate")
	String deactivate(@PathVariable UUID id, HttpServletRequest request, Model model, Locale locale) {
		try {
			administration.deactivate(currentActor.get(), id, request.getRemoteAddr());
		} catch (Problem problem) {
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			return accounts(model);
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/enterprise-administration")
	String nameEnterpriseAdministrator(@PathVariable UUID id, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> administration.nameEnterpriseAdministrator(currentActor.get(), id, request.getRemoteAddr()),
				"", response, model, locale);
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam(required = false) String password,
			HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> administration.resetPassword(currentActor.get(), id, password, request.getRemoteAddr()),
				"?reset", response, model, locale);
	}

	/** 动态口令: the roles whose accounts must log in with a second factor (none ticked: each person decides). */
	@PostMapping("/admin/accounts/second-factor-requirement")
	String requireSecondFactor(@RequestParam(required = false) List<String> roles, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> secondFactors.require(currentActor.get(), roles, request.getRemoteAddr()),
				"?secondFactorRequired", response, model, locale);
	}

	/** 动态口令: an account whose phone was lost logs in with its password until its holder turns it on again. */
	@PostMapping("/admin/accounts/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID id, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> secondFactors.reset(currentActor.get(), id, request.getRemoteAddr()), "?secondFactorReset",
				response, model, locale);
	}

	/**
	 * Does what a button on an account's row asks and goes back to the list with {@code notice}; refused, the list
	 * again with the refusal and its status (an unknown account: the error page).
	 */
	private String acted(Runnable action, String notice, jakarta.servlet.http.HttpServletResponse response,
			Model model, Locale locale) {
		try {
			action.run();
		} catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			return accounts(model);
		}
		return "redirect:/admin/accounts" + notice;
	}

	@PostMapping("/admin/accounts/{id}/reactivate")
	String reactivate(@PathVariable UUID id, HttpServletRequest request) {
		administration.reactivate(currentActor.get(), id, request.getRemoteAddr());
		return "redirect:/admin/accounts";
	}

	@GetMapping("/account/password")
	String password(Model model) {
		model.addAttribute("required", administration.passwordChangeRequired(currentActor.get().userId()));
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String repeatPassword,
			HttpServletRequest request, Model model, Locale locale) {
		try {
			administration.changePassword(currentActor.get(), currentPassword, newPassword, repeatPassword,
					request.getSession().getId(), request.getRemoteAddr());
			model.addAttribute("changed", true);
		} catch (Problem problem) {
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			model.addAttribute("required", administration.passwordChangeRequired(currentActor.get().userId()));
		}
		return "identity/password";
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem accountsNavigation() {
			return new NavigationItem("nav.accounts", "/admin/accounts", Set.of("ADMIN"), 880);
		}

		@Bean
		NavigationItem passwordNavigation() {
			return new NavigationItem("nav.password", "/account/password", Set.of("TRADER", "BROKER", "OFFICER", "ADMIN"),
					910);
		}
	}
}
