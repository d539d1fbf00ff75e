-- forecast-service publishes its projections and their alerts itself, from memory right after the
-- commit, instead of through the outbox (ADR 009). The history is what it publishes again from
-- when that did not happen: each version keeps the id of its event and the alerts it raised.
ALTER TABLE projection_history ADD COLUMN event_id UUID;
ALTER TABLE projection_history ADD COLUMN alerts TEXT;

-- Up to which version the broker acknowledged each customer's projections. A table of its own:
-- written after the acknowledgement, concurrently with the commits, it never locks their rows.
CREATE TABLE projection_publication (
    customer_id       VARCHAR(64) PRIMARY KEY,
    published_version BIGINT      NOT NULL
);
-- Versions before this migration went through the outbox: published, or still in outbox_event.
INSERT INTO projection_publication (customer_id, published_version) SELECT customer_id, version FROM projection;
