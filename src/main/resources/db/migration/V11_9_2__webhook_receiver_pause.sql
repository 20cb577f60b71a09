-- A webhook receiver that got none of its events of a delivery batch through is paused, with a back-off that doubles
-- with its failures in a row (Webhooks.pause): its events wait, nobody else's do, and a batch takes at most a few events
-- of one receiver. Before, the batch was the 20 events due longest, so one dead receiver's backlog held every other
-- enterprise's events for as long as it lasted. Kept apart from webhook_subscription, whose every change gives the
-- reference data a new revision (V11_4_1).
CREATE TABLE webhook_receiver_pause (
    subscription_id UUID PRIMARY KEY REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    failures        INT NOT NULL,
    paused_until    TIMESTAMPTZ NOT NULL
);
