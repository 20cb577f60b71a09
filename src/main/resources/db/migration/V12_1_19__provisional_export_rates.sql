-- Provisional export rates (出口暂定税率): set with the import ones, for the same days, on the lines whose export duty
-- is lowered (or raised) for the period. A line may have either or both; the days come with any of them.
ALTER TABLE tariff_line
    ADD COLUMN export_provisional_rate NUMERIC(9, 6)
        CHECK (export_provisional_rate >= 0 AND export_provisional_rate < 10),
    DROP CONSTRAINT tariff_line_provisional_period,
    ADD CONSTRAINT tariff_line_provisional_period
        CHECK ((provisional_rate IS NULL AND export_provisional_rate IS NULL) = (provisional_from IS NULL)
           AND (provisional_from IS NULL) = (provisional_until IS NULL)
           AND provisional_from <= provisional_until);
