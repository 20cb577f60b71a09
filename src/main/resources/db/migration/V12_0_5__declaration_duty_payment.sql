-- The payment of a cleared declaration's duties and taxes (税款缴纳) as customs recorded it from the bank's notice: the
-- amount paid in CNY (the taxes and any late-payment surcharge), the surcharge it included, the day paid, the bank's
-- reference, who recorded it and when. Release waits for it while the declaration owes duties. Nullable columns
-- without a default: adding them rewrites nothing; declarations released before payments were recorded keep none.
ALTER TABLE declaration
    ADD COLUMN duties_paid_amount      NUMERIC(18, 2),
    ADD COLUMN duties_paid_surcharge   NUMERIC(18, 2),
    ADD COLUMN duties_paid_on          DATE,
    ADD COLUMN duties_payment_reference TEXT,
    ADD COLUMN duties_recorded_by      TEXT,
    ADD COLUMN duties_recorded_at      TIMESTAMPTZ;
