CREATE SEQUENCE declaration_number_seq;

CREATE TABLE declaration (
    id                  UUID PRIMARY KEY,
    number              TEXT NOT NULL UNIQUE,
    declarant           TEXT NOT NULL,
    -- Idempotency-Key header or clientReference: a retry with the same key returns this declaration
    client_reference    TEXT NOT NULL,
    request_hash        TEXT NOT NULL,
    flow                TEXT NOT NULL,
    trade_mode          TEXT NOT NULL,
    transport_mode      TEXT NOT NULL,
    port                TEXT NOT NULL,
    origin_country      TEXT NOT NULL,
    destination_country TEXT NOT NULL,
    trading_country     TEXT NOT NULL,
    currency            TEXT NOT NULL,
    incoterm            TEXT NOT NULL,
    freight             NUMERIC(18, 2),
    insurance           NUMERIC(18, 2),
    packages            INT NOT NULL,
    gross_weight        NUMERIC(18, 3) NOT NULL,
    net_weight          NUMERIC(18, 3) NOT NULL,
    consignor           TEXT NOT NULL,
    consignee           TEXT NOT NULL,
    status              TEXT NOT NULL,
    channel             TEXT,
    channel_reason_code TEXT,
    channel_reason      TEXT,
    exchange_rate       NUMERIC(18, 6),
    total_customs_value NUMERIC(18, 2),
    total_duty          NUMERIC(18, 2),
    total_excise        NUMERIC(18, 2),
    total_vat           NUMERIC(18, 2),
    total_taxes         NUMERIC(18, 2),
    submitted_by        TEXT NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    cleared_at          TIMESTAMPTZ,
    released_at         TIMESTAMPTZ,
    version             INT NOT NULL DEFAULT 0,
    CONSTRAINT declaration_client_reference UNIQUE (declarant, client_reference)
);
CREATE INDEX declaration_by_declarant ON declaration (declarant, submitted_at DESC);

CREATE TABLE declaration_item (
    declaration_id        UUID NOT NULL REFERENCES declaration (id),
    line_no               INT NOT NULL,
    hs_code               TEXT NOT NULL,
    description           TEXT NOT NULL,
    quantity              NUMERIC(18, 3) NOT NULL,
    unit                  TEXT NOT NULL,
    statistical_quantity  NUMERIC(18, 3),
    value                 NUMERIC(18, 2) NOT NULL,
    origin                TEXT NOT NULL,
    permit_number         TEXT,
    certificate_agreement TEXT,
    certificate_number    TEXT,
    customs_value_cny     NUMERIC(18, 2),
    rate_basis            TEXT,
    duty_rate             NUMERIC(9, 6),
    duty                  NUMERIC(18, 2),
    excise_rate           NUMERIC(9, 6),
    excise                NUMERIC(18, 2),
    vat_rate              NUMERIC(9, 6),
    vat                   NUMERIC(18, 2),
    steps                 TEXT,
    PRIMARY KEY (declaration_id, line_no)
);

-- Every routing decision with the rule that caused it.
CREATE TABLE declaration_route (
    declaration_id UUID NOT NULL REFERENCES declaration (id),
    line_no        INT NOT NULL,
    agency         TEXT NOT NULL,
    rule_code      TEXT NOT NULL,
    reason         TEXT NOT NULL,
    PRIMARY KEY (declaration_id, line_no, agency, rule_code)
);

CREATE TABLE agency_task (
    id             UUID PRIMARY KEY,
    declaration_id UUID NOT NULL REFERENCES declaration (id),
    agency         TEXT NOT NULL,
    -- PENDING, AUTO_APPROVED, APPROVED, REJECTED, QUERIED
    status         TEXT NOT NULL,
    -- why the automatic policy left it to an officer (or the policy that decided it)
    policy_code    TEXT,
    note           TEXT,
    decided_by     TEXT,
    decided_at     TIMESTAMPTZ,
    reason         TEXT,
    answer         TEXT,
    -- digest of what the agency was routed to see; an amendment re-opens the task only when it changes
    fingerprint    TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    version        INT NOT NULL DEFAULT 0,
    CONSTRAINT agency_task_once UNIQUE (declaration_id, agency)
);
-- The officer queues: open tasks of one agency, oldest first.
CREATE INDEX agency_task_queue ON agency_task (agency, created_at) WHERE status = 'PENDING';

CREATE TABLE declaration_event (
    id             UUID PRIMARY KEY,
    declaration_id UUID NOT NULL REFERENCES declaration (id),
    seq            BIGSERIAL,
    at             TIMESTAMPTZ NOT NULL,
    event          TEXT NOT NULL,
    agency         TEXT,
    actor          TEXT,
    reason_code    TEXT,
    reason         TEXT
);
CREATE INDEX declaration_event_timeline ON declaration_event (declaration_id, seq);
