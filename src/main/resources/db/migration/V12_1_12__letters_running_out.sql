-- Home pages say which letters of guarantee (保函) in force lapse within 30 days, or lapsed while declarations still
-- hold them (customs' home page, every view): read by their last day, not by reading every guarantee of the zone.
CREATE INDEX general_guarantee_letters_in_force ON general_guarantee (valid_until)
    WHERE returned_at IS NULL AND valid_until IS NOT NULL;
