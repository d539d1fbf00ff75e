package io.chipcast.contracts.payload;

/** Where a price is quoted. */
public enum Market {
    /** Vendor or contract price. */
    LIST,
    /** Secondary market. */
    SPOT
}
