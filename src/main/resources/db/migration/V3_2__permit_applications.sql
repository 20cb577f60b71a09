-- Applications for permits, in whatever mode the catalogue entry is handled.
CREATE SEQUENCE permit_application_seq;

CREATE TABLE permit_application (
    id                   UUID PRIMARY KEY,
    reference            VARCHAR(30) NOT NULL UNIQUE,
    catalogue_code       VARCHAR(40) NOT NULL REFERENCES permit_catalogue (code),
    applicant_uscc       CHAR(18) NOT NULL,
    -- Mode and agency as they were when the application was made: a later catalogue edit does not move it.
    mode                 VARCHAR(30) NOT NULL,
    issuing_agency       VARCHAR(20) NOT NULL,
    scope                TEXT NOT NULL DEFAULT '',
    goods                TEXT NOT NULL DEFAULT '',
    requested_quantity   NUMERIC(20, 3) CHECK (requested_quantity > 0),
    quota_unit           VARCHAR(3),
    requested_value      NUMERIC(20, 2) CHECK (requested_value > 0),
    -- One reference per required document of the catalogue entry, one per line, in the entry's order.
    documents            TEXT NOT NULL DEFAULT '',
    commitment_signed_by TEXT,
    commitment_signed_at TIMESTAMPTZ,
    status               VARCHAR(24) NOT NULL CHECK (status IN ('NOT_REQUIRED', 'FILED', 'ISSUED', 'UNDER_REVIEW',
                                                               'DOCUMENTS_REQUESTED', 'APPROVED', 'REJECTED')),
    submitted_by         TEXT NOT NULL,
    submitted_at         TIMESTAMPTZ NOT NULL,
    -- Statutory deadline of the agency's review (working days from submission or from the last supplement).
    due_date             DATE,
    decided_by           TEXT,
    decided_at           TIMESTAMPTZ,
    reason               TEXT,
    permit_id            UUID REFERENCES permit (id),
    version              INT NOT NULL DEFAULT 0
);
CREATE INDEX permit_application_applicant_idx ON permit_application (applicant_uscc, submitted_at);
CREATE INDEX permit_application_queue_idx ON permit_application (issuing_agency, status, due_date);
-- At most one application per enterprise and catalogue entry waits for an agency.
CREATE UNIQUE INDEX permit_application_pending_idx ON permit_application (applicant_uscc, catalogue_code)
    WHERE status IN ('UNDER_REVIEW', 'DOCUMENTS_REQUESTED');

-- Each step of an application (submitted, documents requested, supplemented, approved …): its audit trail.
CREATE TABLE permit_application_step (
    id             UUID PRIMARY KEY,
    application_id UUID NOT NULL REFERENCES permit_application (id),
    action         VARCHAR(24) NOT NULL,
    note           TEXT,
    actor          TEXT NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX permit_application_step_idx ON permit_application_step (application_id, at);

-- Filings and permits issued on a commitment are reviewed by the agency after issue.
ALTER TABLE permit ADD COLUMN post_issue_review BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX permit_post_issue_review_idx ON permit (post_issue_review) WHERE post_issue_review AND verified_at IS NULL;
