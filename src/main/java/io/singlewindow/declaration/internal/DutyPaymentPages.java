package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Customs records the payment of a declaration's duties and taxes from its page ({@link DutyPayments}): the amount
 * (filled with the amount due today), the day paid and the bank's reference. A refusal shows the page again with what
 * was typed and why, at the form.
 */
@Controller
class DutyPaymentPages {

	private final DutyPayments payments;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final SupportingDocuments documents;
	private final MessageSource messages;

	DutyPaymentPages(DutyPayments payments, DeclarationStore store, CurrentActor currentActor,
			SupportingDocuments documents, MessageSource messages) {
		this.payments = payments;
		this.store = store;
		this.currentActor = currentActor;
		this.documents = documents;
		this.messages = messages;
	}

	/** What the officer typed, and why it was refused: shown in the form again, the message at its field. */
	record PaymentError(String field, String message, String amount, String paidOn, String reference) {
	}

	@PostMapping("/declarations/{id}/duty-payment")
	String record(@PathVariable UUID id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String paidOn, @RequestParam(required = false) String reference,
			Model model, Locale locale, HttpServletResponse response) {
		// Before anything typed is read: a refusal shows the declaration again, and only to customs.
		currentActor.get().requireActAs(AgencyCode.CUSTOMS);
		try {
			payments.record(currentActor.get(), id, amount(amount), day(paidOn), reference);
			return "redirect:/declarations/" + id + "?recorded=DUTIES_PAID";
		} catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			String field = problem.fieldProblems().isEmpty() ? null : problem.fieldProblems().getFirst().field();
			model.addAttribute("paymentError", new PaymentError(field,
					DeclarationPages.firstMessage(messages, problem, locale), amount, paidOn, reference));
			return DeclarationPages.detail(model, store, documents, currentActor.get(), id);
		}
	}

	/** The amount as a person writes it (12,345.60); blank is no amount. */
	private static BigDecimal amount(String written) {
		try {
			return WrittenNumber.parse(written);
		} catch (InvalidValue e) {
			throw Problem.invalidField("amount", e.code(), e.value());
		}
	}

	/** The day as the date field sends it (2026-12-04); blank is today. */
	private static LocalDate day(String written) {
		if (written == null || written.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(written.strip());
		} catch (DateTimeParseException e) {
			throw Problem.invalidField("paidOn", "MALFORMED_VALUE");
		}
	}
}
