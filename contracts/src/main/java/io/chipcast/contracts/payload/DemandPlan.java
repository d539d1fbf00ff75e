package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A customer's demand plan ({@code customer.demand-plans}, compacted, key customerId); it replaces the previous one. */
public record DemandPlan(String customerId, String name, String country, Long version, List<PlanLine> lines)
        implements Validated {

    public DemandPlan {
        lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .identifier("customerId", customerId)
                .text("name", name, 200)
                .country("country", country)
                .positive("version", version)
                .require("lines", lines)
                .size("lines", lines, Limits.MAX_PLAN_LINES);
        if (lines != null && lines.size() <= Limits.MAX_PLAN_LINES) {
            Set<String> lineIds = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                PlanLine line = lines.get(i);
                String field = "lines[" + i + "]";
                checks.require(field, line).nested(field, line);
                if (line != null && line.lineId() != null) {
                    checks.check(lineIds.add(line.lineId()), field + ".lineId", "duplicates lineId " + line.lineId());
                }
            }
        }
        return checks.violations();
    }
}
