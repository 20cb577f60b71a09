package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/** The administrators' page of trade remedies: every rate recorded, a notice's rate added, a measure ended. */
@Controller
class TradeRemedyPages {

	private final JdbcTradeRemedies remedies;
	private final CurrentActor currentActor;
	private final BusinessTime time;

	TradeRemedyPages(JdbcTradeRemedies remedies, CurrentActor currentActor, BusinessTime time) {
		this.remedies = remedies;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Bean
	static NavigationItem tradeRemediesNavigation() {
		return new NavigationItem("nav.tradeRemedies", "/admin/trade-remedies", Set.of("ADMIN"), 63);
	}

	/** The add form as typed; the rate in percent, as the notices print it. */
	record RemedyForm(String kind, String notice, String hsCode, String origin, String producer, String ratePercent,
			String firstDay, String lastDay) {

		static final RemedyForm EMPTY = new RemedyForm("ANTI_DUMPING", "", "", "", "", "", "", "");
	}

	@GetMapping("/admin/trade-remedies")
	String list(Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("remedies", remedies.all());
		model.addAttribute("today", time.today());
		model.addAttribute("kinds", TradeRemedy.Kind.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RemedyForm.EMPTY);
		}
		return "tariff/trade-remedies";
	}

	@PostMapping("/admin/trade-remedies")
	String add(RemedyForm form, Model model) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		// a rate that is no number is refused with every other problem of the form, as typed: the record is given a
		// negative rate, which no entry may have (0 is a named producer's rate, a price undertaking)
		BigDecimal rate = null;
		boolean noNumber = false;
		try {
			rate = fraction(form.ratePercent());
		} catch (NumberFormatException e) {
			noNumber = true;
		}
		try {
			TradeRemedy added = remedies.add(new JdbcTradeRemedies.Entry(form.kind(), form.notice(), form.hsCode(),
					form.origin(), form.producer(), noNumber ? BigDecimal.ONE.negate() : rate, form.firstDay(), form.lastDay()),
					actor.username(), time.now());
			return "redirect:/admin/trade-remedies?added=" + added.id();
		} catch (Problem p) {
			List<FieldProblem> problems = p.fieldProblems().isEmpty()
					? List.of(new FieldProblem("notice", p.code(), p.arguments())) : p.fieldProblems();
			// the percentage as typed, not the fraction the record was given
			model.addAttribute("problems", problems.stream()
				.map(f -> f.field().equals("rate") && f.code().equals("TRADE_REMEDY_RATE_INVALID")
						? new FieldProblem("rate", f.code(), form.ratePercent()) : f)
				.toList());
			model.addAttribute("form", form);
			return list(model);
		}
	}

	@PostMapping("/admin/trade-remedies/{id}/end")
	String end(@PathVariable long id, String lastDay, Model model) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		try {
			remedies.end(id, lastDay, actor.username(), time.now());
			return "redirect:/admin/trade-remedies?ended=" + id;
		} catch (Problem p) {
			if (p.fieldProblems().isEmpty() && p.status() != HttpStatus.CONFLICT) {
				throw p;
			}
			// a last day reaching into a later listing is the last day's problem to the person who typed it
			model.addAttribute("endProblems", p.fieldProblems().isEmpty()
					? List.of(new FieldProblem("lastDay", p.code(), p.arguments())) : p.fieldProblems());
			model.addAttribute("endingId", id);
			return list(model);
		}
	}

	/**
	 * {@code 34.9} as {@code 0.349}; {@literal null} when blank.
	 *
	 * @throws NumberFormatException when it is no number
	 */
	private static BigDecimal fraction(String percent) {
		if (percent == null || percent.isBlank()) {
			return null;
		}
		BigDecimal typed = new BigDecimal(percent.strip());
		// a magnitude or a precision no rate has is refused as it is: moving its point could overflow the scale
		return typed.scale() > 100 || typed.abs().compareTo(new BigDecimal("1000000")) > 0 ? typed
				: typed.movePointLeft(2);
	}
}
