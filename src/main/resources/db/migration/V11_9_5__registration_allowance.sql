-- Registration is public (anyone registers an enterprise and gets its licence and a trader login at once), so each
-- client address may register a limited number of enterprises an hour (RegistrationAllowance): a loop of anonymous
-- registrations otherwise hashes a password, opens an account and gives every node's reference data a new revision
-- (V11_8_1) per request. One row per address that registered in the current hour; counted in the registration's own
-- transaction, so a refused or rolled-back registration counts nothing.
CREATE TABLE registration_allowance (
    client_address    TEXT PRIMARY KEY,
    window_started_at TIMESTAMPTZ NOT NULL,
    registrations     INT NOT NULL
);
