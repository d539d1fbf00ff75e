package io.chipcast.contracts.payload;

public enum ShipmentStatus {
    ALLOCATED, SHIPPED, DELIVERED, DELAYED, CANCELLED;

    /** SPEC section 4: only shipments in these states are allocated to plan lines. */
    public boolean isAllocatable() {
        return this != CANCELLED;
    }
}
