package io.singlewindow.declaration.internal;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A declaration's printed documents for the declarant's own software (a broker prints them for its principal), the
 * same PDFs the declaration's page links to ({@link PrintedDeclarations}).
 */
@RestController
@RequestMapping("/api/v1/declarations/{id}")
@Tag(name = "Declarations") // described once, on DeclarationApi
class DeclarationPdfApi {

	private final PrintedDeclarations printed;

	DeclarationPdfApi(PrintedDeclarations printed) {
		this.printed = printed;
	}

	@GetMapping(path = "/response.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@ApiResponse(responseCode = "200", description = "The consolidated response, A4, Chinese and English, with a QR "
			+ "code to the public page /verify/declarations/{number}?v=&a= that says whether the copy is current",
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	@Operation(summary = "The consolidated response as a PDF (审核结果)")
	ResponseEntity<byte[]> response(@PathVariable UUID id) {
		return printed.response(id);
	}

	@GetMapping(path = "/declaration.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@ApiResponse(responseCode = "200", description = "The declaration as declared, A4: header and lines, each code "
			+ "with its names in Chinese and English, with a QR code to the public page "
			+ "/verify/declarations/{number}?d= that says whether the copy still shows what is declared (an amendment "
			+ "or a correction by customs since makes it out of date; a decision or a payment does not)",
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	@Operation(summary = "The declaration as declared, as a PDF (报关单打印)")
	ResponseEntity<byte[]> asDeclared(@PathVariable UUID id) {
		return printed.declaration(id);
	}
}
