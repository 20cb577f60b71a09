-- Recovery codes of a second factor (备用恢复码): ten one-time codes shown once when the second factor is turned on
-- (or made anew), each of which logs in once in place of the app's code — a lost or wiped phone no longer needs an
-- administrator. Only a hash is kept, so the table does not hold a way in:
--   code_hash  hex SHA-256 of the account's id, ':' and the code as typed without separators, lower case (the codes are
--              random, ten of 31 characters, about 49 bits: a slow password hash adds nothing a brute force could not
--              pay once per code; the id makes each account's hashes its own)
--   used_at    when it logged in (or turned the second factor off); null: still usable
CREATE TABLE second_factor_recovery_code (
    account_id UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash  CHAR(64)    NOT NULL,
    made_at    TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);
