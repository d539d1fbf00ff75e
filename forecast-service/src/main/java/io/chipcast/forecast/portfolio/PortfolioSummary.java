package io.chipcast.forecast.portfolio;

import io.chipcast.contracts.api.Portfolio;
import io.chipcast.contracts.api.Portfolio.CountryFigures;
import io.chipcast.contracts.api.Portfolio.SkuFigures;
import io.chipcast.contracts.api.Portfolio.StatusFigures;
import io.chipcast.contracts.payload.LineStatus;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns cells and customer counts, summed over partitions, into a {@link Portfolio}'s totals and breakdowns. */
public final class PortfolioSummary {

    private PortfolioSummary() {
    }

    public static Portfolio of(Map<CellKey, CellFigures> cells, Map<String, Long> customersByCountry, List<Portfolio.AtRiskCustomer> atRisk,
            Portfolio.CostChanges costChanges, Portfolio.Reflects reflects) {
        Map<String, CellFigures> bySku = new TreeMap<>();
        Map<String, CellFigures> byCountry = new TreeMap<>();
        Map<LineStatus, CellFigures> byStatus = new EnumMap<>(LineStatus.class);
        CellFigures total = new CellFigures();
        cells.forEach((key, figures) -> {
            bySku.computeIfAbsent(key.sku(), sku -> new CellFigures()).add(figures);
            byCountry.computeIfAbsent(key.country(), country -> new CellFigures()).add(figures);
            byStatus.computeIfAbsent(key.status(), status -> new CellFigures()).add(figures);
            total.add(figures);
        });
        TreeSet<String> countries = new TreeSet<>(byCountry.keySet());
        customersByCountry.forEach((country, count) -> {
            if (count != 0) {
                countries.add(country);
            }
        });
        return new Portfolio(customersByCountry.values().stream().mapToLong(Long::longValue).sum(), total.lineCost(), total.atRiskValue(),
                bySku.entrySet().stream().filter(e -> e.getValue().lines() > 0 || e.getValue().boughtUnits() > 0)
                        .map(e -> sku(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparing(SkuFigures::cost).reversed().thenComparing(SkuFigures::sku)).toList(),
                countries.stream().map(country -> country(country, customersByCountry.getOrDefault(country, 0L),
                                byCountry.getOrDefault(country, new CellFigures())))
                        .filter(figures -> figures.customers() > 0)
                        .sorted(Comparator.comparing(CountryFigures::blockedValue).reversed()
                                .thenComparing(Comparator.comparing(CountryFigures::cost).reversed()).thenComparing(CountryFigures::country))
                        .toList(),
                byStatus.entrySet().stream().filter(e -> e.getValue().lines() > 0)
                        .map(e -> new StatusFigures(e.getKey(), e.getValue().lines(), e.getValue().quantity(), e.getValue().lineCost())).toList(),
                atRisk, costChanges, reflects);
    }

    private static SkuFigures sku(String sku, CellFigures figures) {
        return new SkuFigures(sku, figures.lines(), figures.quantity(), figures.securedQty(), figures.boughtUnits(), figures.lineCost(),
                figures.blockedQty(), figures.atRiskValue());
    }

    private static CountryFigures country(String country, long customers, CellFigures figures) {
        return new CountryFigures(country, customers, figures.lineCost(), figures.atRiskValue());
    }
}
