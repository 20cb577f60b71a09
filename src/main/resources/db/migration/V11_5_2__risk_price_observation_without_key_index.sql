-- Assessments no longer read the unfolded observations (issue #16: they compare with the folded history); only the
-- officers' view of one code's history still adds them, and a seq scan of this table, which a fold empties four
-- times a second, costs it less than the index costs every observation appended.
DROP INDEX risk_price_observation_key_idx;
