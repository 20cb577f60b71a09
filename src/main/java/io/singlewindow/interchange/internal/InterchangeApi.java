package io.singlewindow.interchange.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Interchanges", description = "Declarations as UN/EDIFACT CUSDEC messages, answered with CONTRL and "
		+ "CUSRES, or as WCO Data Model XML, answered with a WCO DM Response")
class InterchangeApi {

	static final String EDIFACT = "application/EDIFACT";

	/** The answers' type as Spring writes it: media types compare case-insensitively, the API document does not. */
	static final String EDIFACT_ANSWER = "application/edifact";

	static final MediaType EDIFACT_TYPE = MediaType.parseMediaType(EDIFACT_ANSWER);

	static final String XML = MediaType.APPLICATION_XML_VALUE;

	/** XML under its other registered name (RFC 7303), as SOAP-era EDI software and many HTTP libraries send it. */
	static final String TEXT_XML = MediaType.TEXT_XML_VALUE;

	/** Seconds a client is asked to wait before asking again how a large interchange is going. */
	static final int RETRY_AFTER_SECONDS = 2;

	private final Interchanges interchanges;
	private final XmlInterchanges xml;
	private final CurrentActor currentActor;
	private final io.singlewindow.declaration.DeclarationResponses responses;
	private final io.singlewindow.platform.BusinessTime time;

	InterchangeApi(Interchanges interchanges, XmlInterchanges xml, CurrentActor currentActor,
			io.singlewindow.declaration.DeclarationResponses responses, io.singlewindow.platform.BusinessTime time) {
		this.interchanges = interchanges;
		this.xml = xml;
		this.currentActor = currentActor;
		this.responses = responses;
		this.time = time;
	}

