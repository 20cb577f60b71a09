package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A supporting document attached to a declaration, without its content (read from {@link SupportingDocuments#open}).
 *
 * @param sha256 hex SHA-256 of the content: whoever holds a copy can tell it is the one attached
 */
record SupportingDocument(UUID id, UUID declarationId, DocumentKind kind, String fileName, String mediaType,
		int size, String sha256, String attachedBy, Instant attachedAt) {
}
