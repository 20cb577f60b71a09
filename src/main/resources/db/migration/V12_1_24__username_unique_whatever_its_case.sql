-- A username is one person's whatever its case: login and the "taken" check compare without case, but the column's
-- UNIQUE did not, so "Alice" and "alice" opened at one instant were both stored (the check reads committed rows) and
-- neither could log in after (two accounts answered the login's look-up). The index makes the second insert wait for
-- the first and find it (Accounts: INSERT … ON CONFLICT DO NOTHING, then USERNAME_TAKEN). An installation that holds
-- two such accounts already stops here at start: rename one (UPDATE user_account SET username = …) and start again.
CREATE UNIQUE INDEX user_account_username_any_case_key ON user_account (lower(username));
