-- Provisional import rates (暂定税率): the State Council Tariff Commission sets, for a period (usually a calendar year
-- from 1 January), rates below MFN on many lines. An import at MFN pays the provisional rate while it is in force; one
-- with a preference pays the lower of the two. Lines before have none.
ALTER TABLE tariff_line
    ADD COLUMN provisional_rate  NUMERIC(9, 6) CHECK (provisional_rate >= 0 AND provisional_rate < 10),
    ADD COLUMN provisional_from  DATE,
    ADD COLUMN provisional_until DATE,
    ADD CONSTRAINT tariff_line_provisional_period
        CHECK ((provisional_rate IS NULL) = (provisional_from IS NULL)
           AND (provisional_rate IS NULL) = (provisional_until IS NULL)
           AND provisional_from <= provisional_until);
