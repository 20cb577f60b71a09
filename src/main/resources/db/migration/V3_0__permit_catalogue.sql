-- The permit catalogue (证照分离 list of the zone): every regulated activity, the agency that issues its permit, the
-- reform mode that applies to it, and for goods permits the HS scope they cover and the quota they carry.
-- Seeded with the zone's list; administrators edit it afterwards (web page and API).
CREATE TABLE permit_catalogue (
    code                VARCHAR(40) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    issuing_agency      VARCHAR(20) NOT NULL,
    mode                VARCHAR(30) NOT NULL
        CHECK (mode IN ('APPROVAL_CANCELLED', 'FILING', 'NOTIFICATION_COMMITMENT', 'OPTIMISED_APPROVAL')),
    -- Statutory time limit for an agency's review, in working days (Monday to Friday).
    review_days         INT NOT NULL DEFAULT 0 CHECK (review_days BETWEEN 0 AND 365),
    -- For NOTIFICATION_COMMITMENT: within how many calendar days the agency verifies the commitment after issue.
    verification_days   INT CHECK (verification_days BETWEEN 1 AND 365),
    -- One document per line.
    documents_zh        TEXT NOT NULL DEFAULT '',
    documents_en        TEXT NOT NULL DEFAULT '',
    -- Validity of an issued permit in months; NULL: valid until revoked.
    validity_months     INT CHECK (validity_months BETWEEN 1 AND 120),
    quota_kind          VARCHAR(10) NOT NULL DEFAULT 'NONE' CHECK (quota_kind IN ('NONE', 'QUANTITY', 'VALUE')),
    quota_unit          VARCHAR(3),
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    version             INT NOT NULL DEFAULT 0,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT permit_catalogue_quota_unit CHECK ((quota_kind = 'QUANTITY') = (quota_unit IS NOT NULL)),
    CONSTRAINT permit_catalogue_verification CHECK (mode <> 'NOTIFICATION_COMMITMENT' OR verification_days IS NOT NULL)
);

-- The goods a permit is needed for: HS prefixes (chapter, heading, subheading or full 8/10-digit line) per flow.
CREATE TABLE permit_catalogue_scope (
    catalogue_code VARCHAR(40) NOT NULL REFERENCES permit_catalogue (code) ON DELETE CASCADE,
    flow           VARCHAR(6) NOT NULL CHECK (flow IN ('IMPORT', 'EXPORT')),
    hs_prefix      VARCHAR(10) NOT NULL CHECK (hs_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{8}|[0-9]{10})$'),
    PRIMARY KEY (catalogue_code, flow, hs_prefix)
);
CREATE INDEX permit_catalogue_scope_prefix_idx ON permit_catalogue_scope (hs_prefix);

INSERT INTO permit_catalogue (code, name_zh, name_en, issuing_agency, mode, review_days, verification_days,
                              documents_zh, documents_en, validity_months, quota_kind, quota_unit) VALUES
-- Goods permits of the shared demo scenario (optimised approval: shorter limits, fewer documents, online).
('AIL', '自动进口许可证', 'Automatic import licence', 'COMMERCE', 'OPTIMISED_APPROVAL', 10, NULL,
 E'进口合同\n自动进口许可证申请表', E'Import contract\nApplication form for the automatic import licence', 12, 'QUANTITY', 'C62'),
('EXPORT_LICENCE', '出口许可证', 'Export licence', 'COMMERCE', 'OPTIMISED_APPROVAL', 3, NULL,
 E'出口合同\n出口配额或许可批准文件', E'Export contract\nExport quota or licensing approval', 12, 'QUANTITY', 'KGM'),
('QUARANTINE_ENTRY', '进境动植物检疫许可证', 'Animal and plant quarantine entry permit', 'CIQ', 'OPTIMISED_APPROVAL', 20, NULL,
 E'进境动植物检疫许可证申请表\n输出国家或地区官方检疫证书样本\n存放、加工场所说明', E'Application for the quarantine entry permit\nSpecimen of the exporting country''s official phytosanitary certificate\nDescription of storage and processing premises', 12, 'QUANTITY', 'KGM'),
