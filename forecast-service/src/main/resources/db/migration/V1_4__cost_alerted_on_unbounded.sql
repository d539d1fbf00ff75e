-- The cost last alerted on is a projected cost: the sum of up to 1,000 lines of up to 10^18 units at
-- up to 10^16 USD each (docs/spec-interpretations.md, Limits). NUMERIC(20, 2) held 10^18 at most, so
-- a valid plan could stop the pipeline at its commit; an unconstrained NUMERIC holds any of them exactly.
ALTER TABLE projection ALTER COLUMN cost_alerted_on TYPE NUMERIC;
