package io.singlewindow.routing.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.routing.internal.RoutingPages.RuleBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The routing table over REST: read by admins and officers, changed by admins with optimistic locking. */
@RestController
@Tag(name = "Routing", description = "The routing table: which agencies act on which declaration items")
class RoutingRulesApi {

	private static final Logger log = LoggerFactory.getLogger(RoutingRulesApi.class);

	private final RoutingRules rules;
	private final CurrentActor currentActor;
	private final Agencies agencies;

	RoutingRulesApi(RoutingRules rules, CurrentActor currentActor, Agencies agencies) {
		this.rules = rules;
		this.currentActor = currentActor;
		this.agencies = agencies;
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/api/v1/routing/rules")
	@Operation(summary = "Every routing rule, by priority")
	List<RuleBody> list() {
		currentActor.get().requireRole(Role.ADMIN, Role.OFFICER);
		return rules.all().stream().map(RoutingPages::body).toList();
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ROUTING_RULE_NOT_FOUND")
	@GetMapping("/api/v1/routing/rules/{code}")
	@Operation(summary = "One routing rule")
	RuleBody rule(@PathVariable String code) {
		currentActor.get().requireRole(Role.ADMIN, Role.OFFICER);
		return RoutingPages.body(rules.find(code)
			.orElseThrow(() -> Problem.notFound("ROUTING_RULE_NOT_FOUND", code)));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", conflict = "ROUTING_RULE_EXISTS")
	@PostMapping("/api/v1/routing/rules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a routing rule (admins)")
	ResponseEntity<RuleBody> create(@RequestBody RuleBody body) {
		currentActor.get().requireRole(Role.ADMIN);
		RoutingRule rule = RoutingPages.parse(body, body.code(), 0, agencies);
		rules.save(rule, true);
		log.info("event=routing_rule_created code={} by={}", rule.code(), currentActor.get().username());
		RuleBody added = RoutingPages.body(rules.find(rule.code()).orElseThrow());
		return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/routing/rules/{code}")
			.buildAndExpand(added.code()).encode().toUri()).body(added);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ROUTING_RULE_NOT_FOUND", conflict = "ROUTING_RULE_CHANGED")
	@PutMapping("/api/v1/routing/rules/{code}")
	@Operation(summary = "Change a routing rule (admins); 409 ROUTING_RULE_CHANGED when the version is stale")
	RuleBody update(@PathVariable String code, @RequestBody RuleBody body) {
		currentActor.get().requireRole(Role.ADMIN);
		if (body.version() == null) {
			throw Problem.invalidField("version", "REQUIRED");
		}
		RoutingRule rule = RoutingPages.parse(body, code, body.version(), agencies);
		rules.save(rule, false);
		log.info("event=routing_rule_changed code={} by={}", code, currentActor.get().username());
		return RoutingPages.body(rules.find(code).orElseThrow());
	}
}
