-- Export-control rulings; a ruling posted again with the same id replaces it (an amendment).
CREATE TABLE ruling (
    ruling_id    VARCHAR(64)  PRIMARY KEY,
    action       VARCHAR(8)   NOT NULL CHECK (action IN ('RESTRICT', 'LIFT')),
    effective_at TIMESTAMPTZ  NOT NULL,
    lifts        VARCHAR(64),
    payload      TEXT         NOT NULL,
    event_id     UUID         NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- Every shipment event; a shipment's state is its latest event by occurred_at, then arrival (id).
CREATE TABLE shipment_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID           NOT NULL UNIQUE,
    shipment_id VARCHAR(64)    NOT NULL,
    customer_id VARCHAR(64)    NOT NULL,
    sku         VARCHAR(64)    NOT NULL,
    quantity    BIGINT         NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(18, 2) NOT NULL CHECK (unit_price > 0),
    status      VARCHAR(16)    NOT NULL,
    eta         DATE           NOT NULL,
    occurred_at TIMESTAMPTZ    NOT NULL,
    received_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX shipment_event_by_shipment ON shipment_event (shipment_id, occurred_at DESC, id DESC);
CREATE INDEX shipment_event_by_customer ON shipment_event (customer_id);

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
