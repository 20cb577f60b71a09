-- A guarantee customs accepted for a cleared declaration's duties and taxes before their payment (担保放行): a cash
-- deposit (保证金) or a bank's letter of guarantee (保函) valid to a day, covering the amount due, with its reference,
-- who accepted it and when. Release then need not wait for the payment; the payment discharges it. Nullable columns
-- without a default: adding them rewrites nothing.
ALTER TABLE declaration
    ADD COLUMN duties_guarantee_kind        TEXT,
    ADD COLUMN duties_guarantee_amount      NUMERIC(18, 2),
    ADD COLUMN duties_guarantee_valid_until DATE,
    ADD COLUMN duties_guarantee_reference   TEXT,
    ADD COLUMN duties_guarantee_by          TEXT,
    ADD COLUMN duties_guarantee_at          TIMESTAMPTZ;
