-- DEMO line (demo = true): desktop data-processing units under the automatic import licence but with no inspection
-- category, so that a declaration of them is decided by rules alone (customs GREEN channel + licence written off).
-- The end-to-end benchmark's licensed goods.
INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
                         supervision_conditions, inspection_categories, demo)
VALUES ('8471410000', '其他数据处理设备（同一机壳内至少有一个中央处理部件及一个输入和输出部件）',
        'Other automatic data-processing machines comprising in the same housing at least a central processing unit and an input and output unit',
        0, NULL, 0.13, NULL, '7', '', TRUE)
ON CONFLICT (code) DO NOTHING;
