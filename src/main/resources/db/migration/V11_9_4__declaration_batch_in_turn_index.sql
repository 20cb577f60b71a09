-- The batch job reads the unfinished batches in turn (V11_9_3; BatchJob.batchesInTurn): by served_at, never served
-- first, then by acceptance. This index gives that order; the one by acceptance alone has no reader left.
DROP INDEX declaration_batch_unfinished;
CREATE INDEX declaration_batch_in_turn ON declaration_batch (served_at ASC NULLS FIRST, accepted_at, id)
    WHERE finished_at IS NULL AND accepted_at IS NOT NULL;
