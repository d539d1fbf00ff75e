package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An alert about a customer's projection ({@code forecast.alerts}, key customerId); {@code lineId} is set when it is about one line. */
public record Alert(
        String alertId,
        String customerId,
        AlertType type,
        Severity severity,
        String message,
        String lineId,
        BigDecimal previousCost,
        BigDecimal newCost,
        Cause cause,
        Instant at) implements Validated {

    @Override
    public List<Violation> violations() {
        return Checks.start()
                .text("alertId", alertId, 128)
                .identifier("customerId", customerId)
                .require("type", type)
                .require("severity", severity)
                .text("message", message, 2000)
                .optionalIdentifier("lineId", lineId)
                .require("cause", cause)
                .nested("cause", cause)
                .require("at", at)
                .violations();
    }
}
