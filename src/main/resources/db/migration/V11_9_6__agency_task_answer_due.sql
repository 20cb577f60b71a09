-- The last day a queried declarant answers in time (the zone's working days, AnswerDeadline), set with the question
-- and cleared by the answer or a re-opened task. Questions asked before this migration have none: they keep no date
-- rather than one nobody was told.
ALTER TABLE agency_task ADD COLUMN answer_due DATE;
