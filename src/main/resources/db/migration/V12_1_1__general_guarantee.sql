-- A general guarantee (总担保): one bank's letter of guarantee (保函, valid to a day) or cash deposit (保证金) an
-- enterprise lodges with customs for the duties and taxes of many declarations. Customs accepts it for a declaration
-- (its duties guarantee of kind GENERAL, with this reference) instead of a guarantee of its own. What it still covers is
-- not kept here but read from the declarations drawing on it (held while their duties are unpaid, taken once customs
-- took them from it), under a lock of this row, so that no count can drift from the declarations themselves.
CREATE TABLE general_guarantee (
    id          UUID PRIMARY KEY,
    enterprise  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    amount      NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    valid_until DATE,
    reference   TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    returned_by TEXT,
    returned_at TIMESTAMPTZ,
    -- A letter's or receipt's number names one guarantee of the enterprise: declarations refer to it by it.
    UNIQUE (enterprise, reference)
);

-- The declarations drawing on a general guarantee, read with every draw: the declarant and the reference name it.
-- Neither column changes on the submission path, so the header's updates there stay heap-only.
CREATE INDEX declaration_general_guarantee ON declaration (declarant, duties_guarantee_reference)
    WHERE duties_guarantee_kind = 'GENERAL';
