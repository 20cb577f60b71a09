-- A page's form sent (SentForms): the key the form was shown with, what was sent under it, and where its answer led,
-- so that the same form sent again with the same content — a double click, a second press while the first is on its
-- way, the browser's "send again" — is answered as the first instead of doing the work twice. Kept a day.
CREATE TABLE page_form_sent (
    form_key    UUID         NOT NULL,
    content     CHAR(64)     NOT NULL,
    sent_at     TIMESTAMPTZ  NOT NULL,
    answered_to TEXT,
    PRIMARY KEY (form_key, content)
);
CREATE INDEX page_form_sent_at ON page_form_sent (sent_at);
