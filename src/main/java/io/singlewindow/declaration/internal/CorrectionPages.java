package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Customs corrects a cleared or released declaration's values from its page ({@link DeclarationCorrections}): one
 * field a line ({@code value-N}, filled with the value as declared) and the reason; the lines whose value the officer
 * changed are corrected. A refusal shows the page again with what was typed and why, at the form.
 */
@Controller
class CorrectionPages {

	private static final Pattern VALUE_FIELD = Pattern.compile("value-([1-9][0-9]{0,2})");

	private final DeclarationCorrections corrections;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final SupportingDocuments documents;
	private final AgencyAgreements agreements;
	private final MessageSource messages;

	CorrectionPages(DeclarationCorrections corrections, DeclarationStore store, CurrentActor currentActor,
			SupportingDocuments documents, MessageSource messages, AgencyAgreements agreements) {
		this.agreements = agreements;
		this.corrections = corrections;
		this.store = store;
		this.currentActor = currentActor;
		this.documents = documents;
		this.messages = messages;
	}

	/** What the officer typed into the form, and why it was refused: shown in the form again. */
	record CorrectionError(String message, String reason, Map<Integer, String> typed) {

		/** The value typed for a line, or {@literal null} when the form sent none for it. */
		public String typed(int lineNo) {
			return typed.get(lineNo);
		}
	}

	@PostMapping("/declarations/{id}/correction")
	String correct(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, Locale locale,
			HttpServletResponse response) {
		// Before anything typed is read: a refusal shows the declaration again, and only to those who may correct it.
		currentActor.get().requireActAs(AgencyCode.CUSTOMS);
		return act(id, form, model, locale, response, (typed, reason) -> {
			corrections.correct(currentActor.get(), id, reason, version(form.get("version")), values(typed));
			return "redirect:/declarations/" + id + "?recorded=CORRECTED";
		});
	}

	/** The declarant applies for a correction from the same form; a stranger meets 403 when the page is shown again. */
	@PostMapping("/declarations/{id}/correction-application")
	String applyForCorrection(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
			Locale locale, HttpServletResponse response) {
		return act(id, form, model, locale, response, (typed, reason) -> {
			corrections.applyForCorrection(currentActor.get(), id, reason, version(form.get("version")),
					values(typed));
			return "redirect:/declarations/" + id + "?recorded=CORRECTION_APPLIED";
		});
	}

	/**
	 * Customs refuses the application from the correction form's reason; the refusal names the application the officer
	 * read ({@code appliedAt}, in the button's address).
	 */
	@PostMapping("/declarations/{id}/correction-application/refusal")
	String refuseCorrection(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, Locale locale,
			HttpServletResponse response) {
		currentActor.get().requireActAs(AgencyCode.CUSTOMS);
		return act(id, form, model, locale, response, (typed, reason) -> {
			corrections.refuseCorrection(currentActor.get(), id, reason, DeclarationPages.instant("appliedAt", form.get("appliedAt")));
			return "redirect:/declarations/" + id + "?recorded=CORRECTION_REFUSED";
		});
	}

	/** What a form does with what was typed in it (the values by line, the reason); answers where to go next. */
	@FunctionalInterface
	private interface FormAct {

		String apply(Map<Integer, String> typed, String reason);
	}

	private String act(UUID id, Map<String, String> form, Model model, Locale locale, HttpServletResponse response,
			FormAct act) {
		String reason = form.get("reason");
		Map<Integer, String> typed = typedValues(form);
		try {
			return act.apply(typed, reason);
		} catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			model.addAttribute("correctError", new CorrectionError(
					DeclarationPages.firstMessage(messages, problem, locale), reason, typed));
			return DeclarationPages.detail(model, store, documents, agreements, currentActor.get(), id);
		}
	}

	/** The value fields the form sent, by line number, in line order. */
	private static Map<Integer, String> typedValues(Map<String, String> form) {
		Map<Integer, String> typed = new java.util.TreeMap<>();
		form.forEach((name, value) -> {
			Matcher m = VALUE_FIELD.matcher(name);
			if (m.matches() && typed.size() < InputLimits.ITEMS_PER_DECLARATION) {
				typed.put(Integer.valueOf(m.group(1)), value);
			}
		});
		return typed;
	}

	/**
	 * The values as numbers, as a person writes them (160,000.50); a line left empty is not corrected.
	 *
	 * @throws Problem 422 {@code NUMBER_UNREADABLE} at {@code lines[i].value}
	 */
	private static List<CorrectedValue> values(Map<Integer, String> typed) {
		List<CorrectedValue> values = new ArrayList<>();
		List<FieldProblem> unreadable = new ArrayList<>();
		Map<Integer, String> given = new LinkedHashMap<>(typed);
		given.values().removeIf(v -> v == null || v.isBlank());
		given.forEach((lineNo, written) -> {
			try {
				values.add(new CorrectedValue(lineNo, WrittenNumber.parse(written)));
			} catch (InvalidValue e) {
				unreadable.add(new FieldProblem("lines[" + values.size() + "].value", e.code(), e.arguments()));
				values.add(new CorrectedValue(lineNo, null));
			}
		});
		if (!unreadable.isEmpty()) {
			throw Problem.invalidInput(unreadable);
		}
		return values;
	}

	/**
	 * The version the page showed; without one the declaration is corrected as it is now.
	 *
	 * @throws Problem 422 {@code MALFORMED_VALUE} at {@code version} when it is no number
	 */
	private static Integer version(String raw) {
		try {
			return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
		} catch (NumberFormatException e) {
			throw Problem.invalidField("version", "MALFORMED_VALUE");
		}
	}
}
