-- Every status change of a declaration asks which formats its declarant's webhooks take (issue #16): a node keeps the
-- answer for one revision of the reference data (V11_0_1), and a subscription added, deactivated or changed by any
-- node or by hand gives the revision a new number, so the next transaction everywhere asks again.
CREATE TRIGGER webhook_subscription_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webhook_subscription
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
