package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PlanLine;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.payload.ShipmentStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SPEC section 4, rules 1 to 6: one customer's projection, computed from scratch. A pure function. */
final class Projector {

    private static final Comparator<ShipmentEvent> ALLOCATION_ORDER =
            Comparator.comparing(ShipmentEvent::eta).thenComparing(ShipmentEvent::shipmentId);
    private static final Comparator<PlanLine> FILLING_ORDER =
            Comparator.comparing(PlanLine::needBy).thenComparing(PlanLine::lineId);

    private Projector() {
    }

    static ProjectionContent project(DemandPlan plan, Collection<ShipmentEvent> shipments, ReferenceData reference) {
        Map<PlanLine, List<Part>> parts = allocate(plan.lines(), shipments);
        List<ProjectionLine> lines = new ArrayList<>(plan.lines().size());
        BigDecimal projectedCost = Money.ZERO;
        BigDecimal blockedValue = Money.ZERO;
        for (PlanLine line : plan.lines()) {
            ProjectionLine projected = projectLine(line, parts.getOrDefault(line, List.of()), plan.country(), reference);
            lines.add(projected);
            projectedCost = projectedCost.add(projected.lineCost());
            blockedValue = blockedValue.add(projected.atRiskValue());
        }
        return new ProjectionContent(plan.version(), projectedCost, blockedValue, lines);
    }

    /** Rule 1: the customer's shipments of a SKU fill its lines of that SKU, earliest first. */
    private static Map<PlanLine, List<Part>> allocate(List<PlanLine> planLines, Collection<ShipmentEvent> shipments) {
        if (shipments.isEmpty()) {
            // Most customers of a fan-out: nothing to allocate, and no index of lines worth building.
            return Map.of();
        }
        Map<String, List<PlanLine>> linesBySku = new HashMap<>();
        planLines.forEach(line -> linesBySku.computeIfAbsent(line.sku(), sku -> new ArrayList<>()).add(line));
        Map<String, List<ShipmentEvent>> shipmentsBySku = new HashMap<>();
        shipments.stream().filter(shipment -> shipment.status().isAllocatable())
                .forEach(shipment -> shipmentsBySku.computeIfAbsent(shipment.sku(), sku -> new ArrayList<>()).add(shipment));

        Map<PlanLine, List<Part>> parts = new IdentityHashMap<>();
        linesBySku.forEach((sku, lines) -> {
            List<ShipmentEvent> available = shipmentsBySku.getOrDefault(sku, new ArrayList<>());
            available.sort(ALLOCATION_ORDER);
            lines.sort(FILLING_ORDER);
            int shipmentIndex = 0;
            long leftInShipment = available.isEmpty() ? 0 : available.get(0).quantity();
            for (PlanLine line : lines) {
                long needed = line.quantity();
                while (needed > 0 && shipmentIndex < available.size()) {
                    long taken = Math.min(needed, leftInShipment);
                    parts.computeIfAbsent(line, l -> new ArrayList<>()).add(new Part(available.get(shipmentIndex), taken));
                    needed -= taken;
                    leftInShipment -= taken;
                    if (leftInShipment == 0 && ++shipmentIndex < available.size()) {
                        leftInShipment = available.get(shipmentIndex).quantity();
                    }
                }
            }
        });
        return parts;
    }

