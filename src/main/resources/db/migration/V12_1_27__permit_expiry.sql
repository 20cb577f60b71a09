-- A holder's permits in force by the day their validity ends (ApplicationsWaiting: "expire within 30 days" on the
-- home page of their traders and brokers). Neither column is written by a quota's write-off, so those updates of a
-- permit stay heap-only; a suspension or a revocation moves the row out of the index.
CREATE INDEX permit_holder_expiry_idx ON permit (holder_uscc, valid_until) WHERE status = 'IN_FORCE';
