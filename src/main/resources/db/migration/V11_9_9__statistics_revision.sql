-- A month's trade figures revised after the month ended: customs cancelled (报关单撤销) a declaration cleared in it,
-- and its lines were taken out of the figures economists may already have reported. One row per declaration, month
-- and flow taken out, written by the same statement that takes the lines out; a rebuild of the aggregates leaves it.
CREATE TABLE statistics_revision (
    id                 UUID          PRIMARY KEY,
    month              DATE          NOT NULL, -- first day of the revised (clearance) month in Asia/Shanghai
    flow               TEXT          NOT NULL,
    declaration_id     UUID          NOT NULL,
    declaration_number TEXT          NOT NULL,
    cause              TEXT          NOT NULL, -- CANCELLED
    lines              INTEGER       NOT NULL,
    value_cny          NUMERIC(20,2) NOT NULL, -- what the month's figures lost
    value_usd          NUMERIC(20,2) NOT NULL,
    revised_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX statistics_revision_month ON statistics_revision (month, revised_at);
