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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.PageRequest;
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
	private final SummaryStatements statements;
	private final CurrentActor currentActor;

	GeneralGuaranteeApi(GeneralGuarantees guarantees, SummaryStatements statements, CurrentActor currentActor) {
		this.guarantees = guarantees;
		this.statements = statements;
		this.currentActor = currentActor;
	}

	/**
	 * @param enterprise the USCC of the enterprise that lodges it (the importer, who owes the duties)
	 * @param kind {@code BANK_GUARANTEE} (保函, a bank's letter) or {@code DEPOSIT} (保证金, money held by customs)
	 * @param amount what it covers in all, CNY
	 * @param validUntil a letter's last day, required for one (ignored for a deposit)
	 * @param reference the letter's number or the deposit's receipt, unique for the enterprise: customs names the
	 *     guarantee by it when it accepts it for a declaration (kind {@code GENERAL})
	 * @param summaryPayment for summary payment (汇总征税): the declarations released against it pay a month's duties
	 *     together, by the fifth working day of the next month; without it, no
	 */
	record Lodgement(String enterprise, String kind, BigDecimal amount, LocalDate validUntil, String reference,
			Boolean summaryPayment) {
	}

	/**
	 * @param amount the whole amount the bank paid for the statement, CNY
	 * @param paidOn the day the bank took the payment (a day of the zone); without it, today
	 * @param reference the bank's reference of the payment, required
	 */
	record StatementPayment(BigDecimal amount, LocalDate paidOn, String reference) {
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
					+ "guarantee of that reference. With summaryPayment (汇总征税) the declarations released against it "
					+ "pay their duties together, a month's on one statement (…/{id}/statements/{month}) by the fifth "
					+ "working day of the next month.")
	ResponseEntity<GeneralGuaranteeView> lodge(@RequestBody Lodgement lodgement) {
		GeneralGuarantees.Lodged lodged = guarantees.lodge(currentActor.get(), lodgement.enterprise(),
				lodgement.kind(), lodgement.amount(), lodgement.validUntil(), lodgement.reference(),
				Boolean.TRUE.equals(lodgement.summaryPayment()));
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
					+ "principals) for traders and brokers; none for others. In force first, the latest first, a page "
					+ "at a time: limit (default and at most " + GeneralGuarantees.LISTED + ") and cursor, the next "
					+ "page's address in the Link header (rel=\"next\"); each with what the declarations hold of it "
					+ "(inUse), what customs took from it (taken) and what it still covers (available), without the "
					+ "declarations.")
	ResponseEntity<List<GeneralGuaranteeView>> list(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		return guarantees.list(currentActor.get(), PageRequest.read(limit, cursor, GeneralGuarantees.LISTED)).answer();
	}

	@GetMapping("/{id}")
	@Refuses(notFound = "GENERAL_GUARANTEE_NOT_FOUND")
	@Operation(summary = "A general guarantee, with the declarations customs accepted it for",
			description = "Those it still holds first, then the latest, at most " + GeneralGuarantees.DECLARATIONS_SHOWN
					+ " (all of them, a page at a time: /declarations). 404 GENERAL_GUARANTEE_NOT_FOUND unless the caller may read it (customs, or the enterprise's "
					+ "own traders and brokers).")
	GeneralGuaranteeView read(@PathVariable UUID id) {
		return guarantees.find(currentActor.get(), id);
	}

	@GetMapping("/{id}/declarations")
	@Refuses(notFound = "GENERAL_GUARANTEE_NOT_FOUND")
	@Operation(summary = "Every declaration customs accepted a general guarantee for, the latest first, a page at a time",
			description = "Each with the part of its cover drawn (amount), when (acceptedAt) and its state (HELD, "
					+ "DISCHARGED, ENFORCED, RETURNED): the whole list, where the guarantee's reading shows the first "
					+ GeneralGuarantees.DECLARATIONS_SHOWN + ". limit (default 200, at most 500) and cursor; the next "
					+ "page's address in the Link header (rel=\"next\"). 404 GENERAL_GUARANTEE_NOT_FOUND unless the caller "
					+ "may read the guarantee.")
	ResponseEntity<List<GeneralGuaranteeView.Drawn>> declarations(@PathVariable UUID id,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		return guarantees.declarations(currentActor.get(), id, PageRequest.read(limit, cursor)).answer();
	}

	@GetMapping("/{id}/statements/{month}")
	@Refuses(notFound = { "GENERAL_GUARANTEE_NOT_FOUND", "SUMMARY_STATEMENT_NOT_FOUND" }, invalid = "MONTH_FORMAT")
	@Operation(summary = "A month's summary statement of a general guarantee, with its declarations (汇总征税)",
			description = "The declarations released against a general guarantee lodged for summary payment whose "
					+ "payment notices (clearances) fall in the month (2026-11), each with its taxes, its last day, "
					+ "what paying it costs today and its payment; the statement's last day (payBy, the fifth working "
					+ "day of the next month), its state (OPEN, OVERDUE, PAID) and what paying it costs today "
					+ "(amountDue). 404 GENERAL_GUARANTEE_NOT_FOUND unless the caller may read the guarantee, "
					+ "SUMMARY_STATEMENT_NOT_FOUND when no declaration of the month is on one; 422 at month "
					+ "MONTH_FORMAT. The guarantee's own reading lists its months (statements).")
	SummaryStatementView statement(@PathVariable UUID id, @PathVariable String month) {
		return statements.read(currentActor.get(), id, month);
	}

	@PostMapping("/{id}/statements/{month}/payment")
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_AGENCY",
			notFound = { "GENERAL_GUARANTEE_NOT_FOUND", "SUMMARY_STATEMENT_NOT_FOUND" },
			conflict = "SUMMARY_STATEMENT_PAID",
			invalid = { "REQUIRED", "SIZE", "CONTROL_CHARACTER", "PAYMENT_DATE_IN_FUTURE", "PAYMENT_BEFORE_NOTICE",
					"PAYMENT_AMOUNT_DIFFERS", "MONTH_FORMAT" })
	@Operation(summary = "Record the payment of a month's summary statement (customs officers; 汇总缴税)",
			description = "As the bank reported it to customs: the whole amount the statement costs on the day paid "
					+ "(amountDue of …/statements/{month} that day), which pays each unpaid declaration on it its own "
					+ "amount due, a late-payment surcharge included after its last day, and frees the part of the "
					+ "guarantee it held. Answers the statement as it is then. The same payment recorded again answers "
					+ "as the first and changes nothing. 422 at amount: REQUIRED, PAYMENT_AMOUNT_DIFFERS (with what it "
					+ "costs that day); at paidOn: PAYMENT_DATE_IN_FUTURE, PAYMENT_BEFORE_NOTICE; at reference: "
					+ "REQUIRED, SIZE, CONTROL_CHARACTER; at month: MONTH_FORMAT. 404 GENERAL_GUARANTEE_NOT_FOUND, "
					+ "SUMMARY_STATEMENT_NOT_FOUND. 409 SUMMARY_STATEMENT_PAID when nothing on it is unpaid.")
	SummaryStatementView payStatement(@PathVariable UUID id, @PathVariable String month,
			@RequestBody StatementPayment payment) {
		return statements.pay(currentActor.get(), id, month, payment.amount(), payment.paidOn(), payment.reference());
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
