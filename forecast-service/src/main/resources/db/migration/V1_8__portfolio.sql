-- The portfolio (GET /api/v1/portfolio, ADR 015): what every customer's current projection adds up
-- to, per partition of the customer topics. Each commit that writes projections adds the difference
-- its versions make, in the same transaction, so the figures are always those of the projections
-- committed — and a query sums a few hundred rows instead of every projection.

-- Plan lines per SKU, destination country and status (the units a line buys count under the SKU bought).
CREATE TABLE portfolio_cell (
    partition     INTEGER        NOT NULL,
    sku           VARCHAR(64)    NOT NULL,
    country       VARCHAR(2)     NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    lines         BIGINT         NOT NULL,
    quantity      BIGINT         NOT NULL,
    secured_qty   BIGINT         NOT NULL,
    bought_units  BIGINT         NOT NULL,
    line_cost     NUMERIC(24, 2) NOT NULL,
    blocked_qty   BIGINT         NOT NULL,
    at_risk_value NUMERIC(24, 2) NOT NULL,
    PRIMARY KEY (partition, sku, country, status)
);

-- Customers with a projection, per destination country.
CREATE TABLE portfolio_customers (
    partition INTEGER    NOT NULL,
    country   VARCHAR(2) NOT NULL,
    customers BIGINT     NOT NULL,
    PRIMARY KEY (partition, country)
);

-- When the newest projection of each partition was computed: how fresh the portfolio is.
CREATE TABLE portfolio_partition (
    partition          INTEGER     PRIMARY KEY,
    latest_computed_at TIMESTAMPTZ NOT NULL
);

-- What the rankings read: each customer's current cost and blocked value, and each version's cost.
ALTER TABLE projection ADD COLUMN projected_cost NUMERIC(20, 2);
ALTER TABLE projection ADD COLUMN blocked_value NUMERIC(20, 2);
ALTER TABLE projection ADD COLUMN computed_at TIMESTAMPTZ;
ALTER TABLE projection_history ADD COLUMN projected_cost NUMERIC(20, 2);

UPDATE projection_history SET projected_cost = (payload::jsonb ->> 'projectedCost')::numeric;
UPDATE projection p SET projected_cost = h.projected_cost, blocked_value = (h.payload::jsonb ->> 'blockedValue')::numeric,
        computed_at = h.computed_at
    FROM projection_history h WHERE h.customer_id = p.customer_id AND h.version = p.version;

ALTER TABLE projection ALTER COLUMN projected_cost SET NOT NULL;
ALTER TABLE projection ALTER COLUMN blocked_value SET NOT NULL;
ALTER TABLE projection ALTER COLUMN computed_at SET NOT NULL;
ALTER TABLE projection_history ALTER COLUMN projected_cost SET NOT NULL;

-- The customers most at risk, without reading the others.
CREATE INDEX projection_at_risk ON projection (blocked_value DESC, customer_id) WHERE blocked_value > 0;

-- The projections committed before this migration, counted once.
WITH current_line AS (
    SELECT p.partition, COALESCE(d.payload::jsonb ->> 'country', '') AS country, l
    FROM projection p
    JOIN projection_history h ON h.customer_id = p.customer_id AND h.version = p.version
    LEFT JOIN demand_plan d ON d.customer_id = p.customer_id
    CROSS JOIN LATERAL jsonb_array_elements(h.payload::jsonb -> 'lines') AS l
), counted AS (
    SELECT partition, l ->> 'sku' AS sku, country, l ->> 'status' AS status, 1 AS lines,
           (l ->> 'quantity')::bigint AS quantity, COALESCE((l ->> 'securedQty')::bigint, 0) AS secured_qty,
           CASE WHEN l ->> 'boughtSku' = l ->> 'sku' THEN COALESCE((l ->> 'boughtUnits')::bigint, 0) ELSE 0 END AS bought_units,
           COALESCE((l ->> 'lineCost')::numeric, 0) AS line_cost, COALESCE((l ->> 'blockedQty')::bigint, 0) AS blocked_qty,
           COALESCE((l ->> 'atRiskValue')::numeric, 0) AS at_risk_value
    FROM current_line
    UNION ALL
    SELECT partition, l ->> 'boughtSku', country, l ->> 'status', 0, 0, 0, COALESCE((l ->> 'boughtUnits')::bigint, 0), 0, 0, 0
    FROM current_line WHERE l ->> 'boughtSku' IS NOT NULL AND l ->> 'boughtSku' <> l ->> 'sku'
)
INSERT INTO portfolio_cell (partition, sku, country, status, lines, quantity, secured_qty, bought_units, line_cost, blocked_qty, at_risk_value)
SELECT partition, sku, country, status, SUM(lines), SUM(quantity), SUM(secured_qty), SUM(bought_units), SUM(line_cost), SUM(blocked_qty),
       SUM(at_risk_value)
FROM counted GROUP BY partition, sku, country, status;

INSERT INTO portfolio_customers (partition, country, customers)
SELECT p.partition, COALESCE(d.payload::jsonb ->> 'country', ''), COUNT(*)
FROM projection p LEFT JOIN demand_plan d ON d.customer_id = p.customer_id
GROUP BY 1, 2;

INSERT INTO portfolio_partition (partition, latest_computed_at)
SELECT partition, MAX(computed_at) FROM projection GROUP BY partition;
