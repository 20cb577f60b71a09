-- Electronic agency agreements (电子代理报关委托协议): a customs broker proposes, for one declaration of one of its
-- principals, what it will declare (direction, main goods, optionally their HS code and the transport document);
-- the principal confirms or declines it; a declaration the broker then files for that principal in that direction
-- takes one confirmed agreement and holds it for good (one agreement, one declaration). The standing authority to
-- act at all is broker_authorisation (报关委托书); this is the per-shipment agreement on top of it.
CREATE SEQUENCE agency_agreement_seq START WITH 1 NO CYCLE;

CREATE TABLE agency_agreement (
    number              VARCHAR(16) PRIMARY KEY,
    broker              VARCHAR(18) NOT NULL,
    principal           VARCHAR(18) NOT NULL,
    flow                VARCHAR(6)  NOT NULL CHECK (flow IN ('IMPORT', 'EXPORT')),
    goods               VARCHAR(200) NOT NULL,
    hs_code             VARCHAR(10),
    transport_document  VARCHAR(35),
    valid_until         DATE NOT NULL,
    status              VARCHAR(10) NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
    proposed_by         VARCHAR(64) NOT NULL,
    proposed_at         TIMESTAMPTZ NOT NULL,
    decided_by          VARCHAR(64),
    decided_at          TIMESTAMPTZ,
    decline_reason      VARCHAR(2000),
    declaration_id      UUID UNIQUE,
    used_at             TIMESTAMPTZ,
    CHECK ((status = 'PROPOSED') = (decided_at IS NULL)),
    CHECK (declaration_id IS NULL OR status = 'CONFIRMED')
);

-- Both sides list theirs, the latest first; a submission looks for a confirmed, unused one of a broker for a principal.
CREATE INDEX agency_agreement_of_broker ON agency_agreement (broker, proposed_at DESC, number DESC);
CREATE INDEX agency_agreement_of_principal ON agency_agreement (principal, proposed_at DESC, number DESC);
CREATE INDEX agency_agreement_unused ON agency_agreement (broker, principal, flow, proposed_at)
    WHERE status = 'CONFIRMED' AND declaration_id IS NULL;

-- The zone's rule: from which day (in the zone's calendar) a broker's declaration for a principal needs a confirmed
-- agreement. NULL: not required (an agreement that serves is still taken). One row; set by the zone's administrators,
-- so that the zone announces the day and switches on it without a restart of any node.
CREATE TABLE agency_agreement_rule (
    only_row       BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    required_from  DATE,
    changed_by     VARCHAR(64),
    changed_at     TIMESTAMPTZ
);
INSERT INTO agency_agreement_rule (only_row) VALUES (true);
