-- What the declarant's last amendment declared (SHA-256 of the request without its version, as request_hash is of a
-- submission), so that the same amendment sent again — a client that got no answer — is answered as the first time
-- instead of making another version. NULL until a first amendment; a nullable column without a default rewrites
-- nothing.
ALTER TABLE declaration ADD COLUMN last_amendment_hash TEXT;
