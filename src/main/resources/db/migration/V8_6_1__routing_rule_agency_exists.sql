-- A routing rule names an agency the zone has (or none, for PERMIT_SCOPE): a rule naming an unknown agency routed
-- declarations to a task nobody can decide. Such rules could only come from the admin page before it checked the
-- agency; they never routed anything any officer could act on, so they are dropped (pre-release data).
DELETE FROM routing_rule WHERE agency IS NOT NULL AND agency NOT IN (SELECT code FROM agency);
ALTER TABLE routing_rule ADD CONSTRAINT routing_rule_agency_exists FOREIGN KEY (agency) REFERENCES agency (code);
