package io.chipcast.forecast.engine;

import io.chipcast.contracts.api.WhatIf;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.Validated;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPEC section 4, maintained incrementally: each event updates the state it belongs to, then
 * recomputes only the customers it can affect (by SKU, substitute SKU, country or customer) and
 * reports the projections that changed and the alerts they raise. An event that changes no
 * projection reports nothing.
 *
 * <p>Plain Java and single-threaded: the service feeds it events one at a time.
 */
public final class ForecastEngine {

    /** From this many customers, an event's changes are worked out on every core. */
    private static final int PARALLEL_PROJECTION = 1_000;

    private final ReferenceData reference = new ReferenceData();
    private final Map<String, CustomerState> customers = new HashMap<>();
    private final Map<String, Projected> projections = new HashMap<>();
    private final CustomerIndex index = new CustomerIndex();
    private final AlertRules alertRules;
    private final Clock clock;

    /** @param costChangePercent how far projectedCost must move to raise COST_CHANGED (SPEC: 1) */
    public ForecastEngine(BigDecimal costChangePercent, Clock clock) {
        this.alertRules = new AlertRules(costChangePercent);
        this.clock = clock;
    }

    /** Any input of the engine, by its payload type: a catalog entry, a price change, a ruling, a shipment event or a plan. */
    public Outcome apply(Validated payload, Cause cause) {
        if (payload instanceof CatalogEntry entry) {
            return onCatalog(entry, cause);
        } else if (payload instanceof PriceChange change) {
            return onPrice(change, cause);
        } else if (payload instanceof Ruling ruling) {
            return onRuling(ruling, cause);
        } else if (payload instanceof ShipmentEvent shipment) {
            return onShipment(shipment, cause);
        } else if (payload instanceof DemandPlan plan) {
            return onPlan(plan, cause);
        }
        throw new IllegalArgumentException("not an input of the forecast engine: " + payload.getClass().getSimpleName());
    }

    public Outcome onCatalog(CatalogEntry entry, Cause cause) {
        return reference.apply(entry) ? recompute(index.bySku(entry.sku()), cause) : Outcome.NOTHING;
    }

    public Outcome onPrice(PriceChange change, Cause cause) {
        return reference.apply(change) ? recompute(index.bySku(change.sku()), cause) : Outcome.NOTHING;
    }

    public Outcome onRuling(Ruling ruling, Cause cause) {
        return recompute(index.byCountries(reference.apply(ruling)), cause);
    }

    public Outcome onShipment(ShipmentEvent event, Cause cause) {
        CustomerState state = customers.computeIfAbsent(event.customerId(), id -> new CustomerState());
        return state.apply(event) ? recompute(Set.of(event.customerId()), cause) : Outcome.NOTHING;
    }

    /** A plan replaces the customer's previous one; an older version than the one held changes nothing. */
    public Outcome onPlan(DemandPlan plan, Cause cause) {
        CustomerState state = customers.computeIfAbsent(plan.customerId(), id -> new CustomerState());
        DemandPlan previous = state.plan();
        if (previous != null && previous.version() > plan.version()) {
            return Outcome.NOTHING;
        }
        state.plan(plan);
        index.replace(plan.customerId(), previous, plan);
        return recompute(Set.of(plan.customerId()), cause);
    }

    public Optional<Projection> projection(String customerId) {
        return Optional.ofNullable(projections.get(customerId)).map(Projected::projection);
    }

    /**
     * Puts back a customer as it was persisted, without recomputing or publishing anything: after
     * a restart, or when this instance takes over the customer's partition.
     */
    public void restore(String customerId, DemandPlan plan, Collection<ShipmentEvent> shipments, Projection last,
            BigDecimal costAlertedOn) {
        CustomerState state = new CustomerState();
        shipments.forEach(state::apply);
        CustomerState previous = customers.put(customerId, state);
        state.plan(plan);
        index.replace(customerId, previous == null ? null : previous.plan(), plan);
        if (last != null) {
            projections.put(customerId, new Projected(new ProjectionContent(last.planVersion(), last.projectedCost(),
                    last.blockedValue(), last.lines()), last, costAlertedOn == null ? last.projectedCost() : costAlertedOn,
                    plan == null ? null : plan.country()));
        }
    }

    /** Drops a customer this instance no longer owns (its partition moved to another instance). */
    public void forget(String customerId) {
        CustomerState state = customers.remove(customerId);
        if (state != null) {
            index.replace(customerId, state.plan(), null);
        }
        projections.remove(customerId);
    }

    public ReferenceData reference() {
        return reference;
    }

    /**
     * The projection of a plan and its shipments under hypothetical price changes and rulings,
     * applied to a copy of the reference data: nothing here changes, nothing is published.
     */
    public static WhatIf whatIf(ReferenceData current, DemandPlan plan, Collection<ShipmentEvent> shipments,
            List<PriceChange> priceChanges, List<Ruling> rulings) {
        ReferenceData hypothetical = current.copy();
        priceChanges.forEach(hypothetical::apply);
        rulings.forEach(hypothetical::apply);
        CustomerState state = new CustomerState();
        shipments.forEach(state::apply);
        ProjectionContent content = Projector.project(plan, state.shipments(), hypothetical);
        return new WhatIf(plan.customerId(), content.planVersion(), content.projectedCost(), content.blockedValue(), content.lines());
    }

