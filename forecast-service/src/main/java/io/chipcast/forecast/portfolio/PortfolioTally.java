package io.chipcast.forecast.portfolio;

import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Projections summed up per partition of the customer topics: their lines per {@link CellKey},
 * their customers per country, and when the newest was computed. A batch keeps the difference its
 * versions make — each new version counted, the one it replaces taken away — and commits it with
 * them (ADR 015); a query about a few customers sums their projections the same way.
 */
public final class PortfolioTally {

    private final Map<Integer, Map<CellKey, CellFigures>> cells = new TreeMap<>();
    private final Map<Integer, Map<String, Long>> customers = new TreeMap<>();
    private final Map<Integer, Instant> latestComputedAt = new TreeMap<>();

    /** A cell's figures in one partition. */
    public record CellRow(int partition, CellKey key, CellFigures figures) {
    }

    /** How many customers of one partition go to one country. */
    public record CustomerRow(int partition, String country, long customers) {
    }

    /** Counts a customer's projection. */
    public void add(int partition, Projection projection, String country) {
        replace(partition, null, null, projection, country);
    }

    /**
     * Counts a customer's new version in place of the one it replaces ({@code previous}, projected
     * for {@code previousCountry}; null for its first version).
     */
    public void replace(int partition, Projection previous, String previousCountry, Projection projection, String country) {
        List<ProjectionLine> before = previous == null ? List.of() : previous.lines();
        List<ProjectionLine> after = projection.lines();
        // A line the new version kept from the previous one, for the same country, counts as it did:
        // the engine keeps unchanged lines once, and most lines of a fan-out are unchanged.
        boolean sameCountry = previous != null && Objects.equals(previousCountry, country);
        if (!sameCountry) {
            if (previous != null) {
                countCustomer(partition, previousCountry, -1);
            }
            countCustomer(partition, country, 1);
        }
        for (int i = 0; i < before.size(); i++) {
            if (!(sameCountry && kept(before, after, i))) {
                count(partition, before.get(i), previousCountry, -1);
            }
        }
        for (int i = 0; i < after.size(); i++) {
            if (!(sameCountry && kept(before, after, i))) {
                count(partition, after.get(i), country, 1);
            }
        }
        latestComputedAt.merge(partition, projection.computedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean isEmpty() {
        return latestComputedAt.isEmpty();
    }

    /** The cells that changed, by partition and key. */
    public List<CellRow> cellRows() {
        List<CellRow> rows = new ArrayList<>();
        cells.forEach((partition, byKey) -> byKey.forEach((key, figures) -> {
            if (!figures.isZero()) {
                rows.add(new CellRow(partition, key, figures));
            }
        }));
        return rows;
    }

    /** The customer counts that changed, by partition and country. */
    public List<CustomerRow> customerRows() {
        List<CustomerRow> rows = new ArrayList<>();
        customers.forEach((partition, byCountry) -> byCountry.forEach((country, count) -> {
            if (count != 0) {
                rows.add(new CustomerRow(partition, country, count));
            }
        }));
        return rows;
    }

    /** Per partition, when its newest projection counted here was computed. */
    public Map<Integer, Instant> latestComputedAt() {
        return Map.copyOf(latestComputedAt);
    }

    /** The cells summed over every partition. */
    public Map<CellKey, CellFigures> cellsInAll() {
        Map<CellKey, CellFigures> all = new TreeMap<>();
        cellRows().forEach(row -> all.computeIfAbsent(row.key(), key -> new CellFigures()).add(row.figures()));
        return all;
    }

    /** The customers per country, over every partition. */
    public Map<String, Long> customersInAll() {
        Map<String, Long> all = new HashMap<>();
        customerRows().forEach(row -> all.merge(row.country(), row.customers(), Long::sum));
        return all;
    }

    private void countCustomer(int partition, String country, int sign) {
        customers.computeIfAbsent(partition, p -> new TreeMap<>()).merge(destination(country), (long) sign, Long::sum);
    }

    private void count(int partition, ProjectionLine line, String country, int sign) {
        String destination = destination(country);
        boolean buysItsOwn = line.sku().equals(line.boughtSku());
        figures(partition, new CellKey(line.sku(), destination, line.status())).add(new CellFigures(sign, sign * units(line.quantity()),
                sign * units(line.securedQty()), buysItsOwn ? sign * units(line.boughtUnits()) : 0, signed(line.lineCost(), sign),
                sign * units(line.blockedQty()), signed(line.atRiskValue(), sign)));
        if (line.boughtSku() != null && !buysItsOwn) {
            figures(partition, new CellKey(line.boughtSku(), destination, line.status()))
                    .add(new CellFigures(0, 0, 0, sign * units(line.boughtUnits()), BigDecimal.ZERO, 0, BigDecimal.ZERO));
        }
    }

    /** Whether the new version's line at {@code i} is the very line the previous version had there. */
    private static boolean kept(List<ProjectionLine> before, List<ProjectionLine> after, int i) {
        return i < before.size() && i < after.size() && before.get(i) == after.get(i);
    }

    private static String destination(String country) {
        return country == null ? "" : country;
    }

    private CellFigures figures(int partition, CellKey key) {
        return cells.computeIfAbsent(partition, p -> new TreeMap<>()).computeIfAbsent(key, k -> new CellFigures());
    }

    private static long units(Long units) {
        return units == null ? 0 : units;
    }

    private static BigDecimal signed(BigDecimal amount, int sign) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        return sign < 0 ? amount.negate() : amount;
    }
}
