-- The declarant's application for the cancellation of a cleared or released declaration (报关单撤销申请) while customs
-- has not decided it: who applied, when and why. Emptied when customs cancels the declaration or refuses the
-- application; the timeline (declaration_event) keeps every application and decision. Nullable columns without a
-- default: adding them rewrites nothing.
ALTER TABLE declaration
    ADD COLUMN cancellation_applied_by TEXT,
    ADD COLUMN cancellation_applied_at TIMESTAMPTZ,
    ADD COLUMN cancellation_reason     TEXT;

-- Customs' list of open applications reads only these few rows.
CREATE INDEX declaration_cancellation_applied ON declaration (cancellation_applied_at)
    WHERE cancellation_applied_at IS NOT NULL;
