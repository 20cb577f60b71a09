-- A webhook may ask for each declaration status event to carry the consolidated response in a standard's format
-- (EDIFACT: the CUSRES itself); JSON (the default) carries the address to fetch it from.
ALTER TABLE webhook_subscription ADD COLUMN format TEXT NOT NULL DEFAULT 'JSON';
