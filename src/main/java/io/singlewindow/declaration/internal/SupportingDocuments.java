package io.singlewindow.declaration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.platform.BusinessTime;

/**
 * Supporting documents (随附单证): the declarant attaches them to a declaration the agencies still decide — with the
 * declaration or when an officer's question asks for one — and every officer who may read the declaration reads them
 * with it. The one place that writes and reads their rows. A document is kept as sent and never changed or removed: an
 * agency's decision rests on what it read.
 */
@Service
class SupportingDocuments {

	private static final Logger log = LoggerFactory.getLogger(SupportingDocuments.class);

	/** A declaration's documents are a file, not an archive: 30 is more than any declaration needs. */
	static final int MAX_PER_DECLARATION = 30;

	private static final String COLUMNS = """
			id, declaration_id, kind, file_name, media_type, size_bytes, sha256, attached_by, attached_at""";

	private final JdbcClient jdbc;
	private final DeclarationRows rows;
	private final AuditTrail auditTrail;
	private final BusinessTime time;

	SupportingDocuments(JdbcClient jdbc, DeclarationRows rows, AuditTrail auditTrail, BusinessTime time) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.auditTrail = auditTrail;
		this.time = time;
	}

	/** A document as attached; {@code created} is false when the same file was attached before (a retried upload). */
	record Attached(SupportingDocument document, boolean created) {
	}

	/** A document's content with what a download needs. */
	record Content(SupportingDocument document, byte[] bytes) {
	}

	/**
	 * The declarant (or a broker it authorises) attaches a document. The same file attached again to the same
	 * declaration answers the document already attached, whatever kind it is sent as: an upload retried after a lost
	 * answer stores nothing twice.
	 *
	 * @throws Problem 404 {@code DECLARATION_NOT_FOUND}; 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless the actor
	 *     acts for the declarant; 422 at {@code kind} or {@code file} ({@link DocumentKind#read},
	 *     {@link DocumentFile#read}); 409 {@code DECLARATION_CLOSED_TO_DOCUMENTS} once it is decided or withdrawn,
	 *     {@code DOCUMENT_LIMIT_REACHED} at {@value #MAX_PER_DECLARATION} documents
	 */
	@Transactional
	Attached attach(Actor actor, UUID declarationId, String kind, String fileName, byte[] content) {
		// Under the declaration's lock: two uploads of one declaration cannot both pass the limit or the status check.
		Declaration declaration = rows.lock(declarationId);
		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		DocumentKind documentKind = DocumentKind.read(kind);
		DocumentFile file = DocumentFile.read(fileName, content);
		Optional<SupportingDocument> same = jdbc
			.sql("SELECT " + COLUMNS + " FROM declaration_document WHERE declaration_id = ? AND sha256 = ?")
			.params(declarationId, file.sha256())
			.query(SupportingDocuments::document)
			.optional();
		if (same.isPresent()) {
			return new Attached(same.get(), false);
		}
		int attached = jdbc.sql("SELECT count(*) FROM declaration_document WHERE declaration_id = ?")
			.param(declarationId)
			.query(Integer.class)
			.single();
		if (attached >= MAX_PER_DECLARATION) {
			throw Problem.conflict("DOCUMENT_LIMIT_REACHED", declaration.number(), MAX_PER_DECLARATION);
		}
		var now = time.now();
		var document = new SupportingDocument(UUID.randomUUID(), declarationId, documentKind, file.fileName(),
				file.mediaType(), file.content().length, file.sha256(), actor.username(), now);
		declaration.attach(document);
		jdbc.sql("INSERT INTO declaration_document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(document.id(), declarationId, documentKind.name(), document.fileName(), document.mediaType(),
					document.size(), document.sha256(), document.attachedBy(), Timestamp.from(now), file.content())
			.update();
		auditTrail.record(AuditRecord.of("DECLARATION_DOCUMENT_ATTACHED", "DECLARATION", declarationId).by(actor)
			.change(null, AuditRecord.state("number", declaration.number(), "document", document.id().toString(),
					"kind", documentKind.name(), "fileName", document.fileName(), "size", document.size(), "sha256",
					document.sha256())));
		rows.save(declaration);
		log.info("event=declaration_document_attached number={} document={} kind={} bytes={} by={}",
				declaration.number(), document.id(), documentKind, document.size(), actor.username());
		return new Attached(document, true);
	}

	/**
	 * A declaration's documents, oldest first.
	 *
	 * @throws Problem 404 {@code DECLARATION_NOT_FOUND}; 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless the actor
	 *     may read the declarant's declarations
	 */
	@Transactional(readOnly = true)
	List<SupportingDocument> of(Actor actor, UUID declarationId) {
		actor.requireSee(declarantOf(declarationId));
		return attachedTo(declarationId);
	}

	/**
	 * The documents of a declaration its reader was already allowed to see (a page holds the view
	 * {@link ChannelVisibility} gave it): the declarant is not read and checked a second time on every render and live
	 * update.
	 */
	List<SupportingDocument> attachedTo(DeclarationView visible) {
		return attachedTo(visible.id());
	}

	private List<SupportingDocument> attachedTo(UUID declarationId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM declaration_document WHERE declaration_id = ? ORDER BY attached_at, id")
			.param(declarationId)
			.query(SupportingDocuments::document)
			.list();
	}

	/**
	 * One document with its content.
	 *
	 * @throws Problem 404 {@code DECLARATION_NOT_FOUND} or {@code DOCUMENT_NOT_FOUND} (also for a document of another
	 *     declaration); 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless the actor may read the declarant's declarations
	 */
	@Transactional(readOnly = true)
	Content open(Actor actor, UUID declarationId, UUID documentId) {
		actor.requireSee(declarantOf(declarationId));
		Content content = jdbc
			.sql("SELECT " + COLUMNS + ", content FROM declaration_document WHERE id = ? AND declaration_id = ?")
			.params(documentId, declarationId)
			.query((rs, n) -> new Content(document(rs, n), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> Problem.notFound("DOCUMENT_NOT_FOUND", documentId));
		// Who read an enterprise's business documents is asked after a leak: the log answers it (not the audit trail,
		// which records decisions on rights and money).
		log.info("event=declaration_document_read declaration={} document={} by={} role={}", declarationId, documentId,
				actor.username(), actor.role());
		return content;
	}

	private Uscc declarantOf(UUID declarationId) {
		return jdbc.sql("SELECT declarant FROM declaration WHERE id = ?")
			.param(declarationId)
			.query((rs, n) -> Uscc.parse(rs.getString(1)))
			.optional()
			.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", declarationId));
	}

	private static SupportingDocument document(ResultSet rs, int n) throws SQLException {
		return new SupportingDocument(rs.getObject("id", UUID.class), rs.getObject("declaration_id", UUID.class),
				DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("media_type"),
				rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("attached_by"),
				rs.getTimestamp("attached_at").toInstant());
	}
}
