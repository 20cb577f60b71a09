-- Risk profiles are read by every risk assessment (issue #16): they join the reference data whose revision a node
-- checks once per transaction (V11_0_1), so a profile changed by an administrator, a migration or by hand is seen by
-- every node at its next transaction.
CREATE TRIGGER risk_profile_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON risk_profile
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
