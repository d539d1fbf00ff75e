package io.chipcast.contracts.payload;

/** SPEC section 4, rule 5: the state of a plan line after pricing what is left to buy. */
public enum LineStatus {
    SECURED, OPEN, DELAYED, SUBSTITUTED, BLOCKED, UNPRICED
}
