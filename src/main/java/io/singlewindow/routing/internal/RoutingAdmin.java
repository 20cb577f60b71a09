package io.singlewindow.routing.internal;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;

/** Administrators edit the routing table on the page {@code /admin/routing} (REST: {@link RoutingRulesApi}). */
@Controller
class RoutingAdmin {

	private final RoutingRules rules;
	private final CurrentActor currentActor;

	RoutingAdmin(RoutingRules rules, CurrentActor currentActor) {
		this.rules = rules;
		this.currentActor = currentActor;
	}

	@Bean
	static NavigationItem routingNavigation() {
		return new NavigationItem("nav.routing", "/admin/routing", Set.of("ADMIN"), 60);
	}

	/** A rule as the API reads and writes it; {@code version} is required for an update. */
	record RuleBody(String code, String descriptionZh, String descriptionEn, String conditionType, String values,
			String agency, Boolean active, Integer priority, Integer version) {
	}

	@GetMapping("/admin/routing")
	String page(Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("rules", rules.all());
		model.addAttribute("types", RoutingRule.ConditionType.values());
		return "routing/rules";
	}

	@PostMapping("/admin/routing")
	String save(@RequestParam(required = false) String code, @RequestParam String descriptionZh,
			@RequestParam String descriptionEn, @RequestParam String conditionType,
			@RequestParam(required = false) String values, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam int priority,
			@RequestParam(required = false) Integer version, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		try {
			RuleBody body = new RuleBody(code, descriptionZh, descriptionEn, conditionType, values, agency, active,
					priority, version);
			rules.save(parse(body, code, version == null ? 0 : version), version == null);
			model.addAttribute("saved", true);
		} catch (Problem e) {
			model.addAttribute("error", e.fieldProblems().isEmpty() ? e.code() : e.fieldProblems().get(0).code());
		}
		return page(model);
	}

	static RoutingRule parse(RuleBody body, String code, int version) {
		var v = new Violations();
		v.check(code != null && code.matches("[A-Z][A-Z0-9_]{1,39}"), "code", "ROUTING_RULE_CODE_FORMAT", code);
		v.required(body.descriptionZh(), "descriptionZh").text("descriptionZh", body.descriptionZh(), 200);
		v.required(body.descriptionEn(), "descriptionEn").text("descriptionEn", body.descriptionEn(), 200);
		RoutingRule.ConditionType type = null;
		try {
			type = RoutingRule.ConditionType.valueOf(String.valueOf(body.conditionType()).toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			v.add("conditionType", "ROUTING_CONDITION_UNKNOWN", body.conditionType());
		}
		AgencyCode agency = body.agency() == null || body.agency().isBlank() ? null
				: v.read("agency", () -> AgencyCode.of(body.agency()));
		v.check(agency != null || type == RoutingRule.ConditionType.PERMIT_SCOPE || type == null, "agency",
				"ROUTING_AGENCY_REQUIRED");
		v.throwIfAny();
		return new RoutingRule(code, body.descriptionZh().strip(), body.descriptionEn().strip(), type,
				RoutingRule.parseValues(body.values() == null ? "" : body.values().toUpperCase(Locale.ROOT)), agency,
				body.active() == null || body.active(), body.priority() == null ? 100 : body.priority(), version);
	}

	static RuleBody body(RoutingRule r) {
		return new RuleBody(r.code(), r.descriptionZh(), r.descriptionEn(), r.conditionType().name(), r.valuesText(),
				r.agency() == null ? null : r.agency().value(), r.active(), r.priority(), r.version());
	}
}
