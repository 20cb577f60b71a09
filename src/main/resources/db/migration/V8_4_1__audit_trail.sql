-- The tamper-evident audit trail (docs/audit.md). Decisions insert rows unchained in their own transaction; the
-- sealer fills chain_position, previous_hash and hash afterwards, in the order it takes the rows.
CREATE TABLE audit_entry (
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
    after_state           jsonb,
    chain_position        bigint UNIQUE,
    previous_hash         char(64),
    hash                  char(64),
    sealed_at             timestamptz
);

CREATE INDEX audit_entry_unsealed ON audit_entry (id) WHERE chain_position IS NULL;
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX audit_entry_action ON audit_entry (action);
CREATE INDEX audit_entry_actor ON audit_entry (actor_name);
CREATE INDEX audit_entry_enterprise ON audit_entry (acting_for_enterprise) WHERE acting_for_enterprise IS NOT NULL;
CREATE INDEX audit_entry_agency ON audit_entry (acting_for_agency) WHERE acting_for_agency IS NOT NULL;

-- Where the chain ends: written only by the sealer (which holds this row's lock for a round), never by a decision.
CREATE TABLE audit_chain_head (
    id             int PRIMARY KEY CHECK (id = 1),
    chain_position bigint NOT NULL,
    hash           char(64) NOT NULL,
    sealed_at      timestamptz
);
INSERT INTO audit_chain_head (id, chain_position, hash) VALUES (1, 0, repeat('0', 64));
