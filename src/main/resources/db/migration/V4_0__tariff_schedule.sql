-- National tariff schedule at 10-digit level. Rates are fractions (0.13 = 13 %).
CREATE TABLE tariff_line (
    code                   VARCHAR(10) PRIMARY KEY,
    description_zh         TEXT          NOT NULL,
    description_en         TEXT          NOT NULL,
    mfn_rate               NUMERIC(9, 6) NOT NULL CHECK (mfn_rate >= 0 AND mfn_rate < 10),
    excise_rate            NUMERIC(9, 6) CHECK (excise_rate >= 0 AND excise_rate < 1),
    vat_rate               NUMERIC(9, 6) NOT NULL CHECK (vat_rate >= 0 AND vat_rate < 1),
    export_rate            NUMERIC(9, 6) CHECK (export_rate >= 0 AND export_rate < 10),
    supervision_conditions VARCHAR(40)   NOT NULL DEFAULT '',
    inspection_categories  VARCHAR(40)   NOT NULL DEFAULT '',
    demo                   BOOLEAN       NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE tariff_preferential_rate (
    code      VARCHAR(10)   NOT NULL REFERENCES tariff_line (code) ON DELETE CASCADE,
    agreement VARCHAR(20)   NOT NULL,
    rate      NUMERIC(9, 6) NOT NULL CHECK (rate >= 0 AND rate < 10),
    PRIMARY KEY (code, agreement)
);

-- Which countries are parties to which preferential trade agreement (membership is data, not code).
CREATE TABLE trade_agreement (
    code    VARCHAR(20) PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE trade_agreement_party (
    agreement VARCHAR(20) NOT NULL REFERENCES trade_agreement (code),
    country   CHAR(2)     NOT NULL,
    PRIMARY KEY (agreement, country)
);

-- Customs monthly exchange rates: CNY per one unit of the currency, for the calendar month starting on "month".
CREATE TABLE exchange_rate (
    currency   CHAR(3)        NOT NULL,
    month      DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    rate       NUMERIC(18, 8) NOT NULL CHECK (rate > 0),
    demo       BOOLEAN        NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL,
    updated_by VARCHAR(100)   NOT NULL,
    PRIMARY KEY (currency, month)
);

-- Tariff CSV imports run as background jobs; their progress lives here so that any node can report it.
CREATE TABLE tariff_import (
    id             UUID PRIMARY KEY,
    file_name      TEXT        NOT NULL,
    content        TEXT        NOT NULL,
    status         VARCHAR(12) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    total_rows     INT         NOT NULL DEFAULT 0,
    processed_rows INT         NOT NULL DEFAULT 0,
    imported_rows  INT         NOT NULL DEFAULT 0,
    created_by     VARCHAR(100) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);

CREATE TABLE tariff_import_error (
    import_id UUID        NOT NULL REFERENCES tariff_import (id) ON DELETE CASCADE,
    row_no    INT         NOT NULL,
    col       VARCHAR(40) NOT NULL,
    code      VARCHAR(60) NOT NULL,
    value     TEXT
);
CREATE INDEX tariff_import_error_import ON tariff_import_error (import_id, row_no);
