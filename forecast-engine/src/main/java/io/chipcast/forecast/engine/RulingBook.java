package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.RulingAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The export-control rulings in force, answering SPEC section 4's {@code restricted(S, K, T)}. */
final class RulingBook {

    private final Map<String, Ruling> rulingsById = new HashMap<>();
    /** The RESTRICT rulings that name each destination. */
    private final Map<String, List<Ruling>> restrictionsByCountry = new HashMap<>();
    /** The LIFT rulings that name each RESTRICT. */
    private final Map<String, List<Ruling>> liftsByTarget = new HashMap<>();

    /**
     * Records a ruling, replacing an earlier one of the same id (an amendment).
     *
     * @return the destinations whose customers it can affect: those of the ruling, of the ruling it
     *         replaces and, for a LIFT, of the RESTRICT it lifts
     */
    Set<String> apply(Ruling ruling) {
        Set<String> affected = new HashSet<>(destinationsOf(ruling));
        Ruling previous = rulingsById.put(ruling.rulingId(), ruling);
        if (previous != null) {
            affected.addAll(destinationsOf(previous));
        }
        rebuildIndexes();
        affected.addAll(destinationsOf(ruling));
        return affected;
    }

    /**
     * Whether some RESTRICT in effect at {@code at} names {@code country} and covers the SKU, and no
     * LIFT of it is in effect at {@code at}. {@code entry} is the SKU's catalog entry, null when the
     * SKU is not in the catalog (then only rulings listing it cover it).
     */
    boolean restricted(String sku, CatalogEntry entry, String country, Instant at) {
        for (Ruling restriction : restrictionsByCountry.getOrDefault(country, List.of())) {
            if (!restriction.effectiveAt().isAfter(at)
                    && restriction.scope().covers(sku, entry == null ? null : entry.tpp(),
                            entry == null ? null : entry.performanceDensity())
                    && !lifted(restriction, at)) {
                return true;
            }
        }
        return false;
    }

    private boolean lifted(Ruling restriction, Instant at) {
        for (Ruling lift : liftsByTarget.getOrDefault(restriction.rulingId(), List.of())) {
            if (!lift.effectiveAt().isAfter(at)) {
                return true;
            }
        }
        return false;
    }

    RulingBook copy() {
        RulingBook copy = new RulingBook();
        copy.rulingsById.putAll(rulingsById);
        copy.rebuildIndexes();
        return copy;
    }

    private List<String> destinationsOf(Ruling ruling) {
        if (ruling.action() == RulingAction.RESTRICT) {
            return ruling.destinations();
        }
        Ruling lifted = rulingsById.get(ruling.lifts());
        return lifted == null || lifted.action() != RulingAction.RESTRICT ? List.of() : lifted.destinations();
    }

    private void rebuildIndexes() {
        // Rulings are few and change rarely: rebuilding keeps amendments simple and exact.
        restrictionsByCountry.clear();
        liftsByTarget.clear();
        for (Ruling ruling : rulingsById.values()) {
            if (ruling.action() == RulingAction.RESTRICT) {
                ruling.destinations().forEach(country ->
                        restrictionsByCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(ruling));
            } else {
                liftsByTarget.computeIfAbsent(ruling.lifts(), id -> new ArrayList<>()).add(ruling);
            }
        }
    }
}
