-- A correction customs makes once the duties were paid, once the goods were released, or when the declaration owed
-- nothing before, is a notice of its own (settled_apart): what it adds is collected (补税) within its own 15 days,
-- what it takes off is refunded (退税). A correction before the payment changes what the first notice asks instead.
-- The settlement as customs recorded it: the amount (with any late-payment surcharge on a collection), the day, the
-- bank's reference, who and when.
ALTER TABLE declaration_correction
    ADD COLUMN settled_apart         BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN settled_amount        NUMERIC(18, 2),
    ADD COLUMN settled_surcharge     NUMERIC(18, 2),
    ADD COLUMN settled_on            DATE,
    ADD COLUMN settlement_reference  TEXT,
    ADD COLUMN settled_by            TEXT,
    ADD COLUMN settled_at            TIMESTAMPTZ;

-- Kept on the declaration's row, under its lock, so that reading what it owes needs no other table: the sum of the
-- differences settled apart (total_taxes less this is what the first notice asks) and the collections not yet paid
-- (release waits for them).
ALTER TABLE declaration
    ADD COLUMN taxes_settled_apart   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    ADD COLUMN differences_unpaid    NUMERIC(18, 2) NOT NULL DEFAULT 0;

-- Corrections recorded before this: those made after the payment or the release, or of a declaration that owed
-- nothing before, were notices of their own (none is settled: the platform did not record settlements).
UPDATE declaration_correction c SET settled_apart = true
FROM declaration d
WHERE d.id = c.declaration_id AND c.taxes_after <> c.taxes_before
  AND (d.duties_recorded_at < c.corrected_at OR d.released_at < c.corrected_at OR c.taxes_before = 0);

UPDATE declaration d SET taxes_settled_apart = s.difference, differences_unpaid = s.unpaid
FROM (SELECT declaration_id, SUM(taxes_after - taxes_before) AS difference,
             SUM(GREATEST(taxes_after - taxes_before, 0)) AS unpaid
      FROM declaration_correction WHERE settled_apart GROUP BY declaration_id) s
WHERE d.id = s.declaration_id;
