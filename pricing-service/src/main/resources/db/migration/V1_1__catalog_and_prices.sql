-- The SKU catalog: one row per SKU, replaced by a later entry for the same SKU.
CREATE TABLE sku (
    sku                 VARCHAR(64)    PRIMARY KEY,
    vendor              VARCHAR(128)   NOT NULL,
    family              VARCHAR(128)   NOT NULL,
    tpp                 NUMERIC        NOT NULL CHECK (tpp > 0),
    performance_density NUMERIC        NOT NULL CHECK (performance_density >= 0),
    memory_gb           INTEGER        CHECK (memory_gb > 0),
    updated_at          TIMESTAMPTZ    NOT NULL
);

-- Every price change ever accepted; the price in effect at T is the latest effective_at <= T, ties by arrival (id).
CREATE TABLE price_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID           NOT NULL UNIQUE,
    sku          VARCHAR(64)    NOT NULL,
    market       VARCHAR(8)     NOT NULL CHECK (market IN ('LIST', 'SPOT')),
    currency     CHAR(3)        NOT NULL,
    unit_price   NUMERIC(18, 2) NOT NULL CHECK (unit_price > 0),
    effective_at TIMESTAMPTZ    NOT NULL,
    source       VARCHAR(200),
    note         VARCHAR(1000),
    received_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX price_change_as_of ON price_change (sku, market, effective_at DESC, id DESC);
