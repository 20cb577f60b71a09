-- The zone's agencies. Reference data of the platform itself (not demo data): every deployment has them.
CREATE TABLE agency (
    code    VARCHAR(20) PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

INSERT INTO agency (code, name_zh, name_en) VALUES
    ('CUSTOMS',  '海关',               'Customs'),
    ('CIQ',      '出入境检验检疫',       'Inspection and Quarantine'),
    ('COMMERCE', '商务（许可证管理）',    'Commerce and Licensing'),
    ('SAMR',     '市场监督管理',         'Market Regulation'),
    ('MSA',      '海事',               'Maritime Safety'),
    ('TAX',      '税务',               'Taxation');

CREATE TABLE user_account (
    id            UUID PRIMARY KEY,
    username      VARCHAR(64) NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    role          VARCHAR(16) NOT NULL CHECK (role IN ('TRADER', 'BROKER', 'OFFICER', 'ADMIN')),
    uscc          CHAR(18),
    agency_code   VARCHAR(20) REFERENCES agency (code),
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    -- A trader or broker always speaks for one enterprise, an officer for one agency.
    CONSTRAINT user_account_binding CHECK (
        (role IN ('TRADER', 'BROKER') AND uscc IS NOT NULL AND agency_code IS NULL)
        OR (role = 'OFFICER' AND agency_code IS NOT NULL AND uscc IS NULL)
        OR (role = 'ADMIN' AND uscc IS NULL AND agency_code IS NULL))
);
CREATE INDEX user_account_uscc_idx ON user_account (uscc);

-- An enterprise (principal) authorises a customs broker to act for it.
CREATE TABLE broker_authorisation (
    broker_uscc    CHAR(18) NOT NULL,
    principal_uscc CHAR(18) NOT NULL,
    granted_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    PRIMARY KEY (broker_uscc, principal_uscc)
);

-- REST API keys. Only a SHA-256 hash of the key is kept; the key itself is shown once, when created.
CREATE TABLE api_key (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES user_account (id),
    label        TEXT NOT NULL,
    key_prefix   VARCHAR(16) NOT NULL,
    key_hash     CHAR(64) NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_key_user_idx ON api_key (user_id);
