-- The platform's tables, in every service's database (Flyway location db/platform, before the
-- service's own db/migration scripts).

-- Transactional outbox: events are written in the same transaction as the change that causes
-- them and relayed to Kafka in position order, then deleted, so a committed write is never lost
-- and a failed one is never published.
CREATE TABLE outbox_event (
    position   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   UUID         NOT NULL UNIQUE,
    topic      VARCHAR(249) NOT NULL,
    record_key VARCHAR(64)  NOT NULL,
    event_type VARCHAR(128) NOT NULL,
    event_time TIMESTAMPTZ  NOT NULL,
    payload    TEXT         NOT NULL
);

-- Idempotency-Key: the first response to a key (scoped to the caller) is replayed for the same
-- request and refused for another.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(400) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    response_status INTEGER      NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
