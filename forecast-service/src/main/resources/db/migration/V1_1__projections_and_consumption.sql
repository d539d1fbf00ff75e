-- Events already applied, by ce_id: a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id   VARCHAR(128) PRIMARY KEY,
    topic      VARCHAR(249) NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL
);

-- The next offset to consume per topic partition, committed in the same transaction as the state
-- it produced, so that a restart resumes exactly where the applied state ends.
CREATE TABLE consumer_position (
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- The current projection of each customer, and every version it had.
CREATE TABLE projection (
    customer_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version > 0),
    payload     TEXT        NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE projection_history (
    customer_id VARCHAR(64) NOT NULL,
    version     BIGINT      NOT NULL,
    payload     TEXT        NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, version)
);
