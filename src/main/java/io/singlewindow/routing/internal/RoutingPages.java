package io.singlewindow.routing.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

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
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.Agency;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletResponse;

/** Administrators edit the routing table on the page {@code /admin/routing} (REST: {@link RoutingRulesApi}). */
@Controller
class RoutingPages {

	private final RoutingRules rules;
	private final CurrentActor currentActor;
	private final Agencies agencies;
	private final MessageSource messages;

	RoutingPages(RoutingRules rules, CurrentActor currentActor, Agencies agencies, MessageSource messages) {
		this.messages = messages;
		this.rules = rules;
		this.currentActor = currentActor;
		this.agencies = agencies;
	}

	@Bean
	static NavigationItem routingNavigation() {
		return new NavigationItem("nav.routing", "/admin/routing", Set.of("ADMIN"), 60);
	}

	/** A rule as the API reads and writes it; {@code version} is required for an update. */
	// The API's schema keeps the name it was published under (this class was RoutingAdmin).
	@io.swagger.v3.oas.annotations.media.Schema(name = "RoutingAdminRuleBody")
	record RuleBody(String code, String descriptionZh, String descriptionEn, String conditionType, String values,
			String agency, Boolean active, Integer priority, Integer version) {
	}

	@GetMapping("/admin/routing")
	String page(Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		model.addAttribute("rules", rules.all());
		model.addAttribute("agencies", agencyNames());
		return "routing/rules";
	}

	/** One rule's edit page; {@code new} starts a rule. */
	@GetMapping("/admin/routing/{code}")
	String edit(@PathVariable String code, Model model) {
		currentActor.get().requireRole(Role.ADMIN);
		RuleBody rule = "new".equals(code) ? new RuleBody(null, "", "", "HS_PREFIX", "", null, true, 100, null)
				: body(rules.find(code).orElseThrow(() -> Problem.notFound("ROUTING_RULE_NOT_FOUND", code)));
		return editPage(rule, model);
	}

	@PostMapping("/admin/routing")
	String save(@RequestParam(required = false) String code, @RequestParam(required = false) String descriptionZh,
			@RequestParam(required = false) String descriptionEn, @RequestParam(required = false) String conditionType,
			@RequestParam(required = false) String values, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer priority,
			@RequestParam(required = false) Integer version, Model model, HttpServletResponse response, Locale locale) {
		currentActor.get().requireRole(Role.ADMIN);
		RuleBody body = new RuleBody(code, descriptionZh, descriptionEn, conditionType, values, agency, active,
				priority, version);
		try {
			rules.save(parse(body, code, version == null ? 0 : version, agencies), version == null);
			return "redirect:/admin/routing?saved=" + code;
		} catch (Problem e) {
			response.setStatus(e.status().value());
			// Every problem at once, each beside its field and linked from the summary; a refusal of the whole rule
			// (a concurrent change) under "form".
			Map<String, String> errors = new LinkedHashMap<>();
			if (e.fieldProblems().isEmpty()) {
				errors.put("form", messages.getMessage("problem." + e.code(), e.arguments(), e.code(), locale));
			}
			e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(),
					messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale)));
			model.addAttribute("errors", errors);
			return editPage(body, model);
		}
	}

	private String editPage(RuleBody rule, Model model) {
		model.addAttribute("rule", rule);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("types", RoutingRule.ConditionType.values());
		model.addAttribute("agencies", agencies.all());
		return "routing/rule";
	}

	private Map<String, Agency> agencyNames() {
		return agencies.all().stream().collect(Collectors.toMap(a -> a.code().value(), a -> a));
	}

	/** Reads a rule as an administrator wrote it; an agency the zone does not have is refused, never stored. */
	static RoutingRule parse(RuleBody body, String code, int version, Agencies agencies) {
		var v = new Violations();
		v.check(code != null && code.matches("[A-Z][A-Z0-9_]{1,39}"), "code", "ROUTING_RULE_CODE_FORMAT", code);
		v.required(body.descriptionZh(), "descriptionZh").line("descriptionZh", body.descriptionZh(), 200);
		v.required(body.descriptionEn(), "descriptionEn").line("descriptionEn", body.descriptionEn(), 200);
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
		v.check(agency == null || agencies.find(agency).isPresent(), "agency", "ROUTING_AGENCY_UNKNOWN", body.agency());
		// Values are codes (supervision conditions, inspection categories, HS prefixes, flows) or '*': anything else,
		// a NUL byte above all, would otherwise reach the database and fail there.
		String values = body.values() == null ? "" : body.values().toUpperCase(Locale.ROOT);
		v.check(values.length() <= 500 && RoutingRule.parseValues(values).stream().allMatch(c -> c.matches("[A-Z0-9*]{1,20}")),
				"values", "ROUTING_VALUES_FORMAT", values.length() > 40 ? values.substring(0, 40) + "…" : values);
		v.throwIfAny();
		return new RoutingRule(code, body.descriptionZh().strip(), body.descriptionEn().strip(), type,
				RoutingRule.parseValues(values), agency,
				body.active() == null || body.active(), body.priority() == null ? 100 : body.priority(), version);
	}

	static RuleBody body(RoutingRule r) {
		return new RuleBody(r.code(), r.descriptionZh(), r.descriptionEn(), r.conditionType().name(), r.valuesText(),
				r.agency() == null ? null : r.agency().value(), r.active(), r.priority(), r.version());
	}
}
