-- A notice may name a producer that pays none: one whose price undertaking (价格承诺) the Ministry of Commerce accepted,
-- whose goods are then not subject to the duty the notice sets for all other producers of its origin. Its rate is
-- recorded as 0; the rate for all others, and a safeguard's, stays above 0 (a measure of 0 is no measure).
ALTER TABLE trade_remedy DROP CONSTRAINT trade_remedy_rate_check;
ALTER TABLE trade_remedy ADD CONSTRAINT trade_remedy_rate_check
    CHECK (rate >= 0 AND rate < 10 AND (rate > 0 OR producer IS NOT NULL));
