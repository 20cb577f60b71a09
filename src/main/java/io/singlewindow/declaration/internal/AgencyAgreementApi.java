package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Electronic agency agreements (电子代理报关委托协议) over REST: a broker proposes one per declaration to a principal,
 * the principal confirms or declines it, and the broker's next declaration for that principal in that direction takes
 * it ({@link AgencyAgreements}); the zone's rule says from which day one is required.
 */
@RestController
@Tag(name = "Declarations")
class AgencyAgreementApi {

	private final AgencyAgreements agreements;
	private final CurrentActor currentActor;

	AgencyAgreementApi(AgencyAgreements agreements, CurrentActor currentActor) {
		this.agreements = agreements;
		this.currentActor = currentActor;
	}

	/** Why the principal declines. */
	record Refusal(String reason) {
	}

	/** From which day ({@code yyyy-MM-dd}) a broker's declaration for a principal needs an agreement; null: never. */
	record RuleChange(String requiredFrom) {
	}

	record RuleView(LocalDate requiredFrom, String changedBy, Instant changedAt) {

		static RuleView of(AgencyAgreements.Rule rule) {
			return new RuleView(rule.requiredFrom(), rule.changedBy(), rule.changedAt());
		}
	}

	/**
	 * An agreement as both parties and customs read it: {@code status} PROPOSED, CONFIRMED, DECLINED or WITHDRAWN;
	 * {@code declaration} the number of the declaration that took it and that it serves ({@code declarationId} its
	 * id); {@code givenBack} the declarations that took it before and gave it back when they ended without the goods
	 * moving on them (rejected, withdrawn, cancelled), the first first; {@code documentsReceived} the documents the
	 * principal handed over (CONTRACT, INVOICE, PACKING_LIST, TRANSPORT_DOCUMENT, PROCESSING_TRADE_MANUAL, LICENCE),
	 * {@code otherDocuments} others in words, {@code documentsReceivedOn} the day the broker received them (absent when
	 * none), {@code fee} the broker's fee in CNY when stated.
	 */
	record AgreementView(String number, String broker, String brokerName, String principal, String principalName,
			String flow, String goods, String hsCode, String transportDocument, LocalDate validUntil, String status,
			String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String declineReason,
			String declaration, UUID declarationId, Instant usedAt, List<AgencyAgreements.GivenBack> givenBack,
			List<String> documentsReceived, String otherDocuments, LocalDate documentsReceivedOn, BigDecimal fee) {

		static AgreementView of(AgencyAgreements.Read read, Map<Uscc, String> names) {
			AgencyAgreement a = read.agreement();
			return new AgreementView(a.number(), a.broker().value(), names.get(a.broker()), a.principal().value(),
					names.get(a.principal()), a.flow().name(), a.goods(), a.hsCode() == null ? null : a.hsCode().value(),
					a.transportDocument(), a.validUntil(), a.status().name(), a.proposedBy(), a.proposedAt(),
					a.decidedBy(), a.decidedAt(), a.declineReason(), read.declarationNumber(), a.declaration(),
					a.usedAt(), read.givenBack(), a.handover().documents().stream().map(Enum::name).toList(),
					a.handover().otherDocuments(), a.handover().receivedOn(), a.fee());
		}
	}

	@GetMapping("/api/v1/agency-agreements")
	@Refuses(forbidden = "ROLE_REQUIRED", invalid = { "AGENCY_AGREEMENT_STATUS_UNKNOWN", "MALFORMED_VALUE", "TOO_SMALL",
			"TOO_LARGE", "CURSOR_INVALID", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "The agency agreements the caller may read (电子代理报关委托协议)",
			description = "A trader's enterprise's, a broker's (of the principals it handles), every one for customs; "
					+ "the latest proposed first, of one status when named (PROPOSED, CONFIRMED, DECLINED, WITHDRAWN); "
					+ "q: a piece of the number, the bill of lading, the goods, or a party's USCC or name "
					+ "(case-insensitive, literal, at most " + AgencyAgreements.SEARCHED + " characters); "
					+ "limit (default " + AgencyAgreements.LISTED + ", at most 500) and cursor, the next page's address "
					+ "in the Link header (rel=\"next\").")
	ResponseEntity<List<AgreementView>> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		ListPage<AgencyAgreements.Read> page = agreements.list(currentActor.get(), status, q,
				PageRequest.read(limit, cursor, AgencyAgreements.LISTED));
		Map<Uscc, String> names = agreements.partiesOf(page.rows());
		return page.map(read -> AgreementView.of(read, names)).answer();
	}

