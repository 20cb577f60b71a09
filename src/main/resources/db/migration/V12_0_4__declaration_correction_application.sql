-- The declarant's application for a correction of a cleared or released declaration's values (报关单修改申请) while
-- customs has not decided it: who applied, when, why, and the values it asks for ("lineNo=value" pairs separated by
-- ";", e.g. "1=1800.00;2=1200.00"). Emptied when customs corrects the declaration or refuses the application; the
-- timeline (declaration_event) and the audit trail keep every application and decision. Nullable columns without a
-- default: adding them rewrites nothing.
ALTER TABLE declaration
    ADD COLUMN correction_applied_by TEXT,
    ADD COLUMN correction_applied_at TIMESTAMPTZ,
    ADD COLUMN correction_reason     TEXT,
    ADD COLUMN correction_values     TEXT;

-- Customs' list of open applications reads only these few rows.
CREATE INDEX declaration_correction_applied ON declaration (correction_applied_at)
    WHERE correction_applied_at IS NOT NULL;
