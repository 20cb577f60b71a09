-- An account whose first password someone else chose — an officer's or administrator's opened by the zone's
-- administrators, an operator's opened by its enterprise's administrator — must choose its own before anything else:
-- whoever handed the first one over knows it. Registration, the first administrator's setup and the create-admin
-- command are typed by the person themselves.
ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT false;
