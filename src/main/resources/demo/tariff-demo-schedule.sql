-- DEMO tariff schedule (demo = true): illustrative rates for the shared demo scenario, not the official schedule.
-- Seeded by TariffDemoData only when demo data is on (SINGLEWINDOW_DEMO_DATA); skips lines that exist, so an official
-- line imported by an administrator is never overwritten (a demo line stored before legal units existed only gets
-- its units). Legal units of quantity (法定计量单位) as UN/ECE Rec 20 codes: KGM 千克, LTR 升; the tariff's 台 and 个
-- (machines, circuits) are C62 "unit", since Rec 20 has no code for 台. Administrators replace the demo lines by importing the
-- official schedule as CSV.
INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
                         supervision_conditions, inspection_categories, demo, legal_unit, second_legal_unit) VALUES
    ('0901110000', '未焙炒未浸除咖啡碱的咖啡（生咖啡豆）', 'Coffee, not roasted, not decaffeinated (green beans)', 0.08, NULL, 0.09, NULL, 'AB', 'PQ', TRUE, 'KGM', NULL),
    ('0901210000', '已焙炒未浸除咖啡碱的咖啡', 'Coffee, roasted, not decaffeinated', 0.15, NULL, 0.13, NULL, 'AB', 'RS', TRUE, 'KGM', NULL),
    ('2204210000', '装入2升及以下容器的葡萄酒', 'Wine of fresh grapes in containers of 2 l or less', 0.14, 0.10, 0.13, NULL, 'AB', 'RS', TRUE, 'LTR', 'KGM'),
    ('3303000000', '香水及花露水', 'Perfumes and toilet waters', 0.03, 0.15, 0.13, NULL, 'A', 'M', TRUE, 'KGM', NULL),
    ('8471300000', '便携式自动数据处理设备（重量≤10千克）', 'Portable automatic data-processing machines, weighing not more than 10 kg', 0, NULL, 0.13, NULL, '7A', 'L', TRUE, 'C62', 'KGM'),
    ('8542319000', '其他处理器及控制器集成电路', 'Other electronic integrated circuits: processors and controllers', 0, NULL, 0.13, 0, '', '', TRUE, 'C62', 'KGM'),
    ('8101940000', '未锻轧钨，包括简单烧结而成的条、杆', 'Unwrought tungsten, including bars and rods obtained simply by sintering', 0, NULL, 0.13, 0, '4B', 'N', TRUE, 'KGM', NULL),
    ('3004909099', '其他混合或非混合产品构成的治疗或预防用药品（已配剂量或零售包装）', 'Other medicaments, put up in measured doses or for retail sale', 0.03, NULL, 0.13, NULL, 'QA', 'M', TRUE, 'KGM', NULL)
ON CONFLICT (code) DO UPDATE SET legal_unit = EXCLUDED.legal_unit, second_legal_unit = EXCLUDED.second_legal_unit
WHERE tariff_line.demo AND tariff_line.legal_unit IS NULL;

-- Preferential rates only for lines that are still the demo's (an imported official line brings its own).
INSERT INTO tariff_preferential_rate (code, agreement, rate)
SELECT v.code, v.agreement, v.rate
FROM (VALUES ('0901110000', 'RCEP', 0),
             ('0901110000', 'ACFTA', 0),
             ('0901210000', 'RCEP', 0.10),
             ('2204210000', 'RCEP', 0.05)) AS v (code, agreement, rate)
JOIN tariff_line t ON t.code = v.code AND t.demo
ON CONFLICT (code, agreement) DO NOTHING;

-- Desktop data-processing units under the automatic import licence but with no inspection category, so that a
-- declaration of them is decided by rules alone (customs GREEN channel + licence written off).
INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
                         supervision_conditions, inspection_categories, demo, legal_unit, second_legal_unit)
VALUES ('8471410000', '其他数据处理设备（同一机壳内至少有一个中央处理部件及一个输入和输出部件）',
        'Other automatic data-processing machines comprising in the same housing at least a central processing unit and an input and output unit',
        0, NULL, 0.13, NULL, '7', '', TRUE, 'C62', 'KGM')
ON CONFLICT (code) DO UPDATE SET legal_unit = EXCLUDED.legal_unit, second_legal_unit = EXCLUDED.second_legal_unit
WHERE tariff_line.demo AND tariff_line.legal_unit IS NULL;

