-- Trade remedies (贸易救济措施): anti-dumping (反倾销税), countervailing (反补贴税) and safeguard (保障措施关税) duties
-- that the Ministry of Commerce imposes by notice and customs collects on imports, ad valorem on the customs value,
-- besides the customs duty. One row is one rate of a notice: for one named producer of an origin, for all other
-- producers of it (producer NULL), or, for a safeguard, for every origin (origin NULL).
CREATE TABLE trade_remedy (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('ANTI_DUMPING', 'COUNTERVAILING', 'SAFEGUARD')),
    notice      TEXT NOT NULL CHECK (length(notice) BETWEEN 1 AND 100),
    hs_code     TEXT NOT NULL CHECK (hs_code ~ '^[0-9]{10}$'),
    origin      TEXT CHECK (origin ~ '^[A-Z]{2}$'),
    producer    TEXT CHECK (length(producer) BETWEEN 1 AND 200),
    rate        NUMERIC(9, 6) NOT NULL CHECK (rate > 0 AND rate < 10),
    first_day   DATE NOT NULL,
    last_day    DATE CHECK (last_day >= first_day),
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (kind = 'SAFEGUARD' OR origin IS NOT NULL),
    CHECK (origin IS NOT NULL OR producer IS NULL)
);
CREATE INDEX trade_remedy_hs_code ON trade_remedy (hs_code);

-- Read by every submission through the per-node cache of reference data: a change gives the revision a new number.
CREATE TRIGGER trade_remedy_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trade_remedy
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();

-- What a declaration's line was assessed of them: the rates paid added up (a correction is assessed again at it) and
-- the amount; the declaration's total.
ALTER TABLE declaration_item
    ADD COLUMN remedy_rate NUMERIC(9, 6),
    ADD COLUMN remedy NUMERIC(18, 2);
ALTER TABLE declaration
    ADD COLUMN total_remedy NUMERIC(18, 2);

-- The goods' producer as the declarant states it: a notice may set a rate of its own for a named producer.
ALTER TABLE declaration_item
    ADD COLUMN producer TEXT;
