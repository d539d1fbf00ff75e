package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.ShipmentEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What one customer's projection depends on besides the reference data: its plan and its shipments. */
final class CustomerState {

    private DemandPlan plan;
    private final Map<String, ShipmentEvent> shipmentsById = new HashMap<>();

    DemandPlan plan() {
        return plan;
    }

    void plan(DemandPlan newPlan) {
        plan = newPlan;
    }

    /**
     * Records a shipment event. The latest event by {@code occurredAt} is the shipment's state; on
     * a tie the one received last, so an event that arrives later with the same instant wins.
     *
     * @return whether the shipment's state changed
     */
    boolean apply(ShipmentEvent event) {
        ShipmentEvent current = shipmentsById.get(event.shipmentId());
        if (current != null && event.occurredAt().isBefore(current.occurredAt())) {
            return false;
        }
        shipmentsById.put(event.shipmentId(), event);
        return !event.equals(current);
    }

    Collection<ShipmentEvent> shipments() {
        return shipmentsById.values();
    }
}
