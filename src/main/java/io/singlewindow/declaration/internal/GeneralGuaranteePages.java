package io.singlewindow.declaration.internal;

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

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.platform.FormErrors;
import jakarta.servlet.http.HttpServletResponse;

/**
 * General guarantees (总担保) on pages, as {@code /api/v1/general-guarantees} serves them: customs lodges one for an
 * enterprise, reads what holds it and gives it back; the enterprise's traders and brokers read theirs and what each
 * still covers. A refusal shows the form again with what was typed and why.
 */
@Controller
class GeneralGuaranteePages {

	private final GeneralGuarantees guarantees;
	private final SummaryStatements statements;
	private final SummaryStatementDocument document;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	GeneralGuaranteePages(GeneralGuarantees guarantees, SummaryStatements statements,
			SummaryStatementDocument document, CurrentActor currentActor, MessageSource messages) {
		this.guarantees = guarantees;
		this.statements = statements;
		this.document = document;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@Bean
	static NavigationItem generalGuaranteesNavigation() {
		return new NavigationItem("nav.generalGuarantees", "/general-guarantees", Set.of("TRADER", "BROKER", "OFFICER"),
				46).onlyForOfficersOf(AgencyCode.CUSTOMS.value());
	}

	/** What the officer typed into the lodgement form, shown again with the refusal. */
	record Typed(String enterprise, String kind, String amount, String validUntil, String reference,
			boolean summaryPayment) {

		static final Typed NOTHING = new Typed("", "BANK_GUARANTEE", "", "", "", false);
	}

	/** What the officer typed into a statement's payment form, shown again with the refusal. */
	record TypedPayment(String amount, String paidOn, String reference) {

		static final TypedPayment NOTHING = new TypedPayment("", "", "");
	}

	/** How many general guarantees a page of the list shows; the next page follows by a link. */
	static final int LIST_PAGE = 100;

	/**
	 * The general guarantees the reader may read, in force first, the latest first, a page at a time (the first 500
	 * and nothing else before). An odd cursor: the first page.
	 */
	@GetMapping("/general-guarantees")
	String list(@RequestParam(required = false) String cursor, Model model) {
		PageRequest page = PageRequest.onPage(LIST_PAGE, cursor);
		return list(model, page, Typed.NOTHING, null, Map.of());
	}

	@PostMapping("/general-guarantees")
	String lodge(@RequestParam(required = false) String enterprise, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String validUntil,
			@RequestParam(required = false) String reference, @RequestParam(required = false) String summaryPayment,
			Model model, Locale locale, HttpServletResponse response) {
		Actor actor = currentActor.get();
		actor.requireActAs(AgencyCode.CUSTOMS);
		// A checkbox sends its value only when ticked.
		boolean summary = summaryPayment != null && !summaryPayment.isBlank();
		try {
			GeneralGuarantees.Lodged lodged = guarantees.lodge(actor, enterprise, kind, DutyPaymentPages.amount(amount),
					DutyPaymentPages.day("validUntil", validUntil), reference, summary);
			return "redirect:/general-guarantees/" + lodged.guarantee().id();
		} catch (Problem problem) {
			response.setStatus(problem.status().value());
			return list(model, PageRequest.first(LIST_PAGE), new Typed(enterprise, kind, amount, validUntil, reference,
					summary),
					DeclarationPages.firstMessage(messages, problem, locale), FormErrors.of(problem, messages, locale));
		}
	}

	@GetMapping("/general-guarantees/{id}")
	String detail(@PathVariable UUID id, Model model) {
		return detail(id, model, null);
	}

	/** How many of the declarations drawing on a guarantee a page of their whole list shows. */
	static final int DECLARATIONS_PAGE = 100;

	/**
	 * Every declaration customs accepted the guarantee for, the latest first, a page at a time: the whole list, where
	 * the guarantee's reading shows the first {@value GeneralGuarantees#DECLARATIONS_SHOWN}. An odd cursor: the first.
	 */
	@GetMapping("/general-guarantees/{id}/declarations")
	String declarations(@PathVariable UUID id, @RequestParam(required = false) String cursor, Model model) {
		Actor actor = currentActor.get();
		PageRequest page = PageRequest.onPage(DECLARATIONS_PAGE, cursor);
		var listed = guarantees.declarations(actor, id, page);
		model.addAttribute("g", guarantees.find(actor, id));
		model.addAttribute("drawn", listed.rows());
		model.addAttribute("next", listed.next() == null ? null : listed.next().text());
		model.addAttribute("later", page.after() != null);
		return "declaration/general-guarantee-declarations";
	}

	@PostMapping("/general-guarantees/{id}/return")
	String giveBack(@PathVariable UUID id, Model model, Locale locale, HttpServletResponse response) {
		Actor actor = currentActor.get();
		actor.requireActAs(AgencyCode.CUSTOMS);
		try {
			guarantees.giveBack(actor, id);
			return "redirect:/general-guarantees/" + id + "?returned";
		} catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			return detail(id, model, DeclarationPages.firstMessage(messages, problem, locale));
		}
	}

