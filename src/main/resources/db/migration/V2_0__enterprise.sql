-- Enterprises registered in the zone, each holding one business licence identified by its USCC.
CREATE TABLE enterprise (
    id                    UUID PRIMARY KEY,
    uscc                  CHAR(18) NOT NULL UNIQUE,
    uscc_check_valid      BOOLEAN NOT NULL DEFAULT TRUE,
    name_zh               TEXT NOT NULL,
    name_en               TEXT,
    entity_type           VARCHAR(40) NOT NULL,
    legal_representative  TEXT NOT NULL,
    registered_capital    NUMERIC(20, 2) NOT NULL CHECK (registered_capital > 0),
    capital_currency      CHAR(3) NOT NULL,
    address               TEXT NOT NULL,
    industrial_chain      VARCHAR(40) NOT NULL,
    high_tech             BOOLEAN NOT NULL DEFAULT FALSE,
    cross_border_trader   BOOLEAN NOT NULL DEFAULT FALSE,
    aeo_certified         BOOLEAN NOT NULL DEFAULT FALSE,
    customs_broker        BOOLEAN NOT NULL DEFAULT FALSE,
    status                VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'DEREGISTERED')),
    registered_at         TIMESTAMPTZ NOT NULL,
    version               INT NOT NULL DEFAULT 0
);
-- "Duplicate name in the zone" is judged on the Chinese name, the legally registered one.
CREATE UNIQUE INDEX enterprise_name_zh_idx ON enterprise (name_zh);
