package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.ProjectionLine;
import java.math.BigDecimal;
import java.util.List;

/** What a projection says, without when and why it was computed: two projections that say the same are equal. */
record ProjectionContent(long planVersion, BigDecimal projectedCost, BigDecimal blockedValue, List<ProjectionLine> lines) {

    ProjectionContent {
        lines = List.copyOf(lines);
    }
}
