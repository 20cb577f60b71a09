-- Issued permits. The stored status is IN_FORCE, SUSPENDED or REVOKED; "expired" is not stored but follows the
-- clock (valid_until before the business date), so no job has to run for a permit to lapse.
CREATE SEQUENCE permit_number_seq;

CREATE TABLE permit (
    id                   UUID PRIMARY KEY,
    number               VARCHAR(40) NOT NULL UNIQUE,
    catalogue_code       VARCHAR(40) NOT NULL REFERENCES permit_catalogue (code),
    holder_uscc          CHAR(18) NOT NULL,
    application_id       UUID,
    scope                TEXT NOT NULL DEFAULT '',
    valid_from           DATE NOT NULL,
    valid_until          DATE,
    status               VARCHAR(12) NOT NULL CHECK (status IN ('IN_FORCE', 'SUSPENDED', 'REVOKED')),
    status_reason        TEXT,
    quota_quantity       NUMERIC(20, 3) CHECK (quota_quantity > 0),
    quota_unit           VARCHAR(3),
    remaining_quantity   NUMERIC(20, 3),
    quota_value          NUMERIC(20, 2) CHECK (quota_value > 0),
    remaining_value      NUMERIC(20, 2),
    -- NOTIFICATION_COMMITMENT permits: verified by the agency by this date.
    verification_due     DATE,
    verified_at          TIMESTAMPTZ,
    verified_by          TEXT,
    issued_at            TIMESTAMPTZ NOT NULL,
    issued_by            TEXT NOT NULL,
    version              INT NOT NULL DEFAULT 0,
    -- The last line of defence for "never overdrawn": whatever the code does, the database refuses a negative balance.
    CONSTRAINT permit_quantity_balance CHECK (remaining_quantity IS NULL
        OR (quota_quantity IS NOT NULL AND remaining_quantity >= 0 AND remaining_quantity <= quota_quantity)),
    CONSTRAINT permit_value_balance CHECK (remaining_value IS NULL
        OR (quota_value IS NOT NULL AND remaining_value >= 0 AND remaining_value <= quota_value)),
    CONSTRAINT permit_quota_unit CHECK ((quota_quantity IS NULL) = (quota_unit IS NULL)),
    CONSTRAINT permit_validity CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX permit_holder_idx ON permit (holder_uscc);
CREATE INDEX permit_verification_idx ON permit (verification_due) WHERE verification_due IS NOT NULL AND verified_at IS NULL;

-- The goods an issued permit was granted for (HS prefixes); none: the catalogue entry's whole scope.
CREATE TABLE permit_goods (
    permit_id UUID NOT NULL REFERENCES permit (id) ON DELETE CASCADE,
    hs_prefix VARCHAR(10) NOT NULL CHECK (hs_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{8}|[0-9]{10})$'),
    PRIMARY KEY (permit_id, hs_prefix)
);

-- Every consumption of a permit's quota by a declaration item line. A restored write-off stays as history; at most
-- one write-off per (declaration, line, permit) is active.
CREATE TABLE permit_write_off (
    id                 UUID PRIMARY KEY,
    permit_id          UUID NOT NULL REFERENCES permit (id),
    permit_number      VARCHAR(40) NOT NULL,
    declaration_id     UUID NOT NULL,
    line_no            INT NOT NULL CHECK (line_no > 0),
    hs_code            VARCHAR(10) NOT NULL,
    quantity           NUMERIC(20, 3),
    value_cny          NUMERIC(20, 2),
    remaining_quantity NUMERIC(20, 3),
    remaining_value    NUMERIC(20, 2),
    written_off_at     TIMESTAMPTZ NOT NULL,
    restored_at        TIMESTAMPTZ
);
CREATE UNIQUE INDEX permit_write_off_active_idx ON permit_write_off (declaration_id, line_no, permit_id)
    WHERE restored_at IS NULL;
CREATE INDEX permit_write_off_permit_idx ON permit_write_off (permit_id);

-- What happened to a permit (issued, suspended, reinstated, revoked, verified …): the enterprise's permit record.
CREATE TABLE permit_history (
    id           UUID PRIMARY KEY,
    permit_id    UUID NOT NULL REFERENCES permit (id),
    holder_uscc  CHAR(18) NOT NULL,
    action       VARCHAR(20) NOT NULL,
    reason       TEXT,
    actor        TEXT NOT NULL,
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX permit_history_holder_idx ON permit_history (holder_uscc, at);
