-- The national tariff schedule at 10-digit level. Rates are fractions (0.13 = 13 %).
CREATE TABLE tariff_line (
    hs_code                CHAR(10) PRIMARY KEY,
    description_zh         TEXT NOT NULL,
    description_en         TEXT NOT NULL,
    mfn_rate               NUMERIC(9, 6) NOT NULL CHECK (mfn_rate >= 0),
    excise_rate            NUMERIC(9, 6) CHECK (excise_rate >= 0 AND excise_rate < 1),
    vat_rate               NUMERIC(9, 6) NOT NULL CHECK (vat_rate >= 0),
    supervision_conditions VARCHAR(20) NOT NULL DEFAULT '',
    inspection_categories  VARCHAR(20) NOT NULL DEFAULT '',
    demo                   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Preferential (conventional) rates under free trade agreements.
CREATE TABLE tariff_preference (
    hs_code   CHAR(10) NOT NULL REFERENCES tariff_line (hs_code) ON DELETE CASCADE,
    agreement VARCHAR(16) NOT NULL,
    rate      NUMERIC(9, 6) NOT NULL CHECK (rate >= 0),
    PRIMARY KEY (hs_code, agreement)
);

-- Which countries are parties to which agreement: a certificate of origin only earns the preferential rate when the
-- goods originate in a party.
CREATE TABLE tariff_agreement (
    code    VARCHAR(16) PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);
CREATE TABLE tariff_agreement_party (
    agreement VARCHAR(16) NOT NULL REFERENCES tariff_agreement (code),
    country   CHAR(2) NOT NULL,
    PRIMARY KEY (agreement, country)
);

INSERT INTO tariff_agreement (code, name_zh, name_en) VALUES
    ('RCEP',  '区域全面经济伙伴关系协定', 'Regional Comprehensive Economic Partnership'),
    ('ACFTA', '中国—东盟自由贸易协定',   'China–ASEAN Free Trade Agreement');
INSERT INTO tariff_agreement_party (agreement, country)
SELECT 'RCEP', c FROM unnest(ARRAY['JP','KR','AU','NZ','BN','KH','ID','LA','MY','MM','PH','SG','TH','VN']) AS c;
INSERT INTO tariff_agreement_party (agreement, country)
SELECT 'ACFTA', c FROM unnest(ARRAY['BN','KH','ID','LA','MY','MM','PH','SG','TH','VN']) AS c;

-- Customs monthly exchange rates: CNY per one unit of the currency.
CREATE TABLE exchange_rate (
    currency   CHAR(3) NOT NULL,
    month      DATE NOT NULL CHECK (extract(day FROM month) = 1),
    rate       NUMERIC(18, 8) NOT NULL CHECK (rate > 0),
    demo       BOOLEAN NOT NULL DEFAULT FALSE,
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (currency, month)
);

-- DEMO schedule: illustrative rates for the demo scenario, NOT official rates. Admins import the real schedule.
INSERT INTO tariff_line (hs_code, description_zh, description_en, mfn_rate, excise_rate, vat_rate,
                         supervision_conditions, inspection_categories, demo) VALUES
    ('0901110000', '未焙炒的咖啡，未浸除咖啡碱（演示税率）', 'Coffee, not roasted, not decaffeinated (demo rates)', 0.08, NULL, 0.09, 'AB', 'PQ', TRUE),
    ('0901210000', '已焙炒的咖啡，未浸除咖啡碱（演示税率）', 'Coffee, roasted, not decaffeinated (demo rates)', 0.15, NULL, 0.13, 'AB', 'RS', TRUE),
    ('2204210000', '小包装鲜葡萄酿造的酒（演示税率）', 'Wine of fresh grapes, containers of 2 l or less (demo rates)', 0.14, 0.10, 0.13, 'AB', 'RS', TRUE),
    ('3303000000', '香水及花露水（演示税率）', 'Perfumes and toilet waters (demo rates)', 0.03, 0.15, 0.13, 'A', 'M', TRUE),
    ('8471300000', '便携式自动数据处理设备（演示税率）', 'Portable automatic data-processing machines (demo rates)', 0.00, NULL, 0.13, '7A', 'L', TRUE),
    ('8542319000', '其他处理器及控制器集成电路（演示税率）', 'Other processors and controllers, integrated circuits (demo rates)', 0.00, NULL, 0.13, '', '', TRUE),
    ('8101940000', '未锻轧钨（演示税率）', 'Unwrought tungsten (demo rates)', 0.00, NULL, 0.13, '4B', 'N', TRUE),
    ('3004909099', '其他混合或非混合产品构成的药品（演示税率）', 'Other medicaments, in measured doses (demo rates)', 0.03, NULL, 0.13, 'QA', 'M', TRUE);

INSERT INTO tariff_preference (hs_code, agreement, rate) VALUES
    ('0901110000', 'RCEP', 0.00), ('0901110000', 'ACFTA', 0.00),
    ('0901210000', 'RCEP', 0.10), ('0901210000', 'ACFTA', 0.00),
    ('2204210000', 'RCEP', 0.05),
    ('3303000000', 'RCEP', 0.02);
