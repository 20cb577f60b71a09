-- Unit-value observations are appended here by each assessment and folded into risk_price_history by a scheduled job.
-- Appending keeps concurrent submissions from queueing on the one aggregate row of a popular commodity code, which
-- they would hold until their commit. Readers add the pending rows to the aggregate, so nothing is ever stale.
CREATE TABLE risk_price_observation (
    id          BIGSERIAL PRIMARY KEY,
    hs_code     VARCHAR(10) NOT NULL,
    unit        VARCHAR(3) NOT NULL,
    accepted    BOOLEAN NOT NULL,
    unit_value  NUMERIC NOT NULL,
    observed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX risk_price_observation_key_idx ON risk_price_observation (hs_code, unit);
