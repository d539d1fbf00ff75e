-- Webhook subscribers (issue 16, ADR 017): every alert that matches a subscription's filters is
-- delivered to its URL. Where delivery stands is the subscription's consumer group on
-- forecast.alerts (its committed offsets), not a row here.
CREATE TABLE webhook_subscription (
    id         UUID        PRIMARY KEY,
    url        TEXT        NOT NULL,
    secret     TEXT        NOT NULL,
    types      TEXT[]      NOT NULL,
    severities TEXT[]      NOT NULL,
    customers  TEXT[]      NOT NULL,
    state      VARCHAR(16) NOT NULL,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
