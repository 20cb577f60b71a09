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
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Customs records the payment of a declaration's duties and taxes from its page ({@link DutyPayments}): the amount
 * (filled with the amount due today), the day paid and the bank's reference; and likewise the collection or refund of
 * what a correction made after the payment changed, on the correction's own notice. A refusal shows the page again
 * with what was typed and why, at the form.
 */
@Controller
class DutyPaymentPages {

	private final DutyPayments payments;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final SupportingDocuments documents;
	private final AgencyAgreements agreements;
	private final MessageSource messages;

	DutyPaymentPages(DutyPayments payments, DeclarationStore store, CurrentActor currentActor,
			SupportingDocuments documents, MessageSource messages, AgencyAgreements agreements) {
		this.agreements = agreements;
		this.payments = payments;
		this.store = store;
		this.currentActor = currentActor;
		this.documents = documents;
		this.messages = messages;
	}

	/**
	 * What the officer typed, and why it was refused: shown in the form again, the message at its field.
	 *
	 * @param form the form it came from, the prefix of its ids: {@code payment}, {@code refund}, {@code enforcement}, or
	 *     {@code settle-<correction>} for a correction's own notice
	 */
	record PaymentError(String form, String field, String message, String amount, String paidOn, String reference) {

		/** The id of the field the message is about, in its form. */
		public String target() {
			return form + "-" + ("paidOn".equals(field) ? "paid-on" : "reference".equals(field) ? "reference" : "amount");
		}
	}

	@PostMapping("/declarations/{id}/duty-payment")
	String record(@PathVariable UUID id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String paidOn, @RequestParam(required = false) String reference,
			Model model, Locale locale, HttpServletResponse response) {
		return recorded(payments::record, id, "payment", "DUTIES_PAID", amount, paidOn, reference, model, locale,
				response);
	}

	@PostMapping("/declarations/{id}/corrections/{correction}/settlement")
	String settle(@PathVariable UUID id, @PathVariable UUID correction,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String paidOn,
			@RequestParam(required = false) String reference, Model model, Locale locale,
			HttpServletResponse response) {
		currentActor.get().requireActAs(AgencyCode.CUSTOMS);
		try {
			DeclarationView settled = payments.settle(currentActor.get(), id, correction, amount(amount),
					day("paidOn", paidOn), reference);
			boolean refund = settled.corrections().stream()
				.anyMatch(c -> c.id().equals(correction) && c.difference() != null
						&& "REFUND".equals(c.difference().kind()));
			return "redirect:/declarations/" + id + "?recorded=" + (refund ? "DIFFERENCE_REFUNDED" : "DIFFERENCE_COLLECTED");
		} catch (Problem problem) {
			return refused(problem, id, "settle-" + correction, amount, paidOn, reference, model, locale, response);
		}
	}

	@PostMapping("/declarations/{id}/duty-refund")
	String refund(@PathVariable UUID id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String paidOn, @RequestParam(required = false) String reference,
			Model model, Locale locale, HttpServletResponse response) {
		return recorded(payments::refund, id, "refund", "DUTIES_REFUNDED", amount, paidOn, reference, model, locale,
				response);
	}

	@PostMapping("/declarations/{id}/duty-guarantee/enforcement")
	String enforceGuarantee(@PathVariable UUID id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String paidOn, @RequestParam(required = false) String reference,
			Model model, Locale locale, HttpServletResponse response) {
		return recorded(payments::enforceGuarantee, id, "enforcement", "GUARANTEE_ENFORCED", amount, paidOn, reference,
				model, locale, response);
	}

	/** What the officer typed for a guarantee, and why it was refused: shown in its form again. */
	record GuaranteeError(String field, String message, String kind, String amount, String validUntil,
			String reference) {
	}

	@PostMapping("/declarations/{id}/duty-guarantee")
	String guarantee(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String validUntil,
			@RequestParam(required = false) String reference, Model model, Locale locale,
			HttpServletResponse response) {
		currentActor.get().requireActAs(AgencyCode.CUSTOMS);
		try {
			payments.guarantee(currentActor.get(), id, kind, amount(amount), day("validUntil", validUntil), reference);
			return "redirect:/declarations/" + id + "?recorded=DUTIES_GUARANTEED";
		} catch (Problem problem) {
			return shownAgain(problem, id, model, locale, response, "guaranteeError",
					(field, message) -> new GuaranteeError(field, message, kind, amount, validUntil, reference));
		}
	}

	/** One of {@link DutyPayments}' records of money moved: an amount, a day and a reference. */
	@FunctionalInterface
	interface MoneyRecord {
		DeclarationView record(Actor actor, UUID id, BigDecimal amount, LocalDate paidOn, String reference);
	}

	/**
	 * A money form posted: recorded, the page again with {@code done} said; or refused, the page again with what was
	 * typed in {@code form}.
	 */
	private String recorded(MoneyRecord money, UUID id, String form, String done, String amount, String paidOn,
			String reference, Model model, Locale locale, HttpServletResponse response) {
		// Before anything typed is read: a refusal shows the declaration again, and only to customs.
		currentActor.get().requireActAs(AgencyCode.CUSTOMS);
		try {
			money.record(currentActor.get(), id, amount(amount), day("paidOn", paidOn), reference);
			return "redirect:/declarations/" + id + "?recorded=" + done;
		} catch (Problem problem) {
			return refused(problem, id, form, amount, paidOn, reference, model, locale, response);
		}
	}

	/** A money form's refusal: the page again with what was typed in {@code form}. */
	private String refused(Problem problem, UUID id, String form, String amount, String paidOn, String reference,
			Model model, Locale locale, HttpServletResponse response) {
		return shownAgain(problem, id, model, locale, response, "paymentError",
				(field, message) -> new PaymentError(form, field, message, amount, paidOn, reference));
	}

	/**
	 * The page again, with what was typed and why it was refused, as {@code attribute} (made of the field refused and
	 * the message); forbidden and not found as they are.
	 */
	private String shownAgain(Problem problem, UUID id, Model model, Locale locale, HttpServletResponse response,
			String attribute, java.util.function.BiFunction<String, String, Object> typed) {
		if (problem.status().value() == 403 || problem.status().value() == 404) {
			throw problem;
		}
		response.setStatus(problem.status().value());
		String field = problem.fieldProblems().isEmpty() ? null : problem.fieldProblems().getFirst().field();
		model.addAttribute(attribute, typed.apply(field, DeclarationPages.firstMessage(messages, problem, locale)));
		return DeclarationPages.detail(model, store, documents, agreements, currentActor.get(), id);
	}

	/** The amount as a person writes it (12,345.60); blank is no amount. */
	static BigDecimal amount(String written) {
		try {
			return WrittenNumber.parse(written);
		} catch (InvalidValue e) {
			throw Problem.invalidField("amount", e.code(), e.arguments());
		}
	}

	/** The day as the date field sends it (2026-12-04); blank is none. */
	static LocalDate day(String field, String written) {
		if (written == null || written.isBlank()) {
			return null;
		}
		try {
			return io.singlewindow.core.IsoDay.parse(written.strip());
		} catch (DateTimeParseException e) {
			throw Problem.invalidField(field, "MALFORMED_VALUE");
		}
	}
}
