-- The revision of the reference data every submission looks up (issue #16): each node keeps what it looked up for one
-- revision and reads the revision once per transaction. Any change to these tables, by the platform, a migration or
-- by hand, gives the revision a new number in the same transaction; numbers come from a sequence, so a rolled-back
-- change never leaves its number to a different committed state.
CREATE SEQUENCE reference_revision_number;

CREATE TABLE reference_revision (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    revision BIGINT NOT NULL
);
INSERT INTO reference_revision (revision) VALUES (nextval('reference_revision_number'));

CREATE FUNCTION reference_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_revision SET revision = nextval('reference_revision_number');
    RETURN NULL;
END $$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['tariff_line', 'tariff_preferential_rate', 'trade_agreement', 'trade_agreement_party',
            'exchange_rate', 'permit_catalogue', 'permit_catalogue_scope', 'routing_rule'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed()', t || '_revision', t);
    END LOOP;
END $$;
