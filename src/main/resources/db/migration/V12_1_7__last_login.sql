-- When and from where each account last logged in on the pages (上次登录): shown to the person at the next login, so
-- that a login they did not make stands out, and to the administrators who manage the account, so that an account
-- nobody uses any more stands out. Null: never since this column exists.
ALTER TABLE user_account ADD COLUMN last_login_at TIMESTAMPTZ;
ALTER TABLE user_account ADD COLUMN last_login_address VARCHAR(64);
