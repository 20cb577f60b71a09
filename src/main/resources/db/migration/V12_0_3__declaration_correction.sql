-- Customs' corrections of a cleared or released declaration's values (报关单修改): who, when and why, and the
-- assessment before and after, so that the duties and taxes to collect (补税) or to refund (退税) are on record. The
-- declaration's own lines and totals hold the corrected values; these rows keep what they were.
CREATE TABLE declaration_correction (
    id                   UUID PRIMARY KEY,
    declaration_id       UUID NOT NULL REFERENCES declaration (id),
    corrected_by         TEXT NOT NULL,
    corrected_at         TIMESTAMPTZ NOT NULL,
    reason               TEXT NOT NULL,
    customs_value_before NUMERIC(18, 2) NOT NULL,
    customs_value_after  NUMERIC(18, 2) NOT NULL,
    taxes_before         NUMERIC(18, 2) NOT NULL,
    taxes_after          NUMERIC(18, 2) NOT NULL
);
CREATE INDEX declaration_correction_of ON declaration_correction (declaration_id, corrected_at);

-- Each line a correction changed: its declared value (declaration currency) and its assessment before and after.
CREATE TABLE declaration_correction_line (
    correction_id        UUID NOT NULL REFERENCES declaration_correction (id),
    line_no              INT NOT NULL,
    value_before         NUMERIC(18, 2) NOT NULL,
    value_after          NUMERIC(18, 2) NOT NULL,
    customs_value_before NUMERIC(18, 2) NOT NULL,
    customs_value_after  NUMERIC(18, 2) NOT NULL,
    taxes_before         NUMERIC(18, 2) NOT NULL,
    taxes_after          NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (correction_id, line_no)
);
