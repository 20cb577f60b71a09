-- Unit-value observations are appended already summed, one row per (HS code, unit) for all the assessments written
-- together (a group of submissions, a batch chunk, or one declaration's lines), instead of one row per line: bench/e2e
-- inserted 5.5 rows per declaration here, and the fold deleted them all again. The fold and the officers' view add the
-- sums; an assessment reads the folded aggregates only (docs/risk.md).
ALTER TABLE risk_price_observation
    ADD COLUMN observations          BIGINT,
    ADD COLUMN sum_value             NUMERIC,
    ADD COLUMN sum_squares           NUMERIC,
    ADD COLUMN rejected_observations BIGINT;

UPDATE risk_price_observation SET
    observations          = CASE WHEN accepted THEN 1 ELSE 0 END,
    sum_value             = CASE WHEN accepted THEN unit_value ELSE 0 END,
    sum_squares           = CASE WHEN accepted THEN unit_value * unit_value ELSE 0 END,
    rejected_observations = CASE WHEN accepted THEN 0 ELSE 1 END;

ALTER TABLE risk_price_observation
    DROP COLUMN accepted,
    DROP COLUMN unit_value,
    ALTER COLUMN observations SET NOT NULL,
    ALTER COLUMN sum_value SET NOT NULL,
    ALTER COLUMN sum_squares SET NOT NULL,
    ALTER COLUMN rejected_observations SET NOT NULL;