	@PostMapping(path = "/interchanges", consumes = { EDIFACT, XML, TEXT_XML })
	@ApiResponse(responseCode = "200", description = "Answered at once (up to " + Interchanges.SYNCHRONOUS_UP_TO
			+ " declarations), or sent again with the same sender and control reference: an interchange holding a "
			+ "CONTRL (messages refused for their syntax) and a CUSRES per declaration; or, when the interchange is "
			+ "refused as a whole for its syntax (envelope broken, cut short, counts wrong, bytes outside its "
			+ "character set), a CONTRL with UCI 0083=4 pointing at the error (422 is kept for problem+json). "
			+ "A WCO DM declaration sent again under the same functional reference (its first declaration's "
			+ "Response), or refused for its content: a Response with function code 03 and an Error per problem, "
			+ "carrying the REST API's stable code (ValidationCode) and a pointer at the element", headers = @Header(
					name = "Location", description = "The interchange's answer, or the WCO DM declaration",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = EDIFACT_ANSWER, schema = @Schema(type = "string")),
					@Content(mediaType = XML, schema = @Schema(type = "string")),
					@Content(mediaType = TEXT_XML, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "201", description = "A WCO DM declaration submitted: its Response (function code "
			+ "01 …) with the declaration number, version and status", headers = @Header(name = "Location",
					description = "The declaration", schema = @Schema(type = "string")),
			content = { @Content(mediaType = XML, schema = @Schema(type = "string")),
					@Content(mediaType = TEXT_XML, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "202", description = "More than " + Interchanges.SYNCHRONOUS_UP_TO + " declarations: "
			+ "received (CONTRL 0083=8); the declarations are submitted by the batch job and the CUSRES are read at "
			+ "Location", headers = {
					@Header(name = "Location", description = "The interchange's answer",
							schema = @Schema(type = "string")),
					@Header(name = "Retry-After", description = "Seconds to wait before asking",
							schema = @Schema(type = "integer")) },
			content = @Content(mediaType = EDIFACT_ANSWER, schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "409", description = "The sender's control reference was used before for other "
			+ "content: CONTRL rejecting the interchange (0085=26)",
			content = @Content(mediaType = EDIFACT_ANSWER, schema = @Schema(type = "string")))
	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" },
			invalid = { "INTERCHANGE_NOT_EDIFACT", "INTERCHANGE_TOO_MANY_MESSAGES",
			"INTERCHANGE_XML_MALFORMED", "INTERCHANGE_XML_DOCTYPE", "INTERCHANGE_XML_ENTITY", "INTERCHANGE_XML_NOT_WCO",
			"INTERCHANGE_XML_ONE_DECLARATION", "INTERCHANGE_XML_TOO_LARGE" })
	@Operation(summary = "Submit declarations as a UN/EDIFACT interchange of CUSDEC messages (D.96B, D.99B) or one "
			+ "declaration as WCO Data Model 3.x XML",
			description = "application/EDIFACT: syntax 3 or 4, UNOA/UNOB/UNOC/UNOW/UNOY, UNA and UNG optional. Each "
					+ "message is checked against its directory's schema; one with syntax errors is named in the "
					+ "CONTRL and nothing of it is stored. Each other message is submitted as a declaration, exactly "
					+ "like POST /declarations, on its own: its CUSRES carries the declaration number and status, or "
					+ "the stable error codes (ERC) with the segment (ERP) and element (FTX) they concern. Its "
					+ "document number (BGM 1004) is its idempotency key, as clientReference is: sent again in any "
					+ "interchange it is answered with the declaration stored the first time, with other content "
					+ "refused IDEMPOTENCY_KEY_REUSED at BGM 1004; without one, it is keyed by its sender, control "
					+ "reference and message reference. A message "
					+ "with BGM 1225 = 1 cancels the declaration numbered in its RFF+ABT, for the reason in its "
					+ "FTX+ACD: withdrawn while the agencies decide it, else an application customs decides (CUSRES "
					+ "GIS+ZRQ WITHDRAWN or CANCEL_APPLIED); one with BGM 1225 = 5 amends it with its content, as of "
					+ "the version in RFF+ZVN when given (GIS+ZRQ AMENDED), or, once it is cleared or released, "
					+ "applies for a correction of the lines' values that alone differ, for the reason in its FTX+ACD "
					+ "(GIS+ZRQ CORRECT_APPLIED; any other field that differs is refused CHANGED_AFTER_CLEARANCE at its "
					+ "segment). At most "
					+ CusdecReader.MAX_MESSAGES + " messages and 50 MB. application/xml: one Declaration of namespace "
					+ WcoDeclarationReader.NAMESPACE + " (text/xml is taken as the same), bare or in a MetaData envelope, read as a stream without "
					+ "DTD, external entities or entity expansion, submitted the same way and answered with a WCO DM "
					+ "Response (" + WcoResponseWriter.NAMESPACE + "); its FunctionalReferenceID is its idempotency "
					+ "key. A WCO DM cancellation (FunctionCode 13, TypeCode INV, the declaration's number in ID, the "
					+ "reason in AdditionalInformation/StatementDescription, as the UK's CDS has it) withdraws a "
					+ "declaration the agencies still decide (Response FunctionCode 10) or applies for the cancellation "
					+ "of a cleared one, which customs decides (FunctionCode 11); an amendment (FunctionCode 13, "
					+ "TypeCode COR, the declaration again as amended) amends one the agencies still decide or applies "
					+ "for the correction of a cleared one's values (FunctionCode 11); refused with FunctionCode 03 and "
					+ "the stable code. See docs/interchange.md.")
	// The body is read as a stream from the request, so it is declared here: without it the operation would document
	// no request body, and with it none of the refusals a body can meet (400, 413, 415, 422).
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@Content(mediaType = EDIFACT, schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = XML, schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = TEXT_XML, schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> receive(HttpServletRequest request) {
		Actor actor = currentActor.get();
		Interchanges.Answer answer;
		try {
			MediaType sent = MediaType.parseMediaType(request.getContentType());
			if (MediaType.APPLICATION_XML.isCompatibleWith(sent) || MediaType.TEXT_XML.isCompatibleWith(sent)) {
				return declared(xml.receive(actor, request.getInputStream()), XmlInterchangeApi.xmlAsAsked(request));
			}
			answer = interchanges.receive(actor, request.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		HttpStatus status = switch (answer.outcome()) {
			case "ACCEPTED" -> HttpStatus.ACCEPTED;
			case "DUPLICATE" -> HttpStatus.CONFLICT;
			default -> HttpStatus.OK;
		};
		return respond(status, answer);
	}

	/** A WCO DM declaration's Response: 201 with the declaration's address when it was stored now. */
	private static ResponseEntity<byte[]> declared(XmlInterchanges.Answer answer, MediaType type) {
		var response = ResponseEntity.status(answer.created() ? HttpStatus.CREATED : HttpStatus.OK).contentType(type);
		if (answer.declarationId() != null) {
			response.header(HttpHeaders.LOCATION, "/api/v1/declarations/" + answer.declarationId());
		}
		return response.body(answer.body());
	}

	@GetMapping(path = "/interchanges/{id}")
	@ApiResponse(responseCode = "200", description = "The interchange's answer: CONTRL and a CUSRES for each "
			+ "declaration submitted or refused so far", headers = @Header(name = "Retry-After",
					description = "While declarations are pending: seconds to wait", schema = @Schema(type = "integer")),
			content = @Content(mediaType = EDIFACT_ANSWER, schema = @Schema(type = "string")))
	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "INTERCHANGE_NOT_FOUND")
	@Operation(summary = "The answer to an interchange sent before (CONTRL and CUSRES)",
			description = "Only its submitter sees it; another's is not found.")
	ResponseEntity<byte[]> answer(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		actor.requireRole(io.singlewindow.identity.Role.TRADER, io.singlewindow.identity.Role.BROKER);
		Interchanges.Answer answer = interchanges.find(actor, id)
			.orElseThrow(() -> Problem.notFound("INTERCHANGE_NOT_FOUND", id));
		return respond(HttpStatus.OK, answer);
	}

	/**
	 * The declaration's consolidated response as a CUSRES, whatever channel it came in by: asked for again after a
	 * decision, a clearance or a release it carries the new status and a higher version (RFF ZVN). Clients that ask
	 * for JSON (or anything else) get the JSON download of the declaration API on the same path.
	 */
	@GetMapping(path = "/declarations/{id}/response", produces = EDIFACT)
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	// One operation with the JSON download of the declaration API (same path and method): its id is kept.
	@Operation(operationId = "declarationResponse",
			summary = "The consolidated response: JSON, or a CUSRES with Accept: application/EDIFACT")
	ResponseEntity<byte[]> cusres(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		var response = responses.find(actor, id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		String recipient = actor.enterprise() != null ? actor.enterprise().value() : actor.username();
		String number = response.number();
		byte[] body = EdifactAnswer.response(response, recipient, time.now());
		return ResponseEntity.ok().contentType(EDIFACT_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + ".edi\"")
			.body(body);
	}

	private static ResponseEntity<byte[]> respond(HttpStatus status, Interchanges.Answer answer) {
		var response = ResponseEntity.status(status).contentType(EDIFACT_TYPE);
		if (answer.id() != null) {
			response.header(HttpHeaders.LOCATION, "/api/v1/interchanges/" + answer.id());
		}
		if (answer.pending()) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		}
		return response.body(answer.body());
	}
}
