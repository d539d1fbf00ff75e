package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A customer's cost projection ({@code forecast.projections}, key customerId); {@code version} grows with every change. */
public record Projection(
        String customerId,
        Long planVersion,
        BigDecimal projectedCost,
        BigDecimal blockedValue,
        List<ProjectionLine> lines,
        Long version,
        Instant computedAt,
        Cause cause) implements Validated {

    public Projection {
        lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .identifier("customerId", customerId)
                .positive("planVersion", planVersion)
                .nonNegative("projectedCost", projectedCost)
                .nonNegative("blockedValue", blockedValue)
                .require("lines", lines)
                .positive("version", version)
                .require("computedAt", computedAt)
                .require("cause", cause)
                .nested("cause", cause);
        if (lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                checks.require("lines[" + i + "]", lines.get(i)).nested("lines[" + i + "]", lines.get(i));
            }
        }
        return checks.violations();
    }
}