    /**
     * Recomputes restored customers against the reference data as it is now, and reports those
     * whose projection differs from the one persisted: after a restart or a takeover, events of
     * the reference topics may have arrived that the persisted projections did not see yet.
     *
     * @param cause the latest reference event applied, which is what moved them
     */
    public Outcome reconcile(Collection<String> customerIds, Cause cause) {
        return recompute(customerIds, cause);
    }

    private Outcome recompute(Collection<String> affected, Cause cause) {
        // A stable order: the same events give the same output, whatever the hash order.
        List<String> customerIds = List.copyOf(new TreeSet<>(affected));
        // Working out a customer's change only reads the customers, their projections and the
        // reference data: a fan-out does it on every core, then records the changes in order.
        List<Change> changes = (customerIds.size() >= PARALLEL_PROJECTION ? customerIds.parallelStream() : customerIds.stream())
                .map(customerId -> change(customerId, cause)).filter(Objects::nonNull).toList();
        for (Change change : changes) {
            projections.put(change.projection().customerId(), change.projected);
        }
        return new Outcome(changes, affected.size());
    }

    /** The customer's new projection and the alerts it raises; null when it has no plan or its projection is unchanged. */
    private Change change(String customerId, Cause cause) {
        CustomerState state = customers.get(customerId);
        if (state == null || state.plan() == null) {
            return null;
        }
        ProjectionContent content = Projector.project(state.plan(), state.shipments(), reference);
        Projected last = projections.get(customerId);
        if (last != null) {
            if (last.content().equals(content)) {
                return null;
            }
            // Every projection stays in memory until the next one: what did not change is kept once.
            content = content.sharingWith(last.content());
        }
        Projection projection = new Projection(customerId, content.planVersion(), content.projectedCost(),
                content.blockedValue(), content.lines(), last == null ? 1 : last.projection().version() + 1,
                clock.instant(), cause);
        AlertRules.Evaluation evaluation = alertRules.evaluate(last == null ? null : last.projection(), projection,
                last == null ? null : last.costAlertedOn());
        return new Change(new Projected(content, projection, evaluation.nextBaseline(), state.plan().country()), evaluation.alerts(),
                last == null ? null : last.projection(), last == null ? null : last.country());
    }

    /**
     * A customer's latest projection, the projectedCost its next COST_CHANGED is measured from, and
     * the country of the plan it was projected from (a later plan may move the customer).
     */
    private record Projected(ProjectionContent content, Projection projection, BigDecimal costAlertedOn, String country) {
    }

    /**
     * One customer's new projection, with the alerts it raises and what it replaced: everything the
     * service commits about the change, carried together so that nothing is looked up per customer.
     */
    public static final class Change {

        private final Projected projected;
        private final List<Alert> alerts;
        private final Projection previous;
        private final String previousCountry;

        private Change(Projected projected, List<Alert> alerts, Projection previous, String previousCountry) {
            this.projected = projected;
            this.alerts = List.copyOf(alerts);
            this.previous = previous;
            this.previousCountry = previousCountry;
        }

        public Projection projection() {
            return projected.projection();
        }

        /** The alerts the new projection raises; often none. */
        public List<Alert> alerts() {
            return alerts;
        }

        /**
         * The projectedCost the customer's next COST_CHANGED is measured from: persisted with the
         * projection, so that a restart measures from it too.
         */
        public BigDecimal costAlertedOn() {
            return projected.costAlertedOn() == null ? projected.projection().projectedCost() : projected.costAlertedOn();
        }

        /** The destination country of the plan the new projection was projected from; null without a plan. */
        public String country() {
            return projected.country();
        }

        /** The projection this one replaced, which the portfolio counts out; null for the customer's first. */
        public Projection previous() {
            return previous;
        }

        /** The destination country of the plan the replaced projection was projected from. */
        public String previousCountry() {
            return previousCountry;
        }
    }

    /**
     * What an event changed: each customer's change, in customer order.
     *
     * @param customersRecomputed how many customers the event could affect and were recomputed
     */
    public record Outcome(List<Change> changes, int customersRecomputed) {

        /** An event that changed no projection. */
        public static final Outcome NOTHING = new Outcome(List.of(), 0);

        public Outcome {
            changes = List.copyOf(changes);
        }

        /** The new projections, one per changed customer. */
        public List<Projection> projections() {
            return changes.stream().map(Change::projection).toList();
        }

        /** The alerts the new projections raise, customer by customer. */
        public List<Alert> alerts() {
            return changes.stream().flatMap(change -> change.alerts().stream()).toList();
        }
    }
}
