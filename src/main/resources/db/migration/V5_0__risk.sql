-- Risk profiles: admin-defined conditions that send a declaration to the YELLOW (document check) or RED (physical
-- inspection) channel with a selection rate. A profile matches when every condition it sets holds; unset conditions
-- (empty arrays, NULL) do not restrict.
CREATE TABLE risk_profile (
    id                       UUID PRIMARY KEY,
    code                     VARCHAR(40) NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh                  TEXT NOT NULL,
    name_en                  TEXT NOT NULL,
    origin_countries         TEXT[] NOT NULL DEFAULT '{}',
    hs_prefixes              TEXT[] NOT NULL DEFAULT '{}',
    trade_modes              TEXT[] NOT NULL DEFAULT '{}',
    flow                     VARCHAR(6) CHECK (flow IN ('IMPORT', 'EXPORT')),
    new_enterprise_days      INT CHECK (new_enterprise_days > 0),
    price_deviation_percent  NUMERIC(7, 2) CHECK (price_deviation_percent > 0),
    channel                  VARCHAR(6) NOT NULL CHECK (channel IN ('YELLOW', 'RED')),
    selection_percent        NUMERIC(6, 3) NOT NULL CHECK (selection_percent BETWEEN 0 AND 100),
    aeo_factor               NUMERIC(4, 3) NOT NULL DEFAULT 1 CHECK (aeo_factor BETWEEN 0 AND 1),
    active                   BOOLEAN NOT NULL DEFAULT TRUE,
    valid_from               DATE,
    valid_to                 DATE,
    version                  INT NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);

-- One assessment per declaration: the channel and its main reason. Re-assessing the same declaration returns this row.
CREATE TABLE risk_assessment (
    declaration_id  UUID PRIMARY KEY,
    declarant       CHAR(18) NOT NULL,
    channel         VARCHAR(6) NOT NULL CHECK (channel IN ('GREEN', 'YELLOW', 'RED')),
    reason_code     VARCHAR(40) NOT NULL,
    profile_code    VARCHAR(40),
    reason          TEXT NOT NULL,
    aeo_certified   BOOLEAN NOT NULL,
    assessed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX risk_assessment_assessed_idx ON risk_assessment (assessed_at);

-- Every policy that fired for a declaration (selected or matched but not selected by its rate).
CREATE TABLE risk_hit (
    declaration_id        UUID NOT NULL REFERENCES risk_assessment (declaration_id) ON DELETE CASCADE,
    seq                   INT NOT NULL,
    reason_code           VARCHAR(40) NOT NULL,
    profile_code          VARCHAR(40),
    channel               VARCHAR(6) NOT NULL CHECK (channel IN ('YELLOW', 'RED')),
    line_no               INT,
    selected              BOOLEAN NOT NULL,
    rate_percent          NUMERIC(9, 5) NOT NULL,
    draw                  NUMERIC(8, 7) NOT NULL,
    unit_value_cny        NUMERIC(24, 6),
    history_mean_cny      NUMERIC(24, 6),
    history_observations  BIGINT,
    deviation_percent     NUMERIC(14, 2),
    detail                TEXT NOT NULL,
    PRIMARY KEY (declaration_id, seq)
);

-- Running aggregate of declared unit values (CNY per unit) per HS code and unit of measure, updated atomically by
-- every assessment; outliers are counted in rejected_observations but kept out of the sums.
CREATE TABLE risk_price_history (
    hs_code                VARCHAR(10) NOT NULL,
    unit                   VARCHAR(3) NOT NULL,
    observations           BIGINT NOT NULL,
    sum_value              NUMERIC NOT NULL,
    sum_squares            NUMERIC NOT NULL,
    rejected_observations  BIGINT NOT NULL DEFAULT 0,
    updated_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (hs_code, unit)
);
