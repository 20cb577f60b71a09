-- The business-scope catalogue of the enterprise module (business_activity.permit_code) names the permits regulated
-- activities need; the permit catalogue carries an entry for each of them. The hazardous chemicals permit takes the
-- code the business scope uses (its permits and applications move along), and two entries are added.
INSERT INTO permit_catalogue (code, name_zh, name_en, issuing_agency, mode, review_days, verification_days,
                              documents_zh, documents_en, validity_months, quota_kind, quota_unit, active, version)
SELECT 'HAZARDOUS_CHEMICALS', name_zh, name_en, issuing_agency, mode, review_days, verification_days, documents_zh,
       documents_en, validity_months, quota_kind, quota_unit, active, version
FROM permit_catalogue WHERE code = 'HAZARDOUS_CHEMICALS_BUSINESS';
UPDATE permit_catalogue_scope SET catalogue_code = 'HAZARDOUS_CHEMICALS' WHERE catalogue_code = 'HAZARDOUS_CHEMICALS_BUSINESS';
UPDATE permit SET catalogue_code = 'HAZARDOUS_CHEMICALS' WHERE catalogue_code = 'HAZARDOUS_CHEMICALS_BUSINESS';
UPDATE permit_application SET catalogue_code = 'HAZARDOUS_CHEMICALS' WHERE catalogue_code = 'HAZARDOUS_CHEMICALS_BUSINESS';
DELETE FROM permit_catalogue WHERE code = 'HAZARDOUS_CHEMICALS_BUSINESS';

INSERT INTO permit_catalogue (code, name_zh, name_en, issuing_agency, mode, review_days, verification_days,
                              documents_zh, documents_en, validity_months, quota_kind, quota_unit) VALUES
('MEDICAL_DEVICE_III', '第三类医疗器械经营许可证', 'Class III medical device business permit', 'SAMR', 'OPTIMISED_APPROVAL', 20, NULL,
 E'经营场所和库房证明\n质量管理人员资格证明\n质量管理制度', E'Proof of premises and warehouse\nQualification of the quality manager\nQuality management rules', 60, 'NONE', NULL),
('ALCOHOL_TRADE', '酒类商品批发经营备案', 'Alcoholic beverages wholesale record', 'COMMERCE', 'FILING', 0, NULL,
 E'酒类经营备案登记表', E'Alcohol trade record form', NULL, 'NONE', NULL);
