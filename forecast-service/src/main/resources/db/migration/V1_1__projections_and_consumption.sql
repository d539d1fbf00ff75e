-- What forecast-service consumes and keeps, committed together per batch of records: the customer
-- state the records built, which events were applied, where each partition resumes, and the
-- projections (with their outbox events, see db/platform).

-- Events of the customer topics already applied, by ce_id: a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id   VARCHAR(128) PRIMARY KEY,
    topic      VARCHAR(249) NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL
);

-- The next offset to consume per partition of the customer topics.
CREATE TABLE consumer_position (
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Each customer's current plan; partition is the customer's partition of the customer topics.
CREATE TABLE demand_plan (
    customer_id VARCHAR(64) PRIMARY KEY,
    partition   INTEGER     NOT NULL,
    version     BIGINT      NOT NULL,
    payload     TEXT        NOT NULL
);

-- Every shipment event applied, in arrival order (seq); a shipment's state is rebuilt from them.
CREATE TABLE shipment_event (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id VARCHAR(64) NOT NULL,
    partition   INTEGER     NOT NULL,
    payload     TEXT        NOT NULL
);
CREATE INDEX shipment_event_by_partition ON shipment_event (partition, seq);

-- The current projection of each customer, and every version it had.
CREATE TABLE projection (
    customer_id     VARCHAR(64)    PRIMARY KEY,
    partition       INTEGER        NOT NULL,
    version         BIGINT         NOT NULL CHECK (version > 0),
    payload         TEXT           NOT NULL,
    computed_at     TIMESTAMPTZ    NOT NULL,
    cost_alerted_on NUMERIC(20, 2) NOT NULL
);
CREATE INDEX projection_by_partition ON projection (partition);

CREATE TABLE projection_history (
    customer_id VARCHAR(64) NOT NULL,
    version     BIGINT      NOT NULL,
    payload     TEXT        NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, version)
);
