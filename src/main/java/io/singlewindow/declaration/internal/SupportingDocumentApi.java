package io.singlewindow.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/declarations/{id}/documents")
@Tag(name = "Declarations") // described once, on DeclarationApi
class SupportingDocumentApi {

	private final SupportingDocuments documents;
	private final CurrentActor currentActor;

	SupportingDocumentApi(SupportingDocuments documents, CurrentActor currentActor) {
		this.documents = documents;
		this.currentActor = currentActor;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ApiResponse(responseCode = "201", description = "The document is attached", headers = @Header(name = "Location",
			description = "The document's content", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "200", description = "The same file was attached to this declaration before (a retried "
			+ "upload): the document attached then; nothing is stored twice", headers = @Header(name = "Location",
					description = "The document's content", schema = @Schema(type = "string")))
	@Refuses(forbidden = { "NOT_AUTHORISED_FOR_ENTERPRISE", "OPERATOR_RIGHT_REQUIRED" },
			notFound = "DECLARATION_NOT_FOUND",
			conflict = { "DECLARATION_CLOSED_TO_DOCUMENTS", "DOCUMENT_LIMIT_REACHED" },
			invalid = { "REQUIRED", "DOCUMENT_KIND_UNKNOWN", "DOCUMENT_TOO_LARGE", "DOCUMENT_TYPE_NOT_ACCEPTED",
					"DOCUMENT_INCOMPLETE", "CONTROL_CHARACTER", "SIZE" })
	@Operation(summary = "Attach a supporting document (随附单证) to a declaration",
			description = "A multipart form with the file (a PDF, PNG or JPEG of at most 10 MB, recognised by its "
					+ "content) and its kind. Until the agencies have decided the declaration (or it was withdrawn); "
					+ "at most 30 a declaration. A document is never changed or removed once attached.")
	ResponseEntity<SupportingDocument> attach(@PathVariable UUID id,
			@Parameter(description = "INVOICE, PACKING_LIST, CONTRACT, TRANSPORT_DOCUMENT, CERTIFICATE_OF_ORIGIN, "
					+ "PERMIT, INSPECTION_CERTIFICATE or OTHER") @RequestParam(required = false) String kind,
			@Parameter(description = "The document's file") @RequestParam(required = false) MultipartFile file)
			throws java.io.IOException {
		byte[] content = file == null ? null : file.getBytes();
		var attached = documents.attach(currentActor.get(), id, kind, file == null ? null : file.getOriginalFilename(),
				content);
		return ResponseEntity.status(attached.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.LOCATION, "/api/v1/declarations/" + id + "/documents/" + attached.document().id())
			.body(attached.document());
	}

	@GetMapping
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = "DECLARATION_NOT_FOUND")
	@Operation(summary = "A declaration's supporting documents, oldest first (without their content)")
	List<SupportingDocument> list(@PathVariable UUID id) {
		return documents.of(currentActor.get(), id);
	}

	@GetMapping(path = "/{documentId}", produces = { MediaType.APPLICATION_PDF_VALUE, MediaType.IMAGE_PNG_VALUE,
			MediaType.IMAGE_JPEG_VALUE })
	@ApiResponse(responseCode = "200", description = "The document as it was attached", content = {
			@Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")) })
	@Refuses(forbidden = "NOT_AUTHORISED_FOR_ENTERPRISE", notFound = { "DECLARATION_NOT_FOUND", "DOCUMENT_NOT_FOUND" })
	@Operation(summary = "Download a supporting document")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
		return file(documents.open(currentActor.get(), id, documentId));
	}

	/**
	 * A document as a download: its own type (never sniffed), saved under its name rather than shown inline, and not
	 * kept by any cache — it is the declarant's business document. No ETag: the API has none (its conventions); the
	 * list's {@code sha256} says whether a copy is this one.
	 */
	static ResponseEntity<byte[]> file(SupportingDocuments.Content content) {
		SupportingDocument document = content.document();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(content.bytes());
	}
}
