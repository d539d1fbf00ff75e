package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.ProjectionLine;
import java.math.BigDecimal;
import java.util.List;

/** What a projection says, without when and why it was computed: two projections that say the same are equal. */
record ProjectionContent(long planVersion, BigDecimal projectedCost, BigDecimal blockedValue, List<ProjectionLine> lines) {

    ProjectionContent {
        lines = List.copyOf(lines);
    }

    /**
     * This content, with each line and amount that equals {@code previous}'s at the same place
     * taken from there: a fan-out changes one line of most customers, and the rest need not be held twice.
     */
    ProjectionContent sharingWith(ProjectionContent previous) {
        ProjectionLine[] shared = lines.toArray(ProjectionLine[]::new);
        for (int i = 0; i < Math.min(shared.length, previous.lines.size()); i++) {
            if (shared[i].equals(previous.lines.get(i))) {
                shared[i] = previous.lines.get(i);
            }
        }
        return new ProjectionContent(planVersion, same(projectedCost, previous.projectedCost), same(blockedValue, previous.blockedValue),
                List.of(shared));
    }

    private static BigDecimal same(BigDecimal current, BigDecimal previous) {
        return current.equals(previous) ? previous : current;
    }
}
