-- EDIFACT interchanges received: one row per sender (UNB 0004) and control reference (UNB 0020) of a submitter, so
-- that the same interchange sent again is answered as the first time and nothing is stored anew, and the same
-- reference with other content is refused (CONTRL 26, duplicate detected).
CREATE TABLE interchange (
    id                UUID PRIMARY KEY,
    submitted_by      UUID NOT NULL,
    sender            TEXT NOT NULL,
    control_reference TEXT NOT NULL,
    content_hash      TEXT NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    messages          INT NOT NULL,
    -- The envelope and the messages as read (reference, directory, syntax errors), to write answers later.
    document          JSONB NOT NULL,
    -- A large interchange's declarations, submitted by the batch job; NULL when answered at once.
    batch_id          UUID,
    -- The answer of an interchange answered at once (CONTRL and CUSRES), returned as it is when sent again.
    answer            BYTEA,
    CONSTRAINT interchange_reference UNIQUE (submitted_by, sender, control_reference)
);
