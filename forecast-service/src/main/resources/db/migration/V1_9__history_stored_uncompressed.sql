-- Versions are kept as written, not compressed. A version with alerts is just over the 2 KB from
-- which PostgreSQL compresses a row (pglz, the only method the embedded server is built with), and
-- every version of a fan-out has one. Measured by copying 100,000 such versions of a fan-out, 5,000
-- a statement, twice each: 2.25-2.30 CPU-s of the backend compressed, 1.05-1.07 uncompressed; 147
-- against 277 MB. That CPU is on the path of every projection to the broker, and is 12 % of the
-- budget for a whole fan-out (issue 15); disk is cheaper. Rows past a page still go to TOAST.
ALTER TABLE projection_history SET (toast_tuple_target = 8160);
