package io.chipcast.forecast.repository;

import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.forecast.portfolio.PortfolioTally;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Everything one batch of records changed, committed in one transaction. */
public final class Batch {

    record Processed(String eventId, String topic) {
    }

    record PlanRow(DemandPlan plan, int partition) {
    }

    record ShipmentRow(ShipmentEvent event, int partition) {
    }

    /** A projection with its JSON and its alerts', written once, kept in the history and published as they are. */
    record ProjectionRow(Projection projection, CommittedProjection committed, int partition, BigDecimal costAlertedOn) {
    }

    final List<Processed> processed = new ArrayList<>();
    final Map<TopicPartition, Long> positions = new LinkedHashMap<>();
    final List<PlanRow> plans = new ArrayList<>();
    final List<ShipmentRow> shipments = new ArrayList<>();
    final Map<String, ProjectionRow> latestProjections = new LinkedHashMap<>();
    final List<ProjectionRow> projectionVersions = new ArrayList<>();
    private final List<Instant> changedBy = new ArrayList<>();
    private final PortfolioTally portfolio = new PortfolioTally();

    public void processed(String eventId, String topic) {
        processed.add(new Processed(eventId, topic));
    }

    /** The partition resumes after {@code offset}. */
    public void consumed(TopicPartition partition, long offset) {
        positions.merge(partition, offset + 1, Math::max);
    }

    public void plan(DemandPlan plan, int partition) {
        plans.add(new PlanRow(plan, partition));
    }

    public void shipment(ShipmentEvent event, int partition) {
        shipments.add(new ShipmentRow(event, partition));
    }

    /** A new version of a projection, written with its alerts: kept in the history, published, and the latest stored as current. */
    public void projection(Projection projection, CommittedProjection committed, int partition, BigDecimal costAlertedOn) {
        ProjectionRow row = new ProjectionRow(projection, committed, partition, costAlertedOn);
        projectionVersions.add(row);
        latestProjections.put(projection.customerId(), row);
    }

    /** The difference this batch's versions make to the portfolio, committed with them (ADR 015). */
    public PortfolioTally portfolio() {
        return portfolio;
    }

    /** An event of {@code eventTime} changed projections this batch commits: for the lag from event to commit. */
    public void changedBy(Instant eventTime) {
        changedBy.add(eventTime);
    }

    /** The times of the events whose changes this batch commits. */
    public List<Instant> changedBy() {
        return List.copyOf(changedBy);
    }

    public boolean isEmpty() {
        return processed.isEmpty() && positions.isEmpty() && projectionVersions.isEmpty() && plans.isEmpty()
                && shipments.isEmpty();
    }

    /** Where each consumed partition resumes once this batch is committed. */
    public Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    /** The projection versions to publish once this batch is committed, in the order they were made. */
    public List<CommittedProjection> committedProjections() {
        return projectionVersions.stream().map(ProjectionRow::committed).toList();
    }

    /** Each partition whose customers' projections this batch committed as {@code commitSeq}: what publishing them acknowledges. */
    public Map<Integer, Long> watermarks(long commitSeq) {
        Map<Integer, Long> watermarks = new HashMap<>();
        projectionVersions.forEach(row -> watermarks.put(row.partition(), commitSeq));
        return watermarks;
    }
}
