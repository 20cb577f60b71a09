-- 暂存: declaration forms saved before they are sent, as typed (UnsentDeclarations): text to finish later, validated
-- only when submitted, then deleted. One row a form; at most 100 a declarant, listed by the latest save.
CREATE TABLE declaration_unsent (
    id        UUID PRIMARY KEY,
    declarant VARCHAR(18)  NOT NULL,
    saved_by  TEXT         NOT NULL,
    saved_at  TIMESTAMPTZ  NOT NULL,
    fields    JSONB        NOT NULL,
    version   INTEGER      NOT NULL
);
CREATE INDEX declaration_unsent_of ON declaration_unsent (declarant, saved_at DESC);
