-- The roles whose accounts the zone requires to log in with a second factor (动态口令): one row per such role, set by
-- the zone's administrators. An account of such a role without one is led to turn it on before anything else.
-- No row (the default, and every existing install): each person decides.
CREATE TABLE second_factor_requirement (
    role        VARCHAR(16) PRIMARY KEY CHECK (role IN ('TRADER', 'BROKER', 'OFFICER', 'ADMIN')),
    required_at TIMESTAMPTZ NOT NULL,
    required_by VARCHAR(64) NOT NULL
);