	@GetMapping("/general-guarantees/{id}/statements/{month}")
	String statement(@PathVariable UUID id, @PathVariable String month, Model model) {
		return statement(id, month, model, TypedPayment.NOTHING, null, Map.of());
	}

	/** The statement as a PDF the enterprise keeps and pays from; to whoever may read it. */
	@GetMapping("/general-guarantees/{id}/statements/{month}/statement.pdf")
	org.springframework.http.ResponseEntity<byte[]> statementPdf(@PathVariable UUID id, @PathVariable String month) {
		Actor actor = currentActor.get();
		GeneralGuaranteeView guarantee = guarantees.find(actor, id);
		SummaryStatementView statement = statements.read(actor, id, month);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statement-"
					+ statement.month() + ".pdf\"")
			.body(document.render(guarantee, statement));
	}

	@PostMapping("/general-guarantees/{id}/statements/{month}/payment")
	String payStatement(@PathVariable UUID id, @PathVariable String month,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String paidOn,
			@RequestParam(required = false) String reference, Model model, Locale locale,
			HttpServletResponse response) {
		Actor actor = currentActor.get();
		actor.requireActAs(AgencyCode.CUSTOMS);
		try {
			statements.pay(actor, id, month, DutyPaymentPages.amount(amount), DutyPaymentPages.day("paidOn", paidOn),
					reference);
			return "redirect:/general-guarantees/" + id + "/statements/" + month.strip() + "?paid";
		} catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			return statement(id, month, model, new TypedPayment(amount, paidOn, reference),
					DeclarationPages.firstMessage(messages, problem, locale), FormErrors.of(problem, messages, locale));
		}
	}

	private String statement(UUID id, String month, Model model, TypedPayment typed, String error,
			Map<String, String> errors) {
		Actor actor = currentActor.get();
		model.addAttribute("g", guarantees.find(actor, id));
		model.addAttribute("s", statements.read(actor, id, month));
		model.addAttribute("customs", actor.mayActAs(AgencyCode.CUSTOMS));
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		model.addAttribute("errors", errors);
		return "declaration/summary-statement";
	}

	private String list(Model model, PageRequest page, Typed typed, String error, Map<String, String> errors) {
		Actor actor = currentActor.get();
		var listed = guarantees.list(actor, page);
		model.addAttribute("guarantees", listed.rows());
		model.addAttribute("next", listed.next() == null ? null : listed.next().text());
		model.addAttribute("later", page.after() != null);
		model.addAttribute("expiringCount", guarantees.expiringCount(actor));
		model.addAttribute("customs", actor.mayActAs(AgencyCode.CUSTOMS));
		model.addAttribute("declarant", actor.enterprise() != null);
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		model.addAttribute("errors", errors);
		return "declaration/general-guarantees";
	}

	private String detail(UUID id, Model model, String error) {
		Actor actor = currentActor.get();
		model.addAttribute("g", guarantees.find(actor, id));
		model.addAttribute("customs", actor.mayActAs(AgencyCode.CUSTOMS));
		model.addAttribute("declarationsShown", GeneralGuarantees.DECLARATIONS_SHOWN);
		model.addAttribute("error", error);
		return "declaration/general-guarantee";
	}
}
