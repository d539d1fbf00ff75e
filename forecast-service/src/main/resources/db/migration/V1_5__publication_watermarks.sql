-- What the broker acknowledged is recorded per partition of the customer topics instead of per
-- customer (ADR 013): a fan-out of 100,000 projections wrote 100,000 projection_publication rows
-- after it was published, a quarter of PostgreSQL's work for the fan-out.
--
-- Each commit of projections takes the next number of this sequence; its versions keep it.
CREATE SEQUENCE projection_commit_seq START WITH 2;
-- Versions from before this migration share commit 1: none is covered by a watermark (there is
-- none yet), so which of them were acknowledged is still told by projection_publication.
ALTER TABLE projection_history ADD COLUMN commit_seq BIGINT NOT NULL DEFAULT 1;
ALTER TABLE projection_history ALTER COLUMN commit_seq DROP DEFAULT;
ALTER TABLE projection ADD COLUMN commit_seq BIGINT NOT NULL DEFAULT 1;
ALTER TABLE projection ALTER COLUMN commit_seq DROP DEFAULT;

-- Per partition, the broker acknowledged every projection version of its customers committed up to
-- this commit_seq. projection_publication keeps per customer what was acknowledged beyond a failed
-- send (and what was acknowledged before this migration).
CREATE TABLE publication_watermark (
    partition  INTEGER PRIMARY KEY,
    commit_seq BIGINT  NOT NULL
);
