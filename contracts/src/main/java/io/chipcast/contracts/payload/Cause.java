package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.util.List;

/** The event that changed a projection or raised an alert: its {@code ce_id} and {@code ce_type}. */
public record Cause(String eventId, String eventType) implements Validated {

    @Override
    public List<Violation> violations() {
        return Checks.start().text("eventId", eventId, 128).text("eventType", eventType, 128).violations();
    }
}
