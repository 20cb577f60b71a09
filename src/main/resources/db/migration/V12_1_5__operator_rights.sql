-- What each operator (操作员) of an enterprise may do for it, as its administrator grants it: DECLARE,
-- APPLY_FOR_PERMITS, MANAGE_ENTERPRISE (io.singlewindow.identity.OperatorRight). Everyone of the enterprise reads
-- its data; a right is needed to change it. Every existing account keeps doing all it did: every right.
ALTER TABLE user_account ADD COLUMN operator_rights TEXT[] NOT NULL
    DEFAULT ARRAY['DECLARE', 'APPLY_FOR_PERMITS', 'MANAGE_ENTERPRISE'];

ALTER TABLE user_account ADD CONSTRAINT user_account_operator_rights_known
    CHECK (operator_rights <@ ARRAY['DECLARE', 'APPLY_FOR_PERMITS', 'MANAGE_ENTERPRISE']);

-- The enterprise's administrator holds every right: the one who grants them cannot be left without one.
ALTER TABLE user_account ADD CONSTRAINT user_account_administrator_holds_every_right
    CHECK (NOT enterprise_administrator
           OR operator_rights @> ARRAY['DECLARE', 'APPLY_FOR_PERMITS', 'MANAGE_ENTERPRISE']);
