package io.singlewindow.interchange.internal;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.declaration.DeclarationResponses;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A declaration's consolidated response as a WCO Data Model Response, on the address of its JSON download and CUSRES
 * told apart by the media type asked for. WCO DM declarations themselves come in through {@link InterchangeApi}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Interchanges")
class XmlInterchangeApi {

	static final String XML = MediaType.APPLICATION_XML_VALUE;

	private final XmlInterchanges interchanges;
	private final CurrentActor currentActor;
	private final DeclarationResponses responses;

	XmlInterchangeApi(XmlInterchanges interchanges, CurrentActor currentActor, DeclarationResponses responses) {
		this.interchanges = interchanges;
		this.currentActor = currentActor;
		this.responses = responses;
	}

	/**
	 * The declaration's consolidated response as a WCO DM Response, whatever channel it came in by: asked for again
	 * after a decision, a clearance or a release it carries the new status and a higher version.
	 */
	@GetMapping(path = "/declarations/{id}/response", produces = XML)
	@ApiResponse(responseCode = "200", description = "The consolidated response: JSON, a CUSRES (Accept: "
			+ "application/EDIFACT) or a WCO DM Response (Accept: application/xml)",
			content = @Content(mediaType = XML, schema = @Schema(type = "string")))
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	// One operation with the JSON download of the declaration API (same path and method): its id is kept.
	@Operation(operationId = "declarationResponse",
			summary = "The consolidated response: JSON, a CUSRES (Accept: application/EDIFACT) or a WCO DM Response "
					+ "(Accept: application/xml)")
	ResponseEntity<byte[]> response(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		var response = responses.find(actor, id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + response.number() + ".xml\"")
			.body(interchanges.response(response));
	}
}
