package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/general-guarantees")
@Tag(name = "General guarantees", description = "An enterprise's general guarantee (总担保) for the duties of many "
		+ "declarations: customs lodges it, releases declarations against it, gives it back")
class GeneralGuaranteeApi {

	private final GeneralGuarantees guarantees;
	private final CurrentActor currentActor;

	GeneralGuaranteeApi(GeneralGuarantees guarantees, CurrentActor currentActor) {
		this.guarantees = guarantees;
		this.currentActor = currentActor;
	}

	/**
	 * @param enterprise the USCC of the enterprise that lodges it (the importer, who owes the duties)
	 * @param kind {@code BANK_GUARANTEE} (保函, a bank's letter) or {@code DEPOSIT} (保证金, money held by customs)
	 * @param amount what it covers in all, CNY
	 * @param validUntil a letter's last day, required for one (ignored for a deposit)
	 * @param reference the letter's number or the deposit's receipt, unique for the enterprise: customs names the
	 *     guarantee by it when it accepts it for a declaration (kind {@code GENERAL})
	 */
	record Lodgement(String enterprise, String kind, BigDecimal amount, LocalDate validUntil, String reference) {
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Lodged: the general guarantee", headers = @Header(
			name = "Location", description = "The general guarantee", schema = @Schema(type = "string")),
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = GeneralGuaranteeView.class)))
	@ApiResponse(responseCode = "200", description = "The same guarantee lodged before: it as it is now",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = GeneralGuaranteeView.class)))
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", conflict = "GENERAL_GUARANTEE_EXISTS",
			invalid = { "REQUIRED", "USCC_FORMAT", "ENTERPRISE_NOT_FOUND", "GUARANTEE_KIND_UNKNOWN",
					"AMOUNT_NOT_POSITIVE", "TOO_LARGE", "GUARANTEE_EXPIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Lodge an enterprise's general guarantee (customs officers; 总担保)",
			description = "One bank's letter of guarantee or cash deposit for the duties and taxes of many of the "
					+ "enterprise's declarations: customs then accepts it for a cleared declaration (POST "
					+ "…/declarations/{id}/duty-guarantee with kind GENERAL and this reference) and releases the goods "
					+ "before the duties are paid, as long as what it still covers (available) allows. 201 with the "
					+ "guarantee; the same guarantee lodged again answers 200 with it and changes nothing. 422 at "
					+ "enterprise: REQUIRED, USCC_FORMAT, ENTERPRISE_NOT_FOUND; at kind: REQUIRED, "
					+ "GUARANTEE_KIND_UNKNOWN (BANK_GUARANTEE or DEPOSIT); at amount: REQUIRED, AMOUNT_NOT_POSITIVE, "
					+ "TOO_LARGE; at validUntil (a letter): REQUIRED, GUARANTEE_EXPIRED (before today); at reference: "
					+ "REQUIRED, SIZE, CONTROL_CHARACTER. 409 GENERAL_GUARANTEE_EXISTS: the enterprise has another "
					+ "guarantee of that reference.")
	ResponseEntity<GeneralGuaranteeView> lodge(@RequestBody Lodgement lodgement) {
		GeneralGuarantees.Lodged lodged = guarantees.lodge(currentActor.get(), lodgement.enterprise(),
				lodgement.kind(), lodgement.amount(), lodgement.validUntil(), lodgement.reference());
		if (!lodged.created()) {
			return ResponseEntity.ok(lodged.guarantee());
		}
		return ResponseEntity.created(URI.create("/api/v1/general-guarantees/" + lodged.guarantee().id()))
			.body(lodged.guarantee());
	}

	@GetMapping
	@Refuses
	@Operation(summary = "The general guarantees the caller may read",
			description = "Every one for customs officers; those of the caller's own enterprise (and a broker's "
					+ "principals) for traders and brokers; none for others. In force first, the latest first, at most "
					+ GeneralGuarantees.LISTED + "; each with what the declarations hold of it (inUse), what customs "
					+ "took from it (taken) and what it still covers (available), without the declarations.")
	List<GeneralGuaranteeView> list() {
		return guarantees.list(currentActor.get());
	}

	@GetMapping("/{id}")
	@Refuses(notFound = "GENERAL_GUARANTEE_NOT_FOUND")
	@Operation(summary = "A general guarantee, with the declarations customs accepted it for",
			description = "Those it still holds first, then the latest, at most " + GeneralGuarantees.DECLARATIONS_SHOWN
					+ ". 404 GENERAL_GUARANTEE_NOT_FOUND unless the caller may read it (customs, or the enterprise's "
					+ "own traders and brokers).")
	GeneralGuaranteeView read(@PathVariable UUID id) {
		return guarantees.find(currentActor.get(), id);
	}

	@PostMapping("/{id}/return")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY", notFound = "GENERAL_GUARANTEE_NOT_FOUND",
			conflict = "GENERAL_GUARANTEE_IN_USE")
	@Operation(summary = "Give a general guarantee back to the enterprise (customs officers; 退还)",
			description = "The deposit repaid, less what customs took from it; the letter returned to the bank. 409 "
					+ "GENERAL_GUARANTEE_IN_USE while a declaration's unpaid duties hold part of it (with the amount). "
					+ "Given back again, it answers as the first time and changes nothing.")
	GeneralGuaranteeView giveBack(@PathVariable UUID id) {
		return guarantees.giveBack(currentActor.get(), id);
	}
}
