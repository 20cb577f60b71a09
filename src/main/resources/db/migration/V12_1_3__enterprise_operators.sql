-- An enterprise's operators (操作员): the account its registration opened is the enterprise's administrator (企业管理员),
-- who opens accounts for the colleagues who declare for it, and deactivates them when they leave — each person with a
-- login of their own, so that the audit trail names who acted rather than a shared password.
ALTER TABLE user_account ADD COLUMN enterprise_administrator BOOLEAN NOT NULL DEFAULT false;

-- Until now every trader's or broker's account was the one its enterprise's registration (or the demo data) opened.
UPDATE user_account SET enterprise_administrator = true WHERE role IN ('TRADER', 'BROKER');

-- Who opened an operator's account: its enterprise's administrator (null for the accounts registration opened).
ALTER TABLE user_account ADD COLUMN opened_by VARCHAR(64);
