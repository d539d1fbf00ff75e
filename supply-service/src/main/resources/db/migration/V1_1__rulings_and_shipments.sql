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
