package io.singlewindow.audit.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;

/** The page {@code /admin/audit}: recent rows with filters, and on request the verification of the chain. */
@Controller
class AuditPages {

	private final AuditEntries entries;
	private final AuditVerification verification;
	private final CurrentActor currentActor;

	AuditPages(AuditEntries entries, AuditVerification verification, CurrentActor currentActor) {
		this.entries = entries;
		this.verification = verification;
		this.currentActor = currentActor;
	}

	@Bean
	static NavigationItem auditNavigation() {
		return new NavigationItem("nav.audit", "/admin/audit", Set.of("ADMIN"), 90);
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String actingFor, @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "false") boolean verify, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		var filter = new AuditEntries.Filter(action, subjectType, subjectId, actor, actingFor);
		int pageNo;
		try {
			pageNo = AuditApi.number("page", page, 0, 1_000_000);
		} catch (Problem p) {
			pageNo = 0;
		}
		model.addAttribute("filter", filter);
		model.addAttribute("found", entries.find(filter, pageNo, 50));
		model.addAttribute("unsealed", entries.unsealedCount());
		if (verify) {
			model.addAttribute("verification", verification.verify());
		}
		return "audit/trail";
	}
}
