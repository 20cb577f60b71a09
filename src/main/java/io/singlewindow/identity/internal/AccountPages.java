package io.singlewindow.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import io.singlewindow.core.PageRequest;
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

	/** How many accounts a page of the list shows; the next page follows by a link. */
	static final int SHOWN = 100;

	/**
	 * The list as the administrator left it — a search, a role, the page — carried by every button of a row so that
	 * its action comes back to the same view, not to the first page of every account. A value the list does not know
	 * (a role that is none, a blank search) means "any"; an odd cursor the first page.
	 */
	record ListView(String q, Role role, String cursor) {

		static ListView of(String q, String role, String cursor) {
			Role chosen = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst()
				.orElse(null);
			return new ListView(q == null || q.isBlank() ? null : q.strip(), chosen,
					cursor == null || cursor.isBlank() ? null : cursor.strip());
		}

		/**
		 * The list's address with a notice ({@code name}, or {@code name=value}) and this view. Values go in as URI
		 * variables, encoded strictly: a search's {@code +} or {@code &} comes back as typed.
		 */
		String address(String notice, String value) {
			var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/accounts").encode();
			Map<String, String> values = new LinkedHashMap<>();
			if (notice != null) {
				if (value == null) {
					uri.queryParam(notice);
				} else {
					uri.queryParam(notice, "{notice}");
					values.put("notice", value);
				}
			}
			if (q != null) {
				uri.queryParam("q", "{q}");
				values.put("q", q);
			}
			if (role != null) {
				uri.queryParam("role", role.name());
			}
			if (cursor != null) {
				uri.queryParam("cursor", "{cursor}");
				values.put("cursor", cursor);
			}
			return uri.buildAndExpand(values).toUriString();
		}
	}

	/**
	 * The zone's accounts a page at a time, narrowed by a piece of the user name, the name or the enterprise's USCC and
	 * by a role (every account on one page before: a zone's traders alone number thousands).
	 */
	@GetMapping("/admin/accounts")
	String accounts(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String cursor, Model model) {
		return accounts(ListView.of(q, role, cursor), model);
	}

	private String accounts(ListView view, Model model) {
		PageRequest page = PageRequest.onPage(SHOWN, view.cursor());
		var listed = administration.all(new AccountAdministration.AccountSearch(view.q(), view.role()), page);
		model.addAttribute("accounts", listed.rows());
		model.addAttribute("next", listed.next() == null ? null : listed.next().text());
		model.addAttribute("later", page.after() != null);
		model.addAttribute("q", view.q() == null ? "" : view.q());
		model.addAttribute("role", view.role() == null ? "" : view.role().name());
		model.addAttribute("cursor", page.after() == null ? "" : view.cursor());
		model.addAttribute("roles", Role.values());
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
			// The list opens on the new account, wherever it stands among the others.
			return "redirect:" + new ListView(username.strip(), null, null).address("opened", username.strip());
		} catch (Problem problem) {
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			model.addAttribute("form", new AccountAdministration.NewAccount(username, displayName, role, agency, null));
			return accounts(ListView.of(null, null, null), model);
		}
	}

	@PostMapping("/admin/accounts/{id}/deactivate")
	String deactivate(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) String cursor,
			HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> administration.deactivate(currentActor.get(), id, request.getRemoteAddr()), null,
				ListView.of(q, role, cursor), response, model, locale);
	}

	@PostMapping("/admin/accounts/{id}/enterprise-administration")
	String nameEnterpriseAdministrator(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) String cursor,
			HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> administration.nameEnterpriseAdministrator(currentActor.get(), id, request.getRemoteAddr()),
				null, ListView.of(q, role, cursor), response, model, locale);
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam(required = false) String password,
			@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String cursor, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> administration.resetPassword(currentActor.get(), id, password, request.getRemoteAddr()),
				"reset", ListView.of(q, role, cursor), response, model, locale);
	}

	/** 动态口令: the roles whose accounts must log in with a second factor (none ticked: each person decides). */
	@PostMapping("/admin/accounts/second-factor-requirement")
	String requireSecondFactor(@RequestParam(required = false) List<String> roles, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> secondFactors.require(currentActor.get(), roles, request.getRemoteAddr()),
				"secondFactorRequired", ListView.of(null, null, null), response, model, locale);
	}

	/** 动态口令: an account whose phone was lost logs in with its password until its holder turns it on again. */
	@PostMapping("/admin/accounts/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) String cursor,
			HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> secondFactors.reset(currentActor.get(), id, request.getRemoteAddr()), "secondFactorReset",
				ListView.of(q, role, cursor), response, model, locale);
	}

	/**
	 * Does what a button on an account's row asks and goes back to the list as it was, with {@code notice}; refused,
	 * the list again with the refusal and its status (an unknown account: the error page).
	 */
	private String acted(Runnable action, String notice, ListView view, jakarta.servlet.http.HttpServletResponse response,
			Model model, Locale locale) {
		try {
			action.run();
		} catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			return accounts(view, model);
		}
		return "redirect:" + view.address(notice, null);
	}

	@PostMapping("/admin/accounts/{id}/reactivate")
	String reactivate(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) String cursor,
			HttpServletRequest request) {
		administration.reactivate(currentActor.get(), id, request.getRemoteAddr());
		return "redirect:" + ListView.of(q, role, cursor).address(null, null);
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
