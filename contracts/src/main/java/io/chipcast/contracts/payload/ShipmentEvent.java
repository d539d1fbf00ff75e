package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event of one shipment ({@code supply.shipments}, key customerId). The latest event per
 * shipmentId, by {@code occurredAt} then arrival, is the shipment's state.
 */
public record ShipmentEvent(
        String shipmentId,
        String customerId,
        String sku,
        Long quantity,
        BigDecimal unitPrice,
        ShipmentStatus status,
        LocalDate eta,
        Instant occurredAt) implements Validated {

    @Override
    public List<Violation> violations() {
        return Checks.start()
                .identifier("shipmentId", shipmentId)
                .identifier("customerId", customerId)
                .identifier("sku", sku)
                .quantity("quantity", quantity)
                .positiveMoney("unitPrice", unitPrice)
                .require("status", status)
                .date("eta", eta)
                .storedInstant("occurredAt", occurredAt)
                .violations();
    }
}
