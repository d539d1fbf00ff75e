package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How many units of a SKU a customer needs by a date, and which SKUs may stand in for it, in order of preference. */
public record PlanLine(String lineId, String sku, Long quantity, LocalDate needBy, List<String> substitutes)
        implements Validated {

    public PlanLine {
        substitutes = substitutes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(substitutes));
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .identifier("lineId", lineId)
                .identifier("sku", sku)
                .quantity("quantity", quantity)
                .date("needBy", needBy)
                .identifiers("substitutes", substitutes, Limits.MAX_SUBSTITUTES);
        if (substitutes.size() <= Limits.MAX_SUBSTITUTES) {
            for (int i = 0; i < substitutes.size(); i++) {
                checks.check(sku == null || !sku.equals(substitutes.get(i)), "substitutes[" + i + "]",
                        "a SKU cannot substitute for itself");
            }
        }
        return checks.violations();
    }
}
