-- The demo tariff lines of V4_1 and V4_5 (flagged demo) are seeded by the demo-data loader from now on
-- (TariffDemoData, src/main/resources/demo/tariff-demo-schedule.sql), and only when demo data is on, so a real
-- install starts with an empty national schedule until its administrator imports the official one. V4_1 and V4_5
-- stay as they are, since installs have already applied them; this removes what they inserted. A demo line that a
-- declaration already used stays: its duties were computed from it and its detail pages show it.
DELETE FROM tariff_line t
WHERE t.demo
  AND NOT EXISTS (SELECT 1 FROM declaration_item i WHERE i.hs_code = t.code);
