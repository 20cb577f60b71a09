-- A declaration that ends without its goods moving on it — rejected by an agency, withdrawn by its declarant,
-- cancelled by customs — gives back the agency agreement it took, as it gives back its permits' write-offs: the
-- broker's next declaration for that shipment takes the agreement again while it is in force. Which declarations it
-- served before, and why each gave it back, is kept here (agency_agreement.declaration_id names only the one it
-- serves now).
CREATE TABLE agency_agreement_given_back (
    number          VARCHAR(16) NOT NULL REFERENCES agency_agreement (number),
    declaration_id  UUID        NOT NULL,
    used_at         TIMESTAMPTZ NOT NULL,
    given_back_at   TIMESTAMPTZ NOT NULL,
    because         VARCHAR(9)  NOT NULL CHECK (because IN ('REJECTED', 'WITHDRAWN', 'CANCELLED')),
    PRIMARY KEY (number, declaration_id)
);

-- A declaration's page names the agreement it gave back.
CREATE INDEX agency_agreement_given_back_of_declaration ON agency_agreement_given_back (declaration_id);
