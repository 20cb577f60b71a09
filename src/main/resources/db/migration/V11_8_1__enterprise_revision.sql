-- Enterprises are read by every declaration (may the declarant declare, its risk profile, its statistical
-- classification; issue #16): they join the reference data whose revision a node checks once per transaction
-- (V11_0_1), so a node keeps the enterprises it read and a licence registered, amended, suspended or revoked by any
-- node, a migration or by hand is seen by every node at its next transaction. Registrations are few against
-- declarations (tens a day against thousands), so the other reference data a change makes every node read again is
-- cheap to read again.
CREATE TRIGGER enterprise_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
