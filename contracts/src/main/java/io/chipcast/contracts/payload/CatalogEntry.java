package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.util.List;

/** A SKU of the catalog ({@code chip.catalog}, compacted, key sku). A later entry for the same sku replaces it. */
public record CatalogEntry(
        String sku,
        String vendor,
        String family,
        BigDecimal tpp,
        BigDecimal performanceDensity,
        Integer memoryGb) implements Validated {

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .identifier("sku", sku)
                .text("vendor", vendor, 128)
                .text("family", family, 128)
                .decimal("tpp", tpp, false, Limits.MAX_TPP, Limits.TPP_SCALE)
                .decimal("performanceDensity", performanceDensity, true, Limits.MAX_PERFORMANCE_DENSITY,
                        Limits.PERFORMANCE_DENSITY_SCALE);
        if (memoryGb != null) {
            checks.check(memoryGb > 0, "memoryGb", "must be greater than 0")
                    .check(memoryGb <= Limits.MAX_MEMORY_GB, "memoryGb", "must be at most " + Limits.MAX_MEMORY_GB);
        }
        return checks.violations();
    }
}
