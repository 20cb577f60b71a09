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
 * Trade remedies (贸易救济: anti-dumping, countervailing and safeguard duties) as administrators record the Ministry of
 * Commerce's notices; every signed-in user reads them (the notices are public), the assessment applies them.
 */
@RestController
@RequestMapping("/api/v1/tariff/trade-remedies")
@Tag(name = "Tariff", description = "Tariff schedule, customs exchange rates, duty and tax assessment")
class TradeRemedyApi {

	private final JdbcTradeRemedies remedies;
	private final CurrentActor currentActor;
	private final BusinessTime time;

	TradeRemedyApi(JdbcTradeRemedies remedies, CurrentActor currentActor, BusinessTime time) {
		this.remedies = remedies;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Refuses
	@GetMapping
	@Operation(summary = "Every trade-remedy rate recorded, in force or ended, the latest first")
	List<TradeRemedy> all() {
		currentActor.get();
		return remedies.all();
	}

	@Refuses(notFound = "TRADE_REMEDY_NOT_FOUND")
	@GetMapping("/{id}")
	@Operation(summary = "One trade-remedy rate, in force or ended")
	TradeRemedy find(@PathVariable long id) {
		currentActor.get();
		return remedies.find(id);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", conflict = "TRADE_REMEDY_DUPLICATE", invalid = { "REQUIRED",
			"TRADE_REMEDY_KIND_UNKNOWN", "HS_CODE_FORMAT", "TARIFF_LINE_UNKNOWN", "TRADE_REMEDY_ORIGIN_REQUIRED",
			"TRADE_REMEDY_RATE_INVALID", "DATE_FORMAT", "TRADE_REMEDY_DAYS_INVALID", "SIZE", "CONTROL_CHARACTER" })
	@ApiResponse(responseCode = "201", description = "Recorded: the rate", headers = @Header(name = "Location",
			description = "The rate", schema = @Schema(type = "string")), content = @Content(
					mediaType = "application/json", schema = @Schema(implementation = TradeRemedy.class)))
	@PostMapping
	@Operation(summary = "Record one rate of a trade-remedy notice (administrators)",
			description = "kind ANTI_DUMPING (反倾销税), COUNTERVAILING (反补贴税) or SAFEGUARD (保障措施关税); notice the "
					+ "notice's number as published (商务部公告2025年第23号); hsCode a 10-digit line of the schedule; origin "
					+ "the ISO country the rate is for (required but for a safeguard on every origin); producer the named "
					+ "producer the rate is for, absent for all other producers of that origin; rate a fraction (0.349 is "
					+ "34.9 %, more than 0, less than 10; 0 for a named producer that pays none, e.g. one whose price "
					+ "undertaking was accepted); firstDay and lastDay (yyyy-MM-dd, lastDay absent until an end "
					+ "is set). An import of that line and origin pays, of each notice, the rate of its producer "
					+ "(items[i].producer, compared without case or extra spaces) or else the rate for all others, on its "
					+ "customs value, besides the duty; it enters the excise's and the VAT's basis and is never waived "
					+ "as a small amount. 422 at kind TRADE_REMEDY_KIND_UNKNOWN, at hsCode TARIFF_LINE_UNKNOWN, at origin "
					+ "TRADE_REMEDY_ORIGIN_REQUIRED, at rate TRADE_REMEDY_RATE_INVALID, at firstDay/lastDay DATE_FORMAT "
					+ "or TRADE_REMEDY_DAYS_INVALID; 409 TRADE_REMEDY_DUPLICATE when the notice already sets a rate for "
					+ "that line, origin and producer on one of these days.")
	ResponseEntity<TradeRemedy> add(@RequestBody JdbcTradeRemedies.Entry entry) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		TradeRemedy added = remedies.add(entry, actor.username(), time.now());
		return ResponseEntity.created(URI.create("/api/v1/tariff/trade-remedies/" + added.id())).body(added);
	}

	/** @param lastDay yyyy-MM-dd */
	record End(String lastDay) {
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "TRADE_REMEDY_NOT_FOUND", conflict = "TRADE_REMEDY_DUPLICATE",
			invalid = { "REQUIRED", "DATE_FORMAT", "TRADE_REMEDY_DAYS_INVALID" })
	@PostMapping("/{id}/end")
	@Operation(summary = "Set the last day a trade-remedy rate is in force (administrators)",
			description = "A measure expires or is revoked: imports assessed after lastDay no longer pay it (a correction "
					+ "of a declaration assessed before is assessed again at the rates it was assessed at). 422 at lastDay "
					+ "REQUIRED, DATE_FORMAT, TRADE_REMEDY_DAYS_INVALID (before its first day); 409 "
					+ "TRADE_REMEDY_DUPLICATE when a later lastDay would reach into a later rate the notice sets for "
					+ "the same goods.")
	TradeRemedy end(@PathVariable long id, @RequestBody End end) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		return remedies.end(id, end.lastDay(), actor.username(), time.now());
	}
}
