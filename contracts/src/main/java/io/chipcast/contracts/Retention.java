package io.chipcast.contracts;

/** SPEC section 2: how long a topic keeps its records. */
public enum Retention {
    /** The latest record per key is the current state (cleanup.policy=compact). */
    COMPACTED,
    /** Every record is kept: the topic is the full history (retention.ms=-1). */
    FULL_HISTORY,
    /** Kept for the broker's or deployment's retention period; the durable copy lives elsewhere. */
    TIME_LIMITED
}
