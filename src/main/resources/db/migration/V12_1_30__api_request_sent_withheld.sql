-- An answer with a secret shown once (an API key, a webhook's signing secret) is kept without its body: the request
-- sent again under its key makes nothing more and is told what the first made (409 SECRET_SHOWN_ONCE, Location).
ALTER TABLE api_request_sent ADD COLUMN withheld BOOLEAN NOT NULL DEFAULT false;
