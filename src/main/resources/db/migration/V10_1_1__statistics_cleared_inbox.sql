-- The lines of cleared declarations not yet folded into statistics_fact and statistics_monthly. They are written in
-- the transaction that clears the declaration, so statistics cost a clearance no transaction (and no disk flush) of
-- its own; StatisticsFolding moves everything waiting here into the facts and the aggregates in one statement.
CREATE TABLE statistics_cleared (LIKE statistics_fact INCLUDING DEFAULTS, PRIMARY KEY (declaration_id, line_no));
