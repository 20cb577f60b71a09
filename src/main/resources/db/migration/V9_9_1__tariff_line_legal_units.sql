-- The legal units of quantity of a tariff line (法定第一计量单位 and, for some lines, 法定第二计量单位), as UN/ECE
-- Rec 20 codes: the declaration form shows them beside the commodity code, so the declarant knows in which unit
-- the line is counted. Lines stored before (demo or imported) have none until the schedule is imported again with
-- its units (the demo-data loader fills in the demo lines'); NULL means "not known", never "no unit".
ALTER TABLE tariff_line
    ADD COLUMN legal_unit        VARCHAR(3),
    ADD COLUMN second_legal_unit VARCHAR(3),
    ADD CONSTRAINT tariff_line_second_unit_needs_first CHECK (second_legal_unit IS NULL OR legal_unit IS NOT NULL);
