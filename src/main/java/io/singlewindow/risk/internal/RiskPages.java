package io.singlewindow.risk.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.risk.Channel;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Web pages: administrators manage risk profiles under {@code /admin/risk}; officers look at recorded assessments
 * under {@code /risk/assessments}.
 */
@Controller
class RiskPages {

	private final RiskProfileAdministration administration;
	private final JdbcRiskAssessor assessor;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	RiskPages(RiskProfileAdministration administration, JdbcRiskAssessor assessor, CurrentActor currentActor,
			MessageSource messages) {
		this.administration = administration;
		this.assessor = assessor;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@Bean
	static NavigationItem riskProfilesNavigation() {
		return new NavigationItem("nav.riskProfiles", "/admin/risk", Set.of("ADMIN"), 60);
	}

	@Bean
	static NavigationItem riskAssessmentsNavigation() {
		return new NavigationItem("nav.riskAssessments", "/risk/assessments", Set.of("OFFICER", "ADMIN"), 61)
			// Channels are customs' knowledge: other agencies' officers decide without them.
			.onlyForOfficersOf("CUSTOMS");
	}

	@GetMapping("/admin/risk")
	String profiles(Model model) {
		model.addAttribute("profiles", administration.all());
		return "risk/profiles";
	}

	@GetMapping("/admin/risk/new")
	String newProfile(Model model) {
		return form(model, new RiskProfileForm(), null, Map.of());
	}

	@PostMapping("/admin/risk")
	String create(@ModelAttribute("form") RiskProfileForm form, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		Violations violations = new Violations();
		try {
			RiskProfile created = administration.create(form.toDraft(violations), violations);
			redirect.addFlashAttribute("saved", created.code());
			return "redirect:/admin/risk";
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			return form(model, form, null, errors(problem, locale));
		}
	}

	@GetMapping("/admin/risk/{code}")
	String edit(@PathVariable String code, Model model) {
		return form(model, RiskProfileForm.of(administration.get(code)), code, Map.of());
	}

	@PostMapping("/admin/risk/{code}")
	String update(@PathVariable String code, @ModelAttribute("form") RiskProfileForm form, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		Violations violations = new Violations();
		try {
			administration.update(code, form.toDraft(violations), violations);
			redirect.addFlashAttribute("saved", code);
			return "redirect:/admin/risk";
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			form.setCode(code);
			return form(model, form, code, errors(problem, locale));
		}
	}

	@PostMapping("/admin/risk/{code}/deactivate")
	String deactivate(@PathVariable String code, RedirectAttributes redirect) {
		administration.deactivate(code);
		redirect.addFlashAttribute("deactivated", code);
		return "redirect:/admin/risk";
	}

	@GetMapping("/risk/assessments")
	String assessments(@RequestParam(required = false) Channel channel, Model model) {
		officerOrAdmin();
		model.addAttribute("channel", channel);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("assessments", assessor.recent(channel, 100));
		return "risk/assessments";
	}

	@GetMapping("/risk/assessments/{declarationId}")
	String assessment(@PathVariable UUID declarationId, Model model, HttpServletResponse response) {
		officerOrAdmin();
		var assessment = assessor.find(declarationId);
		if (assessment.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		model.addAttribute("declarationId", declarationId);
		model.addAttribute("assessment", assessment.orElse(null));
		return "risk/assessment-page";
	}

	private void officerOrAdmin() {
		Actor actor = currentActor.get();
		if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
			throw new AccessDeniedException("risk assessments are for officers");
		}
	}

	private String form(Model model, RiskProfileForm form, String editing, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		return "risk/profile-form";
	}

	/** Field → messages; list items ({@code hsPrefixes[1]}) are shown at their list's field. */
	private Map<String, String> errors(Problem problem, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (problem.fieldProblems().isEmpty()) {
			errors.put("form", message(problem.code(), problem.arguments(), locale));
		}
		for (FieldProblem p : problem.fieldProblems()) {
			String field = p.field().replaceAll("\\[\\d+]$", "");
			errors.merge(field, message(p.code(), p.arguments(), locale), (a, b) -> a + " " + b);
		}
		return errors;
	}

	private String message(String code, Object[] arguments, Locale locale) {
		return messages.getMessage("problem." + code, arguments, code, locale);
	}
}
