package io.singlewindow.declaration.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.FormErrors;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Agency agreements on pages, as {@code /api/v1/agency-agreements} serves them: a broker proposes one to a principal
 * and withdraws it while undecided, the principal's trader confirms or declines it, customs reads them, and the zone's
 * administrators set from which day they are required. A refusal shows the page again with what was typed and why.
 */
@Controller
class AgencyAgreementPages {

	/** How many agreements a page of the list shows; the next page follows by a link. */
	static final int LIST_PAGE = 100;

	private final AgencyAgreements agreements;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	AgencyAgreementPages(AgencyAgreements agreements, CurrentActor currentActor, MessageSource messages) {
		this.agreements = agreements;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@Bean
	static NavigationItem agencyAgreementsNavigation() {
		return new NavigationItem("nav.agencyAgreements", "/agency-agreements",
				Set.of("TRADER", "BROKER", "OFFICER", "ADMIN"), 47).onlyForOfficersOf(AgencyCode.CUSTOMS.value());
	}

	/** What the broker typed into the proposal form, shown again with the refusal. */
	record Typed(String principal, String flow, String goods, String hsCode, String transportDocument,
			String validUntil, List<String> documentsReceived, String otherDocuments, String documentsReceivedOn,
			String fee) {

		static final Typed NOTHING = new Typed("", "IMPORT", "", "", "", "", List.of(), "", "", "");
	}

	/** A principal the broker may propose to, named as registered. */
	record Choice(String uscc, String name) {
	}

	/**
	 * The agreements the reader may read, the latest first, a page at a time, narrowed by status and by a text
	 * searched for; an odd cursor or status, or a text that cannot be searched for: the first page of all.
	 */
	@GetMapping("/agency-agreements")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, Model model) {
		return page(model, status, q, cursor, Typed.NOTHING, null, Map.of());
	}

	@PostMapping("/agency-agreements")
	String propose(@RequestParam(required = false) String principal, @RequestParam(required = false) String flow,
			@RequestParam(required = false) String goods, @RequestParam(required = false) String hsCode,
			@RequestParam(required = false) String transportDocument,
			@RequestParam(required = false) String validUntil,
			@RequestParam(required = false) List<String> documentsReceived,
			@RequestParam(required = false) String otherDocuments,
			@RequestParam(required = false) String documentsReceivedOn, @RequestParam(required = false) String fee,
			Model model, Locale locale, HttpServletResponse response) {
		List<String> documents = documentsReceived == null ? List.of() : documentsReceived;
		Typed typed = new Typed(principal, flow, goods, hsCode, transportDocument, validUntil, documents,
				otherDocuments, documentsReceivedOn, fee);
		try {
			var proposed = agreements.propose(currentActor.get(), new AgencyAgreements.Proposal(principal, flow, goods,
					hsCode, transportDocument, validUntil, documents, otherDocuments, documentsReceivedOn, fee));
			return "redirect:/agency-agreements?proposed=" + proposed.agreement().number();
		} catch (Problem problem) {
			return refused(problem, model, locale, response, typed);
		}
	}

	@PostMapping("/agency-agreements/{number}/confirm")
	String confirm(@PathVariable String number, Model model, Locale locale, HttpServletResponse response) {
		return decided(() -> agreements.confirm(currentActor.get(), number), "confirmed", model, locale, response);
	}

	@PostMapping("/agency-agreements/{number}/decline")
	String decline(@PathVariable String number, @RequestParam(required = false) String reason, Model model,
			Locale locale, HttpServletResponse response) {
		return decided(() -> agreements.decline(currentActor.get(), number, reason), "declined", model, locale,
				response);
	}

	@PostMapping("/agency-agreements/{number}/withdraw")
	String withdraw(@PathVariable String number, Model model, Locale locale, HttpServletResponse response) {
		return decided(() -> agreements.withdraw(currentActor.get(), number), "withdrawn", model, locale, response);
	}

	/**
	 * A decision on one agreement: back to the list saying what was done to which ({@code notice}, the parameter the
	 * page reads), or the list again with why it was refused.
	 */
	private String decided(Supplier<AgencyAgreements.Read> decision, String notice, Model model,
			Locale locale, HttpServletResponse response) {
		try {
			return "redirect:/agency-agreements?" + notice + "=" + decision.get().agreement().number();
		} catch (Problem problem) {
			return refused(problem, model, locale, response, Typed.NOTHING);
		}
	}

	@PostMapping("/agency-agreements/rule")
	String changeRule(@RequestParam(required = false) String requiredFrom, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			agreements.changeRule(currentActor.get(), requiredFrom);
			return "redirect:/agency-agreements?ruleChanged";
		} catch (Problem problem) {
			model.addAttribute("typedFrom", requiredFrom);
			return refused(problem, model, locale, response, Typed.NOTHING);
		}
	}

	/** A refusal on the page: a 403 stays a 403 page; anything else shows the list again with why. */
	private String refused(Problem problem, Model model, Locale locale, HttpServletResponse response, Typed typed) {
		if (problem.status().value() == 403) {
			throw problem;
		}
		response.setStatus(problem.status().value());
		return page(model, null, null, null, typed, DeclarationPages.firstMessage(messages, problem, locale),
				FormErrors.of(problem, messages, locale));
	}

	private String page(Model model, String status, String q, String cursor, Typed typed, String refusal,
			Map<String, String> errors) {
		Actor actor = currentActor.get();
		boolean admin = actor.is(Role.ADMIN);
		if (!admin) {
			ListPage<AgencyAgreements.Read> listed = listed(actor, status, q, cursor);
			Map<Uscc, String> names = agreements.partiesOf(listed.rows());
			model.addAttribute("agreements",
					listed.rows().stream().map(read -> AgencyAgreementApi.AgreementView.of(read, names)).toList());
			model.addAttribute("next", listed.next() == null ? null : listed.next().text());
			model.addAttribute("later", cursor != null && !cursor.isBlank());
		}
		List<Uscc> principals = agreements.principalsOf(actor);
		Map<Uscc, String> principalNames = agreements.namesOf(principals);
		model.addAttribute("choices", principals.stream()
			.map(p -> new Choice(p.value(), principalNames.getOrDefault(p, p.value()))).toList());
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("admin", admin);
		// Whose page it is, for its lead: the zone's administrators, the principal's traders, a brokerage, customs.
		model.addAttribute("side", admin ? "admin" : actor.is(Role.TRADER) ? "principal"
				: actor.is(Role.BROKER) ? "broker" : "customs");
		model.addAttribute("mayDecide", actor.is(Role.TRADER) && actor.holds(OperatorRight.DECLARE));
		model.addAttribute("mayWithdraw", actor.is(Role.BROKER) && actor.holds(OperatorRight.DECLARE));
		model.addAttribute("rule", agreements.rule());
		model.addAttribute("typed", typed);
		model.addAttribute("documentKinds", List.of(AgencyAgreement.Document.values()));
		model.addAttribute("refusal", refusal);
		model.addAttribute("errors", errors);
		return "declaration/agency-agreements";
	}

	private ListPage<AgencyAgreements.Read> listed(Actor actor, String status, String q, String cursor) {
		try {
			return agreements.list(actor, status, q, PageRequest.read(String.valueOf(LIST_PAGE), cursor));
		} catch (Problem problem) {
			if (problem.status().value() == 403) {
				throw problem;
			}
			return agreements.list(actor, null, null, PageRequest.first(LIST_PAGE));
		}
	}
}
