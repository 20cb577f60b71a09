-- A customs broker's authority for a period (委托期限): its last day, in the zone's calendar; null lasts until revoked
-- (every authorisation before this). From the next day the broker no longer acts for the enterprise.
ALTER TABLE broker_authorisation ADD COLUMN valid_until DATE;
