package io.singlewindow.tariff.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The origins without most-favoured-nation treatment, whose goods pay the general rate (普通税率), as administrators
 * record the Tariff Commission's notices; every signed-in user reads them (the notices are public).
 */
@RestController
@RequestMapping("/api/v1/tariff/origins-without-mfn")
@Tag(name = "Tariff", description = "Tariff schedule, customs exchange rates, duty and tax assessment")
class OriginWithoutMfnApi {

	private final JdbcOriginsWithoutMfn origins;
	private final CurrentActor currentActor;
	private final BusinessTime time;

	OriginWithoutMfnApi(JdbcOriginsWithoutMfn origins, CurrentActor currentActor, BusinessTime time) {
		this.origins = origins;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Refuses
	@GetMapping
	@Operation(summary = "Every origin listed without MFN treatment, in force or ended, the latest first")
	List<OriginWithoutMfn> all() {
		currentActor.get();
		return origins.all();
	}

	@Refuses(notFound = "ORIGIN_WITHOUT_MFN_NOT_FOUND")
	@GetMapping("/{id}")
	@Operation(summary = "One origin listed without MFN treatment, in force or ended")
	OriginWithoutMfn find(@PathVariable long id) {
		currentActor.get();
		return origins.find(id);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", conflict = "ORIGIN_WITHOUT_MFN_DUPLICATE", invalid = { "REQUIRED",
			"COUNTRY_CODE_FORMAT", "COUNTRY_UNKNOWN", "ORIGIN_WITHOUT_MFN_CHINA", "DATE_FORMAT",
			"ORIGIN_WITHOUT_MFN_DAYS_INVALID", "SIZE", "CONTROL_CHARACTER" })
	@ApiResponse(responseCode = "201", description = "Listed: the listing", headers = @Header(name = "Location",
			description = "The listing", schema = @Schema(type = "string")), content = @Content(
					mediaType = "application/json", schema = @Schema(implementation = OriginWithoutMfn.class)))
	@PostMapping
	@Operation(summary = "List an origin without MFN treatment (administrators)",
			description = "origin the ISO country (not CN); notice the Tariff Commission's notice that lists it; "
					+ "firstDay and lastDay (yyyy-MM-dd, lastDay absent until the origin is given MFN treatment). An "
					+ "import of goods of that origin assessed on one of these days pays each line's general rate "
					+ "(generalRate, generalPerUnit; rateBasis GENERAL) instead of the MFN rate and no provisional rate; "
					+ "a preference its certificate earns when lower, and a tariff quota's in-quota rate within the "
					+ "quota, still apply. An import on a line without a general rate is refused (GENERAL_RATE_MISSING "
					+ "at items[i].origin). 422 at origin COUNTRY_CODE_FORMAT, COUNTRY_UNKNOWN or "
					+ "ORIGIN_WITHOUT_MFN_CHINA, at firstDay/lastDay DATE_FORMAT or ORIGIN_WITHOUT_MFN_DAYS_INVALID; "
					+ "409 ORIGIN_WITHOUT_MFN_DUPLICATE when the origin is already listed on one of these days.")
	ResponseEntity<OriginWithoutMfn> add(@RequestBody JdbcOriginsWithoutMfn.Entry entry) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		OriginWithoutMfn added = origins.add(entry, actor.username(), time.now());
		return ResponseEntity.created(URI.create("/api/v1/tariff/origins-without-mfn/" + added.id())).body(added);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ORIGIN_WITHOUT_MFN_NOT_FOUND",
			conflict = "ORIGIN_WITHOUT_MFN_DUPLICATE", invalid = { "REQUIRED", "DATE_FORMAT",
					"ORIGIN_WITHOUT_MFN_DAYS_INVALID" })
	@PostMapping("/{id}/end")
	@Operation(summary = "Set the last day an origin is without MFN treatment (administrators)",
			description = "The origin is given MFN treatment from the day after lastDay (a correction of a declaration "
					+ "assessed before is assessed again at the rates it was assessed at). 422 at lastDay REQUIRED, "
					+ "DATE_FORMAT, ORIGIN_WITHOUT_MFN_DAYS_INVALID (before its first day); 409 "
					+ "ORIGIN_WITHOUT_MFN_DUPLICATE when a later lastDay would reach into a later listing of the "
					+ "origin.")
	OriginWithoutMfn end(@PathVariable long id, @RequestBody TradeRemedyApi.End end) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		return origins.end(id, end.lastDay(), actor.username(), time.now());
	}
}
