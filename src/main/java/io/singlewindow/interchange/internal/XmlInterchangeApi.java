package io.singlewindow.interchange.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
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
import jakarta.servlet.http.HttpServletRequest;

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
	 * {@code text/xml} (its charset said: without one a text type was once taken for US-ASCII) when the request asks
	 * for it and not for {@code application/xml}; else {@code application/xml}.
	 */
	static MediaType xmlAsAsked(HttpServletRequest request) {
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
		} catch (InvalidMediaTypeException e) {
			return MediaType.APPLICATION_XML;
		}
		boolean text = accepted.stream().anyMatch(t -> t.equalsTypeAndSubtype(MediaType.TEXT_XML));
		boolean application = accepted.stream().anyMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_XML));
		return text && !application ? new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8)
				: MediaType.APPLICATION_XML;
	}

	/**
	 * The declaration's consolidated response as a WCO DM Response, whatever channel it came in by: asked for again
	 * after a decision, a clearance or a release it carries the new status and a higher version.
	 */
	@GetMapping(path = "/declarations/{id}/response", produces = { XML, InterchangeApi.TEXT_XML })
	@ApiResponse(responseCode = "200", description = "The consolidated response: JSON, a CUSRES (Accept: "
			+ "application/EDIFACT) or a WCO DM Response (Accept: application/xml or text/xml)",
			content = { @Content(mediaType = XML, schema = @Schema(type = "string")),
					@Content(mediaType = InterchangeApi.TEXT_XML, schema = @Schema(type = "string")) })
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	// One operation with the JSON download of the declaration API (same path and method): its id is kept.
	@Operation(operationId = "declarationResponse",
			summary = "The consolidated response: JSON, a CUSRES (Accept: application/EDIFACT) or a WCO DM Response "
					+ "(Accept: application/xml or text/xml)")
	ResponseEntity<byte[]> response(@PathVariable UUID id, HttpServletRequest request) {
		Actor actor = currentActor.get();
		var response = responses.find(actor, id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		return ResponseEntity.ok().contentType(xmlAsAsked(request))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + response.number() + ".xml\"")
			.body(interchanges.response(response));
	}
}
