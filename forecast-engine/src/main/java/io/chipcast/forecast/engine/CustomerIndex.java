package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.PlanLine;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which customers an event can affect: by SKU (a line of it or a substitute for it) and by
 * country. Kept in step with the plans, so that an event recomputes only those customers.
 */
final class CustomerIndex {

    private final Map<String, Set<String>> customersBySku = new HashMap<>();
    private final Map<String, Set<String>> customersByCountry = new HashMap<>();

    void replace(String customerId, DemandPlan previous, DemandPlan current) {
        if (previous != null) {
            skusOf(previous).forEach(sku -> remove(customersBySku, sku, customerId));
            remove(customersByCountry, previous.country(), customerId);
        }
        if (current != null) {
            skusOf(current).forEach(sku -> customersBySku.computeIfAbsent(sku, s -> new HashSet<>()).add(customerId));
            customersByCountry.computeIfAbsent(current.country(), c -> new HashSet<>()).add(customerId);
        }
    }

    Set<String> bySku(String sku) {
        return Set.copyOf(customersBySku.getOrDefault(sku, Set.of()));
    }

    Set<String> byCountries(Collection<String> countries) {
        Set<String> customers = new HashSet<>();
        countries.forEach(country -> customers.addAll(customersByCountry.getOrDefault(country, Set.of())));
        return customers;
    }

    private static Set<String> skusOf(DemandPlan plan) {
        Set<String> skus = new HashSet<>();
        for (PlanLine line : plan.lines()) {
            skus.add(line.sku());
            skus.addAll(line.substitutes());
        }
        return skus;
    }

    private static void remove(Map<String, Set<String>> index, String key, String customerId) {
        Set<String> customers = index.get(key);
        if (customers != null && customers.remove(customerId) && customers.isEmpty()) {
            index.remove(key);
        }
    }
}
