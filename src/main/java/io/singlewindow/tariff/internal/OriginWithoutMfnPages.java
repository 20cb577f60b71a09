package io.singlewindow.tariff.internal;

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

/** The administrators' page of the origins without MFN treatment: every listing, an origin listed, a listing ended. */
@Controller
class OriginWithoutMfnPages {

	private final JdbcOriginsWithoutMfn origins;
	private final CurrentActor currentActor;
	private final BusinessTime time;

	OriginWithoutMfnPages(JdbcOriginsWithoutMfn origins, CurrentActor currentActor, BusinessTime time) {
		this.origins = origins;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Bean
	static NavigationItem originsWithoutMfnNavigation() {
		return new NavigationItem("nav.originsWithoutMfn", "/admin/origins-without-mfn", Set.of("ADMIN"), 64);
	}

	static final JdbcOriginsWithoutMfn.Entry EMPTY = new JdbcOriginsWithoutMfn.Entry("", "", "", "");

	@GetMapping("/admin/origins-without-mfn")
	String list(Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("listings", origins.all());
		model.addAttribute("today", time.today());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EMPTY);
		}
		return "tariff/origins-without-mfn";
	}

	@PostMapping("/admin/origins-without-mfn")
	String add(JdbcOriginsWithoutMfn.Entry form, Model model) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		try {
			OriginWithoutMfn added = origins.add(form, actor.username(), time.now());
			return "redirect:/admin/origins-without-mfn?added=" + added.id();
		} catch (Problem p) {
			model.addAttribute("problems", p.fieldProblems().isEmpty()
					? List.of(new FieldProblem("origin", p.code(), p.arguments())) : p.fieldProblems());
			model.addAttribute("form", form);
			return list(model);
		}
	}

	@PostMapping("/admin/origins-without-mfn/{id}/end")
	String end(@PathVariable long id, String lastDay, Model model) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		try {
			origins.end(id, lastDay, actor.username(), time.now());
			return "redirect:/admin/origins-without-mfn?ended=" + id;
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
}
