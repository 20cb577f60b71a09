package io.singlewindow.identity.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /setup}: exchanges the one-time setup token printed at start-up for the first administrator account. Open
 * to anyone while no administrator exists (the token is the credential); a plain 404 afterwards.
 */
@Controller
class SetupPages {

	private final FirstAdministrator firstAdministrator;
	private final MessageSource messages;

	SetupPages(FirstAdministrator firstAdministrator, MessageSource messages) {
		this.firstAdministrator = firstAdministrator;
		this.messages = messages;
	}

	@GetMapping("/setup")
	String show(HttpServletResponse response, Model model) {
		if (firstAdministrator.isSetUp()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
			return "error";
		}
		return "identity/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam(required = false) String token, @RequestParam(required = false) String username,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
			@RequestParam(required = false) String repeatPassword, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		try {
			firstAdministrator.create(token, username, displayName, password, repeatPassword, request.getRemoteAddr());
			return "redirect:/login?setup";
		} catch (Problem problem) {
			if ("ALREADY_SET_UP".equals(problem.code())) {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
				return "error";
			}
			response.setStatus(422);
			model.addAttribute("errors", io.singlewindow.platform.FormErrors.of(problem, messages, locale));
			model.addAttribute("username", username);
			model.addAttribute("displayName", displayName);
			return "identity/setup";
		}
	}
}
