package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * The declarant attached a supporting document (随附单证) to a declaration the agencies still decide: what it is and
 * the SHA-256 of its content, by which anyone holding a copy knows it is the one attached.
 *
 * @param kind the document's kind code ({@code INVOICE}, {@code CERTIFICATE_OF_ORIGIN}, …)
 */
public record SupportingDocumentAttached(UUID declarationId, String declarationNumber, Uscc declarant, UUID documentId,
		String kind, String fileName, String sha256, String attachedBy, Instant attachedAt) {
}