	@PostMapping("/api/v1/agency-agreements")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(forbidden = { "ROLE_REQUIRED", "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			invalid = { "REQUIRED", "USCC_FORMAT", "ORGANISATION_CODE_FORMAT", "AGENCY_AGREEMENT_OWN_ENTERPRISE",
					"FLOW_UNKNOWN", "SIZE", "CONTROL_CHARACTER", "HS_CODE_FORMAT", "DATE_FORMAT",
					"VALID_UNTIL_IN_PAST", "AGREEMENT_DOCUMENT_UNKNOWN", "DOCUMENTS_RECEIVED_IN_FUTURE",
					"DOCUMENTS_RECEIVED_NONE", "NUMBER_UNREADABLE", "TOO_LARGE", "AMOUNT_NEGATIVE", "MALFORMED_VALUE" })
	@Operation(summary = "Propose an agency agreement for one declaration to a principal (brokers)",
			description = "principal (a USCC that authorises the caller's brokerage), flow (IMPORT or EXPORT), goods "
					+ "(the main goods, as the paper agreement's line), hsCode (optional, 6, 8 or 10 digits: only a "
					+ "declaration with a line under it takes the agreement), transportDocument (optional, the bill of "
					+ "lading or waybill), validUntil (its last day); optionally what the paper agreement's lower half "
					+ "holds: documentsReceived (the documents the principal handed over: CONTRACT, INVOICE, "
					+ "PACKING_LIST, TRANSPORT_DOCUMENT, PROCESSING_TRADE_MANUAL, LICENCE), otherDocuments (others, in "
					+ "words), documentsReceivedOn (the day received, not after today; today when documents are named "
					+ "without it) and fee (the broker's fee in CNY, a decimal string such as \"300.00\"). PROPOSED "
					+ "until the principal confirms or declines it; once confirmed, the broker's next declaration for the "
					+ "principal in that direction takes it.")
	ResponseEntity<AgreementView> propose(@RequestBody(required = false) AgencyAgreements.Proposal proposal) {
		AgreementView proposed = view(agreements.propose(currentActor.get(), proposal));
		return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/agency-agreements/{number}")
			.buildAndExpand(proposed.number()).encode().toUri()).body(proposed);
	}

	@GetMapping("/api/v1/agency-agreements/{number}")
	@Refuses(notFound = "AGENCY_AGREEMENT_NOT_FOUND")
	@Operation(summary = "An agency agreement", description = "404 AGENCY_AGREEMENT_NOT_FOUND unless the caller is one "
			+ "of its parties (a broker: for a principal it handles) or customs.")
	AgreementView read(@PathVariable String number) {
		return view(agreements.find(currentActor.get(), number));
	}

	@PostMapping("/api/v1/agency-agreements/{number}/confirm")
	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" }, notFound = "AGENCY_AGREEMENT_NOT_FOUND",
			conflict = { "AGENCY_AGREEMENT_NOT_PROPOSED", "AGENCY_AGREEMENT_EXPIRED" })
	@Operation(summary = "Confirm an agency agreement proposed to the caller's enterprise (traders)")
	AgreementView confirm(@PathVariable String number) {
		return view(agreements.confirm(currentActor.get(), number));
	}

	@PostMapping("/api/v1/agency-agreements/{number}/decline")
	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" }, notFound = "AGENCY_AGREEMENT_NOT_FOUND",
			conflict = "AGENCY_AGREEMENT_NOT_PROPOSED", invalid = { "REASON_REQUIRED", "SIZE", "CONTROL_CHARACTER" })
	@Operation(summary = "Decline an agency agreement proposed to the caller's enterprise, saying why (traders)")
	AgreementView decline(@PathVariable String number, @RequestBody(required = false) Refusal refusal) {
		return view(agreements.decline(currentActor.get(), number, refusal == null ? null : refusal.reason()));
	}

	@PostMapping("/api/v1/agency-agreements/{number}/withdraw")
	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" }, notFound = "AGENCY_AGREEMENT_NOT_FOUND",
			conflict = "AGENCY_AGREEMENT_NOT_PROPOSED")
	@Operation(summary = "Withdraw an agency agreement the principal has not decided yet (brokers)")
	AgreementView withdraw(@PathVariable String number) {
		return view(agreements.withdraw(currentActor.get(), number));
	}

	@GetMapping("/api/v1/agency-agreement-rule")
	@Refuses
	@Operation(summary = "From which day a broker's declaration for a principal needs a confirmed agency agreement",
			description = "requiredFrom null: not required (a confirmed agreement that serves a declaration is still "
					+ "taken by it). From that day (the zone's calendar) such a declaration without one is refused 422 "
					+ "AGENCY_AGREEMENT_REQUIRED at declarant.")
	RuleView rule() {
		return RuleView.of(agreements.rule());
	}

	@PutMapping("/api/v1/agency-agreement-rule")
	@Refuses(forbidden = "ROLE_REQUIRED", invalid = "DATE_FORMAT")
	@Operation(summary = "Set from which day agency agreements are required (the zone's administrators)",
			description = "requiredFrom yyyy-MM-dd, or null/blank for never; a day already passed requires them at "
					+ "once. Applies on every node from the next submission.")
	RuleView changeRule(@RequestBody(required = false) RuleChange change) {
		return RuleView.of(agreements.changeRule(currentActor.get(), change == null ? null : change.requiredFrom()));
	}

	private AgreementView view(AgencyAgreements.Read read) {
		return AgreementView.of(read, agreements.partiesOf(List.of(read)));
	}
}
