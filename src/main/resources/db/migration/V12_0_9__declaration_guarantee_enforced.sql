-- Whether the payment on record was taken from the guarantee (从担保中抵缴: the deposit converted, the bank's payment
-- under its letter) once the last day to pay passed unpaid, rather than paid by the declarant. A constant default:
-- adding it rewrites nothing (PostgreSQL 11 and later).
ALTER TABLE declaration
    ADD COLUMN duties_guarantee_enforced BOOLEAN NOT NULL DEFAULT false;

-- Customs' list of guarantees to call on reads only the guaranteed declarations not yet paid. Neither column is written
-- on the submission path, so the header's updates there stay heap-only as before.
CREATE INDEX declaration_guarantee_unpaid ON declaration (duties_guarantee_at)
    WHERE duties_guarantee_at IS NOT NULL AND duties_recorded_at IS NULL;
