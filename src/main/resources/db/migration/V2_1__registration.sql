-- Business registration: the activity catalogue, each enterprise's business scope, the registrations with other
-- agencies made from the one application ("multi-certificate integration"), and the licence's history.

-- Where in the zone an enterprise has its registered address; the zone's four sub-areas of the Xiamen Area.
ALTER TABLE enterprise ADD COLUMN zone_area VARCHAR(40) NOT NULL DEFAULT 'CROSS_STRAIT_TRADE_CENTRE';
-- ISSUED: the platform issued the USCC; RECORDED: an officer recorded an enterprise that already held one.
ALTER TABLE enterprise ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'ISSUED' CHECK (origin IN ('ISSUED', 'RECORDED'));
ALTER TABLE enterprise ADD COLUMN status_reason TEXT;
ALTER TABLE enterprise ADD COLUMN status_changed_at TIMESTAMPTZ;
CREATE INDEX enterprise_status_idx ON enterprise (status);

-- The organisation-code serial of codes this platform issues. Starts at 'A00000' in base 31 (10 × 31^5) so that
-- issued codes never meet the demo enterprises' hand-picked bodies (MA31C00x); 600 million codes remain.
CREATE SEQUENCE organisation_code_seq START WITH 286291510 MINVALUE 286291510 MAXVALUE 887503680 NO CYCLE;
-- Customs registration codes of consignors/consignees (报关单位注册编码) issued in the Xiamen customs district.
CREATE SEQUENCE customs_registration_seq START WITH 1 MAXVALUE 99999 NO CYCLE;

-- Business activities an applicant may choose for the business scope (经营范围), after the national catalogue of
-- business-scope wording. A regulated activity needs a permit after the licence (证照分离); permit_code names the
-- permit in the permit module's catalogue.
CREATE TABLE business_activity (
    code         VARCHAR(12) PRIMARY KEY,
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    regulated    BOOLEAN NOT NULL DEFAULT FALSE,
    permit_code  VARCHAR(40),
    CHECK (regulated = (permit_code IS NOT NULL))
);

INSERT INTO business_activity (code, name_zh, name_en, regulated, permit_code) VALUES
    ('I6520', '集成电路设计', 'Integrated circuit design', FALSE, NULL),
    ('C3973', '集成电路制造', 'Integrated circuit manufacturing', FALSE, NULL),
    ('F5179', '电子元器件批发', 'Wholesale of electronic components', FALSE, NULL),
    ('I6513', '应用软件开发', 'Application software development', FALSE, NULL),
    ('I6450', '互联网数据服务', 'Internet data services', FALSE, NULL),
    ('F5191', '货物进出口', 'Import and export of goods', FALSE, NULL),
    ('F5192', '技术进出口', 'Import and export of technology', FALSE, NULL),
    ('G5822', '国际货物运输代理', 'International freight forwarding', FALSE, NULL),
    ('L7294', '报关业务', 'Customs brokerage', FALSE, NULL),
    ('G5960', '保税仓储服务', 'Bonded warehousing', FALSE, NULL),
    ('C3240', '有色金属合金制造', 'Non-ferrous metal alloy manufacturing', FALSE, NULL),
    ('F5165', '金属及金属矿批发', 'Wholesale of metals and metal ores', FALSE, NULL),
    ('C3974', '显示器件制造', 'Display device manufacturing', FALSE, NULL),
    ('M7340', '医学研究和试验发展', 'Medical research and experimental development', FALSE, NULL),
    ('F5126', '食品进口', 'Food import', TRUE, 'QUARANTINE_ENTRY'),
    ('F5127', '酒类经营', 'Alcoholic beverages trade', TRUE, 'ALCOHOL_TRADE'),
    ('F5151', '药品进口', 'Pharmaceutical import', TRUE, 'DRUG_IMPORT'),
    ('F5152', '医疗器械经营（第三类）', 'Medical devices trade (class III)', TRUE, 'MEDICAL_DEVICE_III'),
    ('F5166', '危险化学品经营', 'Hazardous chemicals business', TRUE, 'HAZARDOUS_CHEMICALS'),
    ('F5169', '两用物项和技术出口', 'Export of dual-use items and technologies', TRUE, 'EXPORT_LICENCE'),
    ('F5190', '自动进口许可货物进口', 'Import of goods under automatic import licence', TRUE, 'AIL'),
    ('M7520', '航空器维修', 'Aircraft maintenance', TRUE, 'AIRCRAFT_MAINTENANCE');

-- The business scope of each enterprise: the activities on its licence.
CREATE TABLE enterprise_activity (
    enterprise_id  UUID NOT NULL REFERENCES enterprise (id),
    activity_code  VARCHAR(12) NOT NULL REFERENCES business_activity (code),
    PRIMARY KEY (enterprise_id, activity_code)
);

-- Registrations with the agencies that need the enterprise, made from the one application (多证合一).
CREATE TABLE agency_registration (
    id             UUID PRIMARY KEY,
    enterprise_id  UUID NOT NULL REFERENCES enterprise (id),
    agency_code    VARCHAR(20) NOT NULL,
    kind           VARCHAR(40) NOT NULL,
    reference      VARCHAR(40) NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (enterprise_id, kind),
    UNIQUE (kind, reference)
);

-- What changed on a licence, when, by whom (one row per changed field).
CREATE TABLE licence_amendment (
    id             UUID PRIMARY KEY,
    enterprise_id  UUID NOT NULL REFERENCES enterprise (id),
    field          VARCHAR(40) NOT NULL,
    old_value      TEXT,
    new_value      TEXT,
    amended_at     TIMESTAMPTZ NOT NULL,
    amended_by     VARCHAR(64) NOT NULL
);
CREATE INDEX licence_amendment_enterprise_idx ON licence_amendment (enterprise_id, amended_at);

-- Every change of a licence's state: registered, recorded, suspended, reinstated, revoked, deregistered.
CREATE TABLE licence_event (
    id             UUID PRIMARY KEY,
    enterprise_id  UUID NOT NULL REFERENCES enterprise (id),
    action         VARCHAR(20) NOT NULL,
    status_after   VARCHAR(16) NOT NULL,
    reason         TEXT,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          VARCHAR(64) NOT NULL
);
CREATE INDEX licence_event_enterprise_idx ON licence_event (enterprise_id, occurred_at);
