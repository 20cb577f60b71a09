-- Enterprises' webhooks: status events are written to an outbox in the transaction that changes the status and
-- delivered by a poller on any node (rows claimed with FOR UPDATE SKIP LOCKED), retried with back-off until a 2xx.
CREATE TABLE webhook_subscription (
    id         UUID PRIMARY KEY,
    enterprise TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_subscription_by_enterprise ON webhook_subscription (enterprise) WHERE active;

CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID NOT NULL REFERENCES webhook_subscription (id),
    declaration_id  UUID NOT NULL,
    event_type      TEXT NOT NULL,
    payload         TEXT NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL;
