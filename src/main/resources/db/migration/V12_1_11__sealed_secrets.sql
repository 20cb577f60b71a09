-- Secrets the platform reads back (a second factor's key, a webhook's signing secret) are stored sealed with
-- AES-256-GCM under a key held outside the database (platform.SealedSecrets; SINGLEWINDOW_SECRETS_KEY or the data
-- directory's secrets.key), so a copy of the database or of a backup gives none of them away. Values stored before
-- this are sealed by each module at its next start.
--   sealing_key  the id of the key the database's secrets are sealed with, recorded by the first node that started
--                with sealing (a hash of the key, never the key): a node with another key refuses to start
CREATE TABLE sealing_key (
    only_row BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    key_id   CHAR(16)    NOT NULL,
    since    TIMESTAMPTZ NOT NULL
);
-- A sealed key is longer than the 32 characters of the Base32 key itself.
ALTER TABLE user_account ALTER COLUMN totp_secret TYPE TEXT;
ALTER TABLE user_account ALTER COLUMN totp_pending_secret TYPE TEXT;
