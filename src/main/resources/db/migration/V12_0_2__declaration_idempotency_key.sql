-- The key a declaration was submitted under, apart from the trader's own reference. Before, a REST submission's
-- Idempotency-Key header was stored as its client_reference: the trader's purchase order number was lost, and the
-- same declaration sent again under a new key (software that lost its key) was stored a second time. Now the
-- header is the key and client_reference the trader's reference; either one answers a repeat (see
-- Declarations.submitInGroup). Existing rows were keyed by their client_reference, so it is their key: a retry of
-- one of them is answered as before.
ALTER TABLE declaration ADD COLUMN idempotency_key TEXT;
UPDATE declaration SET idempotency_key = client_reference WHERE client_reference NOT LIKE 'auto:%';
CREATE UNIQUE INDEX declaration_idempotency_key ON declaration (declarant, idempotency_key);
COMMENT ON COLUMN declaration.client_reference IS
    'The declarant''s own reference (clientReference, a workbook row''s reference, CUSDEC BGM 1004, WCO LRN), else the Idempotency-Key, else auto:<uuid>';
COMMENT ON COLUMN declaration.idempotency_key IS
    'The key the declaration was submitted under: the Idempotency-Key header, else the client reference; NULL when neither was sent';