-- Lines levied per unit of quantity (从量税 and a specific excise; illustrative amounts, demo like the rest): frozen
-- chicken wings pay a duty per kilogram and no ad valorem duty; beer pays no duty but an excise per litre (the
-- statutory 250 CNY a tonne at 988 litres a tonne, rounded). A declaration of them gives its quantity in the legal
-- unit, which the assessment multiplies.
INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
                         supervision_conditions, inspection_categories, demo, legal_unit, second_legal_unit,
                         mfn_per_unit, excise_per_unit) VALUES
    ('0207142200', '冻的鸡翼（不包括翼尖）', 'Frozen chicken wings, excluding wing-tips', 0, NULL, 0.09, NULL, 'AB', 'PRQS', TRUE, 'KGM', NULL, 1.3, NULL),
    ('2203000000', '麦芽酿造的啤酒', 'Beer made from malt', 0, NULL, 0.13, NULL, 'AB', 'RS', TRUE, 'LTR', 'KGM', NULL, 0.253)
ON CONFLICT (code) DO NOTHING;

-- A line under a tariff-rate quota (关税配额; illustrative rates as the rest): wheat pays the in-quota rate when its
-- importer presents a tariff-quota certificate (permit catalogue entry TARIFF_QUOTA) and the MFN rate, the
-- out-of-quota rate, otherwise.
INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
                         supervision_conditions, inspection_categories, demo, legal_unit, second_legal_unit,
                         in_quota_rate) VALUES
    ('1001990000', '其他小麦及混合麦', 'Other wheat and meslin', 0.65, NULL, 0.09, NULL, 'AB', 'MPQ', TRUE, 'KGM', NULL, 0.01)
ON CONFLICT (code) DO NOTHING;

-- A line under a trade remedy (贸易救济; illustrative like the rest): brandy pays, besides its duty and excise (20 % and
-- 0.5 CNY a 500 ml), an anti-dumping duty on French brandy — the rate the notice sets for a named producer, or the rate
-- for all other French producers. The notice is a DEMO one, not a Ministry of Commerce notice; administrators record
-- the real ones on /admin/trade-remedies.
INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
                         supervision_conditions, inspection_categories, demo, legal_unit, second_legal_unit,
                         mfn_per_unit, excise_per_unit) VALUES
    ('2208200000', '蒸馏葡萄酒制得的烈性酒（白兰地）', 'Spirits obtained by distilling grape wine (brandy)', 0.10, 0.20, 0.13, NULL, 'AB', 'RS', TRUE, 'LTR', 'KGM', NULL, 1.0)
ON CONFLICT (code) DO NOTHING;

INSERT INTO trade_remedy (kind, notice, hs_code, origin, producer, rate, first_day, last_day, created_by, created_at)
SELECT v.kind, v.notice, v.hs_code, v.origin, v.producer, v.rate, v.first_day, NULL, 'demo-data',
       TIMESTAMPTZ '2025-07-05 00:00:00+08'
FROM (VALUES ('ANTI_DUMPING', '示例公告 DEMO-2025-1', '2208200000', 'FR', NULL, 0.349, DATE '2025-07-05'),
             ('ANTI_DUMPING', '示例公告 DEMO-2025-1', '2208200000', 'FR', 'Demo Cognac House', 0.277, DATE '2025-07-05'))
     AS v (kind, notice, hs_code, origin, producer, rate, first_day)
WHERE NOT EXISTS (SELECT 1 FROM trade_remedy t WHERE t.notice = v.notice AND t.hs_code = v.hs_code
                  AND t.producer IS NOT DISTINCT FROM v.producer);

-- General rates (普通税率; illustrative like the rest): what goods of an origin without MFN treatment pay instead of the
-- MFN rate, ad valorem or, on the lines levied per unit, per unit. Filled into demo lines stored before they existed;
-- an imported official line brings its own. No origin is listed without MFN treatment in the demo: administrators
-- list them on /admin/origins-without-mfn.
UPDATE tariff_line t SET general_rate = v.rate, general_per_unit = v.per_unit
FROM (VALUES ('0901110000', 0.30, NULL::NUMERIC), ('0901210000', 0.50, NULL), ('2204210000', 1.80, NULL),
             ('3303000000', 1.50, NULL), ('8471300000', 0.70, NULL), ('8471410000', 0.70, NULL),
             ('8542319000', 0.24, NULL), ('8101940000', 0.20, NULL), ('3004909099', 0.30, NULL),
             ('0207142200', 0, 5.6), ('2203000000', 0, 7.5), ('1001990000', 1.80, NULL),
             ('2208200000', 1.80, NULL)) AS v (code, rate, per_unit)
WHERE t.code = v.code AND t.demo AND t.general_rate IS NULL;
