package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a RESTRICT ruling covers: listed SKUs, and/or every SKU at or above a TPP threshold
 * (and, when set, a performance-density threshold).
 */
public record RulingScope(List<String> skus, BigDecimal minTpp, BigDecimal minPerformanceDensity) implements Validated {

    public RulingScope {
        // Null elements are kept so that validation can name them instead of a constructor throwing.
        skus = skus == null ? List.of() : new LookupList<>(skus);
    }

    public boolean isEmpty() {
        return skus.isEmpty() && minTpp == null;
    }

    /** SPEC section 4: whether this scope covers a SKU with the given catalog figures (null when not in the catalog). */
    public boolean covers(String sku, BigDecimal tpp, BigDecimal performanceDensity) {
        if (skus.contains(sku)) {
            return true;
        }
        if (minTpp == null || tpp == null || tpp.compareTo(minTpp) < 0) {
            return false;
        }
        return minPerformanceDensity == null
                || (performanceDensity != null && performanceDensity.compareTo(minPerformanceDensity) >= 0);
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start().identifiers("skus", skus, Limits.MAX_SCOPE_SKUS);
        if (minTpp != null) {
            checks.decimal("minTpp", minTpp, false, Limits.MAX_TPP, Limits.TPP_SCALE);
        }
        if (minPerformanceDensity != null) {
            checks.decimal("minPerformanceDensity", minPerformanceDensity, true, Limits.MAX_PERFORMANCE_DENSITY,
                            Limits.PERFORMANCE_DENSITY_SCALE)
                    .check(minTpp != null, "minPerformanceDensity", "applies only together with minTpp");
        }
        return checks.violations();
    }
}
