-- Batches are served in turn (BatchJob): a chunk takes the pending declarations of the batch served longest ago (one
-- never served first), so a trader's interchange of a few messages accepted after a broker's of thousands waits for a
-- chunk, not for the whole large one. Set when a chunk's outcomes are recorded, under the batch's row lock.
ALTER TABLE declaration_batch ADD COLUMN served_at TIMESTAMPTZ;
