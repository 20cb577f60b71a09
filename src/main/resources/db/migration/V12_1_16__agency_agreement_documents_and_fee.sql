-- What the paper agency agreement's lower half holds besides the goods: the documents the principal handed the broker
-- (收到单证情况: contract, invoice, packing list, bill of lading, processing-trade manual, licences, others named in
-- words) with the day they were received (收到单证日期), and the broker's fee in CNY (报关收费). The broker records
-- them when it proposes; the principal confirms them with the agreement. Agreements proposed before have none.
ALTER TABLE agency_agreement
    ADD COLUMN documents_received    VARCHAR(24)[] NOT NULL DEFAULT '{}',
    ADD COLUMN other_documents       VARCHAR(200),
    ADD COLUMN documents_received_on DATE,
    ADD COLUMN fee                   NUMERIC(18, 2) CHECK (fee >= 0),
    ADD CONSTRAINT agency_agreement_documents_dated
        CHECK ((documents_received_on IS NULL) = (cardinality(documents_received) = 0 AND other_documents IS NULL));
