-- Security events of the identity module: failed logins, pauses, password and account changes. Kept on their own
-- (append-only) so an audit trail can take them over later without the identity module knowing about it.
CREATE TABLE security_event (
    id             BIGSERIAL PRIMARY KEY,
    type           VARCHAR(40) NOT NULL,
    username       VARCHAR(64),
    actor          VARCHAR(64),
    client_address VARCHAR(64),
    occurred_at    TIMESTAMPTZ NOT NULL,
    details        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX security_event_occurred_idx ON security_event (occurred_at);
CREATE INDEX security_event_username_idx ON security_event (lower(username));

-- Failed attempts per throttle key (an account from one address, an address, an address presenting API keys), in
-- the database so that every node sees the same count and a pause holds across nodes.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(200) PRIMARY KEY,
    failures        INT NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

-- The one-time token with which a browser creates the first administrator of a non-demo install (hash only).
CREATE TABLE setup_token (
    id         INT PRIMARY KEY CHECK (id = 1),
    token_hash CHAR(64) NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL
);

ALTER TABLE api_key ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_key ADD COLUMN last_used_at TIMESTAMPTZ;
ALTER TABLE user_account ADD COLUMN password_changed_at TIMESTAMPTZ;
-- Accounts opened by the demo-data loaders with the published password; only they get the known sw-demo-* keys.
ALTER TABLE user_account ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE user_account SET demo = TRUE WHERE id IN (SELECT user_id FROM api_key WHERE key_prefix = 'sw-demo');