    private static ProjectionLine projectLine(PlanLine line, List<Part> parts, String country, ReferenceData reference) {
        Instant asOf = line.needBy().atStartOfDay().toInstant(ZoneOffset.UTC);
        boolean restricted = reference.restricted(line.sku(), country, asOf);
        long securedQty = 0;
        long delayedQty = 0;
        BigDecimal securedCost = Money.ZERO;
        for (Part part : parts) {
            boolean delivered = part.shipment().status() == ShipmentStatus.DELIVERED;
            boolean onTime = !part.shipment().eta().isAfter(line.needBy());
            if (delivered || (!restricted && onTime)) {
                securedQty += part.quantity();
                securedCost = securedCost.add(Money.times(part.quantity(), part.shipment().unitPrice()));
            } else if (!restricted) {
                delayedQty += part.quantity();
            }
            // Restricted and not delivered: stranded, neither secured nor late (rule 3).
        }
        long remainingQty = line.quantity() - securedQty;
        Purchase purchase = remainingQty == 0
                ? Purchase.secured()
                : restricted
                        ? substituteOrBlock(line, remainingQty, country, asOf, reference)
                        : buy(line.sku(), remainingQty, delayedQty, asOf, reference);
        return new ProjectionLine(line.lineId(), line.sku(), line.quantity(), line.needBy(), purchase.status(),
                securedQty, delayedQty, remainingQty, purchase.boughtSku(), purchase.boughtUnits(),
                Money.price(purchase.unitPrice()), Money.price(purchase.spotUnitPrice()),
                Money.amount(securedCost.add(purchase.cost())), purchase.blockedQty(), Money.amount(purchase.atRiskValue()));
    }

    /** Rule 5, not restricted: late units at spot (else list), the others at list; UNPRICED when a needed price is unknown. */
    private static Purchase buy(String sku, long remainingQty, long delayedQty, Instant asOf, ReferenceData reference) {
        Optional<BigDecimal> list = reference.price(sku, Market.LIST, asOf);
        Optional<BigDecimal> late = reference.price(sku, Market.SPOT, asOf).or(() -> list);
        long onTimeQty = remainingQty - delayedQty;
        BigDecimal cost = Money.ZERO;
        boolean unpriced = false;
        if (delayedQty > 0) {
            unpriced |= late.isEmpty();
            cost = cost.add(late.map(price -> Money.times(delayedQty, price)).orElse(Money.ZERO));
        }
        if (onTimeQty > 0) {
            unpriced |= list.isEmpty();
            cost = cost.add(list.map(price -> Money.times(onTimeQty, price)).orElse(Money.ZERO));
        }
        LineStatus status = unpriced ? LineStatus.UNPRICED : delayedQty > 0 ? LineStatus.DELAYED : LineStatus.OPEN;
        return new Purchase(status, sku, remainingQty, list.orElse(null), delayedQty > 0 ? late.orElse(null) : null,
                cost, 0, Money.ZERO);
    }

    /** Rule 5, restricted: the first substitute that is in the catalog, allowed and priced, for the same compute; else BLOCKED. */
    private static Purchase substituteOrBlock(PlanLine line, long remainingQty, String country, Instant asOf,
            ReferenceData reference) {
        Optional<CatalogEntry> original = reference.catalogEntry(line.sku());
        if (original.isPresent()) {
            for (String substitute : line.substitutes()) {
                Optional<CatalogEntry> entry = reference.catalogEntry(substitute);
                Optional<BigDecimal> list = reference.price(substitute, Market.LIST, asOf);
                if (entry.isPresent() && list.isPresent() && !reference.restricted(substitute, country, asOf)) {
                    long units = BigDecimal.valueOf(remainingQty).multiply(original.get().tpp())
                            .divide(entry.get().tpp(), 0, RoundingMode.CEILING).longValueExact();
                    return new Purchase(LineStatus.SUBSTITUTED, substitute, units, list.get(), null,
                            Money.times(units, list.get()), 0, Money.ZERO);
                }
            }
        }
        BigDecimal atRisk = reference.price(line.sku(), Market.LIST, asOf)
                .map(price -> Money.times(remainingQty, price)).orElse(Money.ZERO);
        return new Purchase(LineStatus.BLOCKED, null, 0, null, null, Money.ZERO, remainingQty, atRisk);
    }

    /** A part of a shipment allocated to a line. */
    private record Part(ShipmentEvent shipment, long quantity) {
    }

    /** What is left to buy for a line, and at what cost. */
    private record Purchase(LineStatus status, String boughtSku, long boughtUnits, BigDecimal unitPrice,
            BigDecimal spotUnitPrice, BigDecimal cost, long blockedQty, BigDecimal atRiskValue) {

        static Purchase secured() {
            return new Purchase(LineStatus.SECURED, null, 0, null, null, Money.ZERO, 0, Money.ZERO);
        }
    }
}
