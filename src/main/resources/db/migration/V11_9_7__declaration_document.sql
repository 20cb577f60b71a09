-- Supporting documents (随附单证) a declarant attaches to a declaration: invoices, packing lists, certificates an
-- agency needs to decide. Kept in the database with the declaration they support, so a backup holds both and a
-- document is never lost while its declaration is kept (declarations are never deleted). A document is never changed
-- or removed once attached: what an officer decided on stays readable; a wrong file is followed by the right one.
CREATE TABLE declaration_document (
    id             UUID PRIMARY KEY,
    declaration_id UUID NOT NULL REFERENCES declaration (id),
    kind           TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     INT NOT NULL CHECK (size_bytes > 0),
    -- hex SHA-256 of the content: the same file sent again (a retried upload) is the document already attached
    sha256         TEXT NOT NULL,
    content        BYTEA NOT NULL,
    attached_by    TEXT NOT NULL,
    attached_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (declaration_id, sha256)
);

-- An attachment is a change of its declaration: pages that show it hear of it (declaration_changed).
CREATE TRIGGER declaration_document_attached AFTER INSERT ON declaration_document
    FOR EACH ROW EXECUTE FUNCTION notify_declaration_changed();
