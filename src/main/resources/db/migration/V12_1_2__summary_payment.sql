-- Summary payment (汇总征税): customs lodges a general guarantee for it, and the declarations released against it pay
-- their duties together, a month's by the fifth working day of the next month, instead of each within fifteen days.
ALTER TABLE general_guarantee ADD COLUMN summary_payment BOOLEAN NOT NULL DEFAULT false;

-- The declaration's guarantee is part of such a general guarantee: its last day to pay is the summary's. Kept on the
-- declaration as it was when customs accepted it, as the guarantee's other columns are. A constant default: no
-- rewrite of the table, and the submission path never writes it.
ALTER TABLE declaration ADD COLUMN duties_guarantee_summary BOOLEAN NOT NULL DEFAULT false;
