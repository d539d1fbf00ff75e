package io.chipcast.contracts.payload;

/** SPEC section 4: why an alert was raised. */
public enum AlertType {
    COST_CHANGED, LINE_BLOCKED, LINE_UNBLOCKED, SHORTFALL
}
