-- An API request sent under an Idempotency-Key (IdempotentRequests): what was sent under a caller's key and, once it
-- succeeded, its answer, so that the request sent again after a lost answer is answered as the first instead of doing
-- the work twice. Kept a day. A declaration's submission keeps its own key (declaration_idempotency_key).
CREATE TABLE api_request_sent (
    caller          TEXT         NOT NULL,
    idempotency_key TEXT         NOT NULL,
    content         CHAR(64)     NOT NULL,
    sent_at         TIMESTAMPTZ  NOT NULL,
    status          INTEGER,
    headers         JSONB,
    body            BYTEA,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX api_request_sent_at ON api_request_sent (sent_at);
