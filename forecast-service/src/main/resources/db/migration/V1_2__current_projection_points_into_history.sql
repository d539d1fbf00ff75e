-- A projection's JSON is stored once, in projection_history; the current projection is the
-- history row its version points at. A price change that moves ten thousand projections then
-- writes each JSON once (plus its outbox event), and the update of the current row is narrow
-- enough to stay on its page (fillfactor leaves the room), without touching any index.
ALTER TABLE projection DROP COLUMN payload;
ALTER TABLE projection DROP COLUMN computed_at;
ALTER TABLE projection SET (fillfactor = 70);