('DRUG_IMPORT', '药品进口许可（进口药品通关单）', 'Pharmaceutical import permit', 'SAMR', 'OPTIMISED_APPROVAL', 20, NULL,
 E'药品注册证书\n购货合同\n出厂检验报告', E'Drug registration certificate\nPurchase contract\nManufacturer''s release test report', 12, 'NONE', NULL),
('DUAL_USE_EXPORT', '两用物项和技术出口许可证', 'Dual-use items and technologies export licence', 'COMMERCE', 'OPTIMISED_APPROVAL', 45, NULL,
 E'出口合同\n最终用户和最终用途说明\n技术说明', E'Export contract\nEnd-user and end-use statement\nTechnical description', 12, 'VALUE', NULL),
-- Notification and commitment (告知承诺): issued on the signed commitment, verified afterwards.
('HAZARDOUS_CHEMICALS_BUSINESS', '危险化学品经营许可证（不带储存设施）', 'Hazardous chemicals business permit (no storage)', 'SAMR', 'NOTIFICATION_COMMITMENT', 0, 60,
 E'告知承诺书\n安全管理制度\n主要负责人安全培训合格证明', E'Signed commitment\nSafety management rules\nSafety training certificate of the person in charge', 36, 'NONE', NULL),
('FOOD_BUSINESS_LICENCE', '食品经营许可证（仅销售预包装食品）', 'Food business licence (pre-packaged food only)', 'SAMR', 'NOTIFICATION_COMMITMENT', 0, 30,
 E'告知承诺书\n经营场所说明\n食品安全管理制度', E'Signed commitment\nDescription of the premises\nFood safety management rules', 60, 'NONE', NULL),
-- Filing (备案): recorded at once; the agency may review afterwards.
('FOOD_IMPORT_RECORD', '进口食品进口商备案', 'Food importer record', 'CIQ', 'FILING', 0, NULL,
 E'进口商备案信息表', E'Importer record form', NULL, 'NONE', NULL),
('MEDICAL_DEVICE_BUSINESS', '第二类医疗器械经营备案', 'Class II medical device business filing', 'SAMR', 'FILING', 0, NULL,
 E'经营场所和贮存条件说明\n质量管理制度', E'Premises and storage description\nQuality management rules', NULL, 'NONE', NULL),
('CUSTOMS_DECLARANT_RECORD', '报关单位备案', 'Customs declarant record', 'CUSTOMS', 'FILING', 0, NULL,
 E'报关单位备案信息表', E'Customs declarant record form', NULL, 'NONE', NULL),
('SHIP_AGENCY_RECORD', '国际船舶代理经营备案', 'International ship agency record', 'MSA', 'FILING', 0, NULL,
 E'船舶代理业务备案表', E'Ship agency record form', NULL, 'NONE', NULL),
-- Approval cancelled (取消审批): nothing to apply for.
('FOREIGN_TRADE_OPERATOR', '对外贸易经营者备案登记', 'Foreign trade operator registration', 'COMMERCE', 'APPROVAL_CANCELLED', 0, NULL,
 '', '', NULL, 'NONE', NULL),
('FREIGHT_FORWARDER_RECORD', '国际货运代理企业备案', 'International freight forwarder record', 'COMMERCE', 'APPROVAL_CANCELLED', 0, NULL,
 '', '', NULL, 'NONE', NULL);

INSERT INTO permit_catalogue_scope (catalogue_code, flow, hs_prefix) VALUES
('AIL', 'IMPORT', '847130'),
('AIL', 'IMPORT', '847141'),
('EXPORT_LICENCE', 'EXPORT', '8101'),
('EXPORT_LICENCE', 'EXPORT', '261100'),
('QUARANTINE_ENTRY', 'IMPORT', '01'),
('QUARANTINE_ENTRY', 'IMPORT', '090111'),
('QUARANTINE_ENTRY', 'IMPORT', '090112'),
('QUARANTINE_ENTRY', 'IMPORT', '1001'),
('QUARANTINE_ENTRY', 'IMPORT', '1201'),
('DRUG_IMPORT', 'IMPORT', '3004'),
('DUAL_USE_EXPORT', 'EXPORT', '281210'),
('DUAL_USE_EXPORT', 'EXPORT', '8401'),
('DUAL_USE_EXPORT', 'EXPORT', '901320');
