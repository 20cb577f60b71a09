-- A second factor at login (动态口令): an authenticator app's time-based one-time codes (RFC 6238). A person turns it
-- on for their own account; from then on a page login needs the password and a current code, so a password that
-- leaked no longer opens the account alone.
--   totp_secret          the shared secret (Base32) once confirmed; null: no second factor
--   totp_pending_secret  a secret shown for enrolment and not yet confirmed with a code from the app
--   totp_enabled_at      when the person confirmed it
--   totp_last_step       the 30-second step of the last code accepted: a code is accepted once (an onlooker who
--                        saw it typed cannot use it again), and no earlier one after it
ALTER TABLE user_account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE user_account ADD COLUMN totp_pending_secret VARCHAR(64);
ALTER TABLE user_account ADD COLUMN totp_enabled_at TIMESTAMPTZ;
ALTER TABLE user_account ADD COLUMN totp_last_step BIGINT;
ALTER TABLE user_account ADD CONSTRAINT user_account_totp_enabled_when_secret
    CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL));
