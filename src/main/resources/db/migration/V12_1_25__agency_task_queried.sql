-- The questions an agency asked that wait for the declarants' answers: its queue's second list, the count of the late
-- ones on its officers' home page, and the queried declarations a trader's home page counts. Few rows at any time; a
-- task enters it only when an officer queries (its status was already an indexed column, agency_task_queue's
-- predicate, so no update that was heap-only before stops being so).
CREATE INDEX agency_task_queried ON agency_task (agency, answer_due) WHERE status = 'QUERIED';
