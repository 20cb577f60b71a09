-- The refund (退税) of what the declarant of a cancelled declaration had paid in duties and taxes, as customs recorded
-- it from its bank: the amount paid back in CNY, the day, the bank's reference, who recorded it and when. Nullable
-- columns without a default: adding them rewrites nothing.
ALTER TABLE declaration
    ADD COLUMN duties_refund_amount    NUMERIC(18, 2),
    ADD COLUMN duties_refund_on        DATE,
    ADD COLUMN duties_refund_reference TEXT,
    ADD COLUMN duties_refund_by        TEXT,
    ADD COLUMN duties_refund_at        TIMESTAMPTZ;
