package io.chipcast.contracts;

/** The CloudEvents {@code ce_type} of each kind of event (SPEC section 2). */
public final class EventTypes {

    public static final String CATALOG_UPDATED = "io.chipcast.catalog.updated.v1";
    public static final String PRICE_CHANGED = "io.chipcast.price.changed.v1";
    public static final String RULING_ISSUED = "io.chipcast.ruling.issued.v1";
    public static final String SHIPMENT_UPDATED = "io.chipcast.shipment.updated.v1";
    public static final String PLAN_UPDATED = "io.chipcast.plan.updated.v1";
    public static final String PROJECTION_UPDATED = "io.chipcast.projection.updated.v1";
    public static final String ALERT_RAISED = "io.chipcast.alert.raised.v1";

    private EventTypes() {
    }
}
