-- The statistics module's own record of what cleared: one row per declaration line, with the classifications as they
-- were at clearance (an enterprise re-classified later does not rewrite history).
CREATE TABLE statistics_fact (
    declaration_id     UUID          NOT NULL,
    line_no            INTEGER       NOT NULL,
    declaration_number TEXT          NOT NULL,
    declarant          TEXT          NOT NULL,
    cleared_at         TIMESTAMPTZ   NOT NULL,
    month              DATE          NOT NULL, -- first day of the clearance month in Asia/Shanghai
    flow               TEXT          NOT NULL CHECK (flow IN ('IMPORT', 'EXPORT')),
    hs_code            TEXT          NOT NULL,
    hs_chapter         TEXT          NOT NULL,
    hs_section         TEXT          NOT NULL,
    partner            TEXT          NOT NULL, -- trading country
    origin             TEXT          NOT NULL,
    trade_mode         TEXT          NOT NULL,
    high_tech          BOOLEAN       NOT NULL,
    chain              TEXT          NOT NULL,
    value_cny          NUMERIC(20,2) NOT NULL, -- CIF for imports, FOB for exports
    value_usd          NUMERIC(20,2) NOT NULL,
    synthetic          BOOLEAN       NOT NULL,
    PRIMARY KEY (declaration_id, line_no)
);
CREATE INDEX statistics_fact_month ON statistics_fact (month, flow);

-- Monthly sums maintained in the same transaction as the facts they come from. dimension TOTAL has key ''.
-- declarations counts the declarations with at least one line under the key.
CREATE TABLE statistics_monthly (
    month        DATE          NOT NULL,
    flow         TEXT          NOT NULL CHECK (flow IN ('IMPORT', 'EXPORT')),
    dimension    TEXT          NOT NULL,
    key          TEXT          NOT NULL,
    value_cny    NUMERIC(22,2) NOT NULL,
    value_usd    NUMERIC(22,2) NOT NULL,
    declarations BIGINT        NOT NULL,
    lines        BIGINT        NOT NULL,
    PRIMARY KEY (dimension, month, flow, key)
);

-- When the aggregates were last recomputed from the facts, for the admin page.
CREATE TABLE statistics_rebuild (
    id            UUID        PRIMARY KEY,
    rebuilt_at    TIMESTAMPTZ NOT NULL,
    rebuilt_by    TEXT        NOT NULL,
    fact_rows     BIGINT      NOT NULL,
    aggregate_rows BIGINT     NOT NULL,
    millis        BIGINT      NOT NULL
);
