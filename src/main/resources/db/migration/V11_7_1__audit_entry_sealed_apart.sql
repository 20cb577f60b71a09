-- A decision appends its audit row to a table indexed by its key only (audit_entry_unsealed); the sealer moves the
-- row, chained, into audit_entry_sealed in one statement a round. Until now the seal was an UPDATE of the row: it
-- changed chain_position, which is indexed, so every seal wrote a new version of the row and an entry in each of its
-- eight indexes (bench/e2e: 2.5 audit rows a declaration, 0 of 76,225 seals a heap-only update). Now each row is
-- written once into the indexed table, already sealed.
--
-- audit_entry stays what the auditor's script and the administrators' filters read (docs/audit.md): a view of both
-- tables with the same columns as before, the seal's columns NULL while a row waits. The sealer moves rows in one
-- transaction, so a statement reading the view sees every row exactly once.

ALTER TABLE audit_entry RENAME TO audit_entry_sealed;
DROP INDEX audit_entry_unsealed;

CREATE TABLE audit_entry_unsealed (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at           timestamptz NOT NULL,
    actor_account         uuid,
    actor_name            text NOT NULL,
    actor_role            text NOT NULL,
    acting_for_enterprise text,
    acting_for_agency     text,
    action                text NOT NULL,
    subject_type          text NOT NULL,
    subject_id            text NOT NULL,
    before_state          jsonb,
    after_state           jsonb
);

INSERT INTO audit_entry_unsealed OVERRIDING SYSTEM VALUE
SELECT id, occurred_at, actor_account, actor_name, actor_role, acting_for_enterprise, acting_for_agency, action,
       subject_type, subject_id, before_state, after_state
FROM audit_entry_sealed WHERE chain_position IS NULL;
DELETE FROM audit_entry_sealed WHERE chain_position IS NULL;

-- Ids go on where the old identity stopped: the id is part of every hash, so no id may be drawn twice.
SELECT setval(pg_get_serial_sequence('audit_entry_unsealed', 'id'),
              greatest(1,
                       (SELECT coalesce(max(id), 0) FROM audit_entry_sealed),
                       (SELECT coalesce(max(id), 0) FROM audit_entry_unsealed),
                       (SELECT coalesce(last_value, 0) FROM pg_sequences
                        WHERE sequencename = 'audit_entry_id_seq' AND schemaname = current_schema())));

ALTER TABLE audit_entry_sealed ALTER COLUMN id DROP IDENTITY;
ALTER TABLE audit_entry_sealed
    ALTER COLUMN chain_position SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;

CREATE VIEW audit_entry AS
SELECT id, occurred_at, actor_account, actor_name, actor_role, acting_for_enterprise, acting_for_agency, action,
       subject_type, subject_id, before_state, after_state, chain_position, previous_hash, hash, sealed_at
FROM audit_entry_sealed
UNION ALL
SELECT id, occurred_at, actor_account, actor_name, actor_role, acting_for_enterprise, acting_for_agency, action,
       subject_type, subject_id, before_state, after_state, NULL::bigint, NULL::char(64), NULL::char(64),
       NULL::timestamptz
FROM audit_entry_unsealed;
