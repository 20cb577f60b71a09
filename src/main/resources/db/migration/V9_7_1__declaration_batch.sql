-- Several declarations received together (a workbook of several declarations; later an EDIFACT interchange of several
-- messages): the batch and one row per declaration, written in the transaction that accepts them. A job then submits
-- each declaration on its own, in its own transaction, under an idempotency key, so a node that dies mid-batch leaves
-- the rest to any other node and no declaration is submitted twice.
CREATE TABLE declaration_batch (
    id              UUID PRIMARY KEY,
    channel         TEXT NOT NULL,
    submitted_by    UUID NOT NULL,
    submitter       TEXT NOT NULL,
    -- The submitter's enterprise: who may read the batch, and whose webhooks hear that it finished.
    owner           TEXT NOT NULL,
    idempotency_key TEXT,
    content_hash    TEXT NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    -- NULL while a person looks at what the workbook holds, before choosing to submit it all.
    accepted_at     TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    CONSTRAINT declaration_batch_key UNIQUE (submitted_by, idempotency_key)
);

CREATE TABLE declaration_batch_entry (
    batch_id       UUID NOT NULL REFERENCES declaration_batch (id) ON DELETE CASCADE,
    position       INT NOT NULL,
    reference      TEXT NOT NULL,
    source         TEXT NOT NULL,
    declarant      TEXT,
    lines          INT NOT NULL,
    -- The declaration as read (form fields, where each came from, problems of reading), resubmitted as it is.
    document       JSONB NOT NULL,
    -- The key it is submitted under; NULL: its own clientReference.
    submission_key TEXT,
    state          TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SUBMITTED', 'REFUSED')),
    claimed_until  TIMESTAMPTZ,
    attempts       INT NOT NULL DEFAULT 0,
    declaration_id UUID,
    repeated       BOOLEAN NOT NULL DEFAULT FALSE,
    code           TEXT,
    problems       JSONB,
    finished_at    TIMESTAMPTZ,
    PRIMARY KEY (batch_id, position)
);
CREATE INDEX declaration_batch_entry_pending ON declaration_batch_entry (batch_id) WHERE state = 'PENDING';

-- A finished batch is announced to the owner's webhooks like a status change, but belongs to no one declaration.
ALTER TABLE webhook_delivery ALTER COLUMN declaration_id DROP NOT NULL;
ALTER TABLE webhook_delivery ADD COLUMN batch_id UUID;
CREATE INDEX declaration_batch_previewed ON declaration_batch (received_at) WHERE accepted_at IS NULL;
