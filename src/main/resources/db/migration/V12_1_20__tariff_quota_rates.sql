-- Tariff-rate quotas (关税配额): on a few agricultural lines (wheat, maize, rice, sugar, wool, cotton) an import the
-- importer holds a tariff-quota certificate for pays the in-quota rate (配额内税率, wheat 1 %), any other the MFN rate
-- (配额外, wheat 65 %). Lines before have none.
ALTER TABLE tariff_line
    ADD COLUMN in_quota_rate NUMERIC(9, 6) CHECK (in_quota_rate >= 0 AND in_quota_rate < 10);

-- A catalogue entry may be a tariff-quota certificate: its scope names the goods it covers without making it required
-- (without one the line pays the out-of-quota rate, and routing sends the line nowhere for it); a line presents one
-- as its tariffQuotaCertificate.
ALTER TABLE permit_catalogue
    ADD COLUMN tariff_quota BOOLEAN NOT NULL DEFAULT FALSE;

-- The certificate a declaration's line presents for the in-quota rate, written off its quota like a permit.
ALTER TABLE declaration_item
    ADD COLUMN tariff_quota_certificate TEXT;

-- The agricultural products' tariff-quota certificate (农产品进口关税配额证): issued for a year's quantity, written off by
-- the declarations that present it. Its scope: wheat, maize, rice, sugar, wool, cotton (their in-quota rates are the
-- tariff file's in_quota_rate column).
INSERT INTO permit_catalogue (code, name_zh, name_en, issuing_agency, mode, review_days, verification_days,
                              documents_zh, documents_en, validity_months, quota_kind, quota_unit, tariff_quota) VALUES
('TARIFF_QUOTA', '农产品进口关税配额证', 'Tariff-rate quota certificate for agricultural products', 'COMMERCE',
 'OPTIMISED_APPROVAL', 20, NULL, E'关税配额申请表\n进口合同',
 E'Tariff-rate quota application form\nImport contract', 12, 'QUANTITY', 'KGM', TRUE)
ON CONFLICT (code) DO NOTHING;

INSERT INTO permit_catalogue_scope (catalogue_code, flow, hs_prefix)
SELECT 'TARIFF_QUOTA', 'IMPORT', p
FROM unnest(ARRAY['1001', '1005', '1006', '1701', '5101', '5201']) AS p
WHERE EXISTS (SELECT 1 FROM permit_catalogue WHERE code = 'TARIFF_QUOTA' AND tariff_quota)
ON CONFLICT DO NOTHING;
