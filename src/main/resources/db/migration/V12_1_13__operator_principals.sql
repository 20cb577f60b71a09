-- A brokerage's operators each handle some of its principals (分管委托企业): the enterprises a customs broker's colleague
-- may act for, of those that authorise the brokerage. NULL: every principal (as before); an empty list: the
-- brokerage's own business only. Read with the brokerage's live authorisations on every request, so a change applies
-- at once on every channel, and a principal whose authority ends drops out whatever the list says.
ALTER TABLE user_account ADD COLUMN operator_principals TEXT[];
