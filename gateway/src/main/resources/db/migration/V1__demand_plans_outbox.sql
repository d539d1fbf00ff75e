-- The current demand plan of each customer; version grows by one with every accepted plan.
CREATE TABLE demand_plan (
    customer_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version > 0),
    payload     TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Transactional outbox: events are written in the same transaction as the change that causes
-- them and relayed to Kafka in position order, then deleted, so a committed write is never lost
-- and a failed one is never published.
CREATE TABLE outbox_event (
    position     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(249) NOT NULL,
    record_key   VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(128) NOT NULL,
    event_time   TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL
);

-- Idempotency-Key: the first response to a key is replayed for the same request, refused for another.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(400) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    response_status INTEGER      NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
