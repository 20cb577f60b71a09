-- Routing as data: which agencies must act on a declaration item. Administrators edit these rows.
CREATE TABLE routing_rule (
    code             TEXT PRIMARY KEY,
    description_zh   TEXT NOT NULL,
    description_en   TEXT NOT NULL,
    -- ALWAYS, SUPERVISION_CONDITION, INSPECTION_CATEGORY, PERMIT_SCOPE, HS_PREFIX, FLOW
    condition_type   TEXT NOT NULL,
    -- comma-separated set the condition tests against ('*' = any non-empty); unused by ALWAYS and PERMIT_SCOPE
    condition_values TEXT NOT NULL DEFAULT '',
    -- the agency that must act; NULL for PERMIT_SCOPE, where it is the permit's issuing agency
    agency           TEXT,
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    priority         INT NOT NULL DEFAULT 100,
    version          INT NOT NULL DEFAULT 0,
    CONSTRAINT routing_rule_agency CHECK (condition_type = 'PERMIT_SCOPE' OR agency IS NOT NULL)
);

INSERT INTO routing_rule (code, description_zh, description_en, condition_type, condition_values, agency, priority) VALUES
('CUSTOMS_ALWAYS', '海关审核每一项申报商品', 'Customs examines every declared item', 'ALWAYS', '', 'CUSTOMS', 10),
('CIQ_INSPECTION_CATEGORY', '商品有检验检疫类别，须检验检疫', 'The item has an inspection and quarantine category', 'INSPECTION_CATEGORY', '*', 'CIQ', 20),
('CIQ_SUPERVISION_AB', '监管条件A/B（入境/出境检验检疫）', 'Supervision condition A or B (inspection on import/export)', 'SUPERVISION_CONDITION', 'A,B', 'CIQ', 30),
('PERMIT_ISSUING_AGENCY', '商品属于许可证的HS范围，由发证机关审核', 'The item falls under a permit''s HS scope: its issuing agency decides', 'PERMIT_SCOPE', '', NULL, 40);
