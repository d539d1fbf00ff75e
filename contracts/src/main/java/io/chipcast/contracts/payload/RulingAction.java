package io.chipcast.contracts.payload;

public enum RulingAction {
    /** Cuts the SKUs in scope off from the destinations from {@code effectiveAt} on. */
    RESTRICT,
    /** Ends the RESTRICT ruling named in {@code lifts} from its own {@code effectiveAt} on. */
    LIFT
}
