-- What the consignment would have owed of each tax and is not collected under the small-amount rule (a duty, excise or
-- import VAT of 50 CNY or less: docs/tariff.md), written with the totals by the assessment and by a correction. NULL on
-- a declaration not assessed, or assessed before the rule was applied here: read as nothing waived. Nullable without
-- a default: adding them rewrites nothing, and no index covers them, so the header's updates stay heap-only.
ALTER TABLE declaration
    ADD COLUMN duty_waived NUMERIC(15, 2),
    ADD COLUMN excise_waived NUMERIC(15, 2),
    ADD COLUMN vat_waived NUMERIC(15, 2);
