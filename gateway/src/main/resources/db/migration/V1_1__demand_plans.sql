-- The current demand plan of each customer; version grows by one with every accepted plan.
CREATE TABLE demand_plan (
    customer_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version > 0),
    payload     TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
