-- The general rate (普通税率): the tariff's column for goods originating in a country or region China gives no
-- most-favoured-nation treatment to (neither a WTO member applying MFN with China nor party to a treaty granting it).
-- Ad valorem, per unit of the legal unit (beer: so much a litre), or both, like the MFN rate. Lines before have none:
-- an import the general rate applies to is refused until the official file with its general rates is imported.
ALTER TABLE tariff_line
    ADD COLUMN general_rate     NUMERIC(9, 6) CHECK (general_rate >= 0 AND general_rate < 10),
    ADD COLUMN general_per_unit NUMERIC(12, 4) CHECK (general_per_unit >= 0),
    ADD CONSTRAINT tariff_line_general_per_unit_has_a_unit CHECK (general_per_unit IS NULL OR legal_unit IS NOT NULL),
    ADD CONSTRAINT tariff_line_general_per_unit_has_a_rate CHECK (general_per_unit IS NULL OR general_rate IS NOT NULL);

-- The origins without MFN treatment, as the State Council Tariff Commission's notices list them, from a first day
-- (and to a last day once the country is given MFN treatment, e.g. on joining the WTO). Few or none on most days.
CREATE TABLE origin_without_mfn (
    id          BIGSERIAL PRIMARY KEY,
    origin      TEXT NOT NULL CHECK (origin ~ '^[A-Z]{2}$'),
    notice      TEXT NOT NULL CHECK (length(notice) BETWEEN 1 AND 100),
    first_day   DATE NOT NULL,
    last_day    DATE CHECK (last_day >= first_day),
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX origin_without_mfn_origin ON origin_without_mfn (origin);

-- Read by every submission through the per-node cache of reference data: a change gives the revision a new number.
CREATE TRIGGER origin_without_mfn_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON origin_without_mfn
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
