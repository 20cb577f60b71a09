package io.singlewindow.enterprise.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.BusinessActivity;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.PublishedPermits;
import io.singlewindow.enterprise.internal.Registrar.LicenceAction;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Enterprises", description = "Business registration and licences")
class EnterpriseApi {

	private final Enterprises enterprises;
	private final CurrentActor currentActor;
	private final Registrar registrar;
	private final LicenceBook licences;
	private final ActivityCatalogue catalogue;
	private final ObjectProvider<PublishedPermits> publishedPermits;

	EnterpriseApi(Enterprises enterprises, CurrentActor currentActor, Registrar registrar, LicenceBook licences,
			ActivityCatalogue catalogue, ObjectProvider<PublishedPermits> publishedPermits) {
		this.publishedPermits = publishedPermits;
		this.enterprises = enterprises;
		this.currentActor = currentActor;
		this.registrar = registrar;
		this.licences = licences;
		this.catalogue = catalogue;
	}

	@Refuses
	@GetMapping("/enterprises")
	@Operation(summary = "Enterprises the caller may see: their own (and, for brokers, their principals'); all for "
			+ "officers and admins; in registration order, a page at a time")
	ResponseEntity<List<Enterprise>> list(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		Actor actor = currentActor.get();
		PageRequest page = PageRequest.read(limit, cursor);
		if (actor.is(Role.OFFICER) || actor.is(Role.ADMIN)) {
			return enterprises.registered(null, page).answer();
		}
		var visible = new HashSet<Uscc>(actor.principals());
		visible.add(actor.enterprise());
		return enterprises.registered(Set.copyOf(visible), page).answer();
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "ENTERPRISE_NOT_FOUND")
	@GetMapping("/enterprises/{uscc}")
	@Operation(summary = "One enterprise's registration, if the caller may see it")
	Enterprise get(@PathVariable String uscc) {
		Uscc code = Uscc.parse(uscc);
		currentActor.get().requireSee(code);
		return enterprises.get(code);
	}

	static final String REGISTRATION = """
			{"nameZh":"厦门鹭岛咖啡贸易有限公司","nameEn":"Xiamen Egret Island Coffee Trading Co., Ltd.",
			 "entityType":"LIMITED_LIABILITY_COMPANY","legalRepresentative":"陈小鹭","registeredCapital":2000000,
			 "capitalCurrency":"CNY","zoneArea":"XIANGYU_BONDED_ZONE","address":"象屿路 97 号",
			 "businessScope":["F5191"],"industrialChain":"INTEGRATED_CIRCUITS","highTech":false,
			 "crossBorderTrader":true,"username":"egret.coffee","password":"s3cret-lantern-47"}""";

