package io.chipcast.forecast.service;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.forecast.engine.ForecastEngine;
import io.chipcast.forecast.engine.ReferenceData;
import io.chipcast.forecast.repository.Batch;
import io.chipcast.forecast.repository.CommittedProjection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.platform.metrics.Timers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The middle of the pipeline: applies records to the engine, in order, and turns what they changed
 * into batches to commit. A customer event is applied once (its id is looked up among those
 * already committed), a reference event once per run (a publisher may resend it); each batch
 * carries the applied event ids, the positions, the customers' new state and the projections
 * with their alerts, so that committing it is all or nothing (ADR 007).
 *
 * <p>Not thread-safe: the pipeline's lock guards it and its engine (two channels and the consumer's
 * rebalance callbacks reach it).
 */
public final class EventApplier {

    /** Redeliveries come within seconds of the original (a publisher resending a batch): a million is ample. */
    private static final int SEEN_REFERENCE_EVENTS = 1_000_000;
    private static final int PARALLEL_SERIALIZATION = 500;
    /** Customers per transaction of a large fan-out (about 10 MB of projections). */
    public static final int FAN_OUT_SLICE = 5_000;

    private final ForecastEngine engine;
    private final ForecastStore store;
    private final MeterRegistry meters;
    private final Timer recomputeTime;
    private final Timer lookupTime;
    private final Map<String, Integer> partitionOfCustomer = new HashMap<>();
    /** The ce_ids of the latest reference events, to apply a redelivered one once; bounded, oldest forgotten first. */
    private final Set<String> seenReferenceEvents = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN_REFERENCE_EVENTS;
        }
    });
    private Cause lastReferenceEvent;

    public EventApplier(ForecastEngine engine, ForecastStore store, MeterRegistry meters, Timer recomputeTime) {
        this.engine = engine;
        this.store = store;
        this.meters = meters;
        this.recomputeTime = recomputeTime;
        this.lookupTime = Timers.histogram("chipcast.forecast.applied-lookup", "Looking up which of a poll's customer events were applied before")
                .register(meters);
    }

    /** A reference event read while no customer is loaded yet: it changes the reference data only. */
    public void load(IncomingRecord reference) {
        applyReference(reference);
    }

    /**
     * Applies readable records in order and hands {@code commit} what they changed: one batch —
     * except around a reference event that moves more than {@value #FAN_OUT_SLICE} customers:
     * what came before it first, then its fan-out slice by slice, then the rest.
     */
    public void apply(List<IncomingRecord> records, Consumer<Batch> commit) {
        Set<String> customerEventIds = new HashSet<>();
        records.stream().filter(r -> !r.isDeadLetter() && isCustomerTopic(r)).forEach(r -> customerEventIds.add(r.event().id()));
        Set<String> alreadyApplied = lookupTime.record(() -> store.processed(customerEventIds));

        Batch batch = new Batch();
        for (IncomingRecord record : records) {
            ConsumerRecord<String, byte[]> raw = record.record();
            if (isCustomerTopic(record)) {
                batch.consumed(new TopicPartition(raw.topic(), raw.partition()), raw.offset());
            }
            if (record.isDeadLetter()) {
                continue;
            }
            ForecastEngine.Outcome outcome;
            if (isCustomerTopic(record)) {
                if (!alreadyApplied.add(record.event().id())) {
                    continue;
                }
                batch.processed(record.event().id(), record.topic().name());
                outcome = applyCustomerEvent(record, batch);
            } else {
                outcome = applyReference(record);
            }
            meters.counter("chipcast.forecast.events.applied", "topic", record.topic().name()).increment();
            meters.summary("chipcast.forecast.customers.recomputed").record(outcome.customersRecomputed());
            if (outcome.changes().size() > FAN_OUT_SLICE) {
                commit.accept(batch);
                batch = new Batch();
                commitInSlices(outcome, record.event().time(), commit);
                continue;
            }
            add(outcome.changes(), batch);
            if (!outcome.changes().isEmpty()) {
                batch.changedBy(record.event().time());
            }
        }
        commit.accept(batch);
    }

    /**
     * Customers restored from the database: given their state and last projection back, then
     * moved by the reference events their projections have not seen yet (the latest one is the
     * cause), committed through {@code commit}.
     */
    public void restore(ForecastStore.CustomerSnapshot snapshot, Consumer<Batch> commit) {
        snapshot.partitionOf().forEach((customer, partition) -> {
            partitionOfCustomer.put(customer, partition);
            ForecastStore.StoredProjection stored = snapshot.projections().get(customer);
            engine.restore(customer, snapshot.plans().get(customer), snapshot.shipments().getOrDefault(customer, List.of()),
                    stored == null ? null : stored.projection(), stored == null ? null : stored.costAlertedOn());
        });
        if (lastReferenceEvent != null && !snapshot.partitionOf().isEmpty()) {
            ForecastEngine.Outcome outcome = engine.reconcile(snapshot.partitionOf().keySet(), lastReferenceEvent);
            commitInSlices(outcome, null, commit);
        }
    }

    /** Drops the customers of partitions this instance gave up; returns how many there were. */
    public int forget(Set<Integer> partitions) {
        List<String> leaving = partitionOfCustomer.entrySet().stream()
                .filter(e -> partitions.contains(e.getValue())).map(Map.Entry::getKey).toList();
        leaving.forEach(customer -> {
            engine.forget(customer);
            partitionOfCustomer.remove(customer);
        });
        return leaving.size();
    }

    /** A copy of the reference data as it stands: for what-if requests. */
    public ReferenceData referenceCopy() {
        return engine.reference().copy();
    }

    /**
     * An outcome committed {@value #FAN_OUT_SLICE} customers at a time: the first ones are on their
     * way to the broker while the next ones are written. Safe to split: reference events are read
     * again on every start, and whatever slice never committed is recomputed then
     * ({@link ForecastEngine#reconcile}). The event's time goes with the last slice.
     */
    private void commitInSlices(ForecastEngine.Outcome outcome, Instant eventTime, Consumer<Batch> commit) {
        List<ForecastEngine.Change> changes = outcome.changes();
        for (int from = 0; from < changes.size(); from += FAN_OUT_SLICE) {
            int to = Math.min(changes.size(), from + FAN_OUT_SLICE);
            Batch slice = new Batch();
            add(changes.subList(from, to), slice);
            if (to == changes.size() && eventTime != null) {
                slice.changedBy(eventTime);
            }
            commit.accept(slice);
        }
    }

    private ForecastEngine.Outcome applyCustomerEvent(IncomingRecord record, Batch batch) {
        int partition = record.record().partition();
        return recomputeTime.record(() -> {
            if (record.payload() instanceof DemandPlan plan) {
                partitionOfCustomer.put(plan.customerId(), partition);
                batch.plan(plan, partition);
                return engine.onPlan(plan, record.cause());
            }
            ShipmentEvent shipment = (ShipmentEvent) record.payload();
            partitionOfCustomer.put(shipment.customerId(), partition);
            batch.shipment(shipment, partition);
            return engine.onShipment(shipment, record.cause());
        });
    }

    private ForecastEngine.Outcome applyReference(IncomingRecord record) {
        if (!seenReferenceEvents.add(record.event().id())) {
            return ForecastEngine.Outcome.NOTHING;
        }
        lastReferenceEvent = record.cause();
        return recomputeTime.record(() -> engine.apply(record.payload(), record.cause()));
    }

    /**
     * Adds the changed projections to the batch, each written once with the alerts about its
     * customer, and the difference each makes to the portfolio.
     */
    private void add(List<ForecastEngine.Change> changes, Batch batch) {
        if (changes.isEmpty()) {
            return;
        }
        // A price change of a popular SKU writes thousands of documents: on every core.
        List<CommittedProjection> written = (changes.size() >= PARALLEL_SERIALIZATION ? changes.parallelStream() : changes.stream())
                .map(change -> CommittedProjection.of(change.projection(), change.alerts()))
                .toList();
        for (int i = 0; i < changes.size(); i++) {
            ForecastEngine.Change change = changes.get(i);
            Projection projection = change.projection();
            int partition = partitionOfCustomer.get(projection.customerId());
            batch.projection(projection, written.get(i), partition, change.costAlertedOn());
            batch.portfolio().replace(partition, change.previous(), change.previousCountry(), projection, change.country());
        }
    }

    private static boolean isCustomerTopic(IncomingRecord record) {
        return record.topic() == Topics.DEMAND_PLANS || record.topic() == Topics.SHIPMENTS;
    }
}