	@Refuses(throttled = "TOO_MANY_REGISTRATIONS")
	@PostMapping("/enterprises")
	@SecurityRequirements // public: no API key
	@ApiResponse(responseCode = "201", description = "Registered: the business licence with its new USCC",
			headers = @Header(name = "Location", description = "The licence", schema = @Schema(type = "string")))
	@Operation(summary = "Register an enterprise from one application (public): issues the business licence with a new "
			+ "USCC at once, registers the enterprise with market regulation, tax and — for cross-border traders — "
			+ "customs, and opens the applicant's trader login")
	ResponseEntity<Licence> register(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "coffeeTrader",
					summary = "A coffee trading company in the Xiangyu bonded zone", value = REGISTRATION)))
			@RequestBody Application application, HttpServletRequest request) {
		Uscc uscc = registrar.register(application, request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/enterprises/" + uscc + "/licence")
			.body(licence(uscc));
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY")
	@PostMapping("/enterprises/recorded")
	@ApiResponse(responseCode = "201", description = "Recorded: the enterprise's licence",
			headers = @Header(name = "Location", description = "The licence", schema = @Schema(type = "string")))
	@Operation(summary = "Record an enterprise that already holds a USCC (market-regulation officers). A code with a "
			+ "wrong check character is accepted with usccCheckValid=false and the warning USCC_CHECK_CHARACTER_MISMATCH")
	ResponseEntity<Licence> record(@RequestBody ExistingEnterprise existing) {
		Uscc uscc = registrar.record(existing, currentActor.get());
		return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/enterprises/" + uscc + "/licence")
			.body(licence(uscc));
	}

	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = { "ENTERPRISE_NOT_FOUND", "LICENCE_NOT_FOUND" })
	@GetMapping("/enterprises/{uscc}/licence")
	@Operation(summary = "The business licence with business scope, agency registrations and history")
	Licence licence(@PathVariable String uscc) {
		Uscc code = Uscc.parse(uscc);
		currentActor.get().requireSee(code);
		return licence(code);
	}

	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "ENTERPRISE_NOT_FOUND", conflict = { "LICENCE_NOT_AMENDABLE", "LICENCE_VERSION_CONFLICT" })
	@PatchMapping("/enterprises/{uscc}")
	@Operation(summary = "Amend the licence's facts (the enterprise's trader or a market-regulation officer); only "
			+ "fields present change; send version to refuse the change if someone else changed the licence meanwhile")
	Licence amend(@PathVariable String uscc, @RequestBody Amendment amendment) {
		Uscc code = Uscc.parse(uscc);
		registrar.amend(code, amendment, currentActor.get());
		return licence(code);
	}

	record Decision(String reason, Integer version) {
	}

	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_AGENCY", "OPERATOR_RIGHT_REQUIRED" }, notFound = "ENTERPRISE_NOT_FOUND",
			conflict = { "LICENCE_TRANSITION_NOT_ALLOWED", "LICENCE_VERSION_CONFLICT" })
	@PostMapping("/enterprises/{uscc}/{decision:suspension|reinstatement|revocation|deregistration}")
	@Operation(summary = "Decide on the licence: suspension (reason required), reinstatement of a suspended licence, "
			+ "revocation (reason required) — market-regulation officers; deregistration — market regulation or the "
			+ "enterprise's own trader. Revocation and deregistration disable the enterprise's accounts. Body: "
			+ "{\"reason\": \"…\", \"version\": n}, version optional (optimistic lock)")
	Licence decide(@PathVariable String uscc, @PathVariable String decision,
			@RequestBody(required = false) Decision body) {
		LicenceAction action = switch (decision) {
			case "suspension" -> LicenceAction.SUSPEND;
			case "reinstatement" -> LicenceAction.REINSTATE;
			case "revocation" -> LicenceAction.REVOKE;
			default -> LicenceAction.DEREGISTER;
		};
		Uscc code = Uscc.parse(uscc);
		registrar.change(code, action, body == null ? null : body.reason(), body == null ? null : body.version(),
				currentActor.get());
		return licence(code);
	}

	@Refuses
	@GetMapping("/business-activities")
	@SecurityRequirements // public: no API key
	@Operation(summary = "The business-scope catalogue (public); regulated activities name the permit they need")
	List<BusinessActivity> activities() {
		return catalogue.all();
	}

	@Refuses(notFound = "LICENCE_NOT_FOUND")
	@GetMapping("/licences/{uscc}")
	@SecurityRequirements // public: no API key
	@Operation(summary = "Verify a licence (public): whether it is in force, its public facts and its holder's permits",
			description = "permits: up to 50 of the permits its holder holds, the most recently issued first, as their "
					+ "agencies publish them (what each permits, named in the Accept-Language, its agency, validity "
					+ "and status today; never a quota); morePermits: whether it holds more. As the page "
					+ "/verify/{uscc} that a printed licence's QR code opens.")
	PublicLicenceFacts verify(@PathVariable String uscc, Locale locale) {
		Uscc code = Uscc.parse(uscc);
		PublicLicenceFacts facts = licences.publicFacts(code)
			.orElseThrow(() -> Problem.notFound("LICENCE_NOT_FOUND", code));
		PublishedPermits permits = publishedPermits.getIfAvailable();
		return permits == null ? facts : facts.withPermits(permits.of(code, locale));
	}

	private Licence licence(Uscc uscc) {
		return licences.find(uscc).orElseThrow(() -> Problem.notFound("ENTERPRISE_NOT_FOUND", uscc));
	}
}
