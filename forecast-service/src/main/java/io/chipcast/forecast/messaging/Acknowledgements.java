package io.chipcast.forecast.messaging;

import io.chipcast.forecast.repository.CommittedProjection;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The publications of projections in the order they were handed to the broker, what it
 * acknowledged, and what that lets the database record (ADR 013): per partition of the customer
 * topics, a watermark — the highest commit sequence number up to which every publication was
 * acknowledged — and, after a failed publication, per customer the versions acknowledged beyond it.
 * No watermark passes a publication that failed or is still on its way. Thread-safe.
 */
final class Acknowledgements {

    /** What one publication sent: per partition, its highest commit; per customer, its highest version. */
    static final class Publication {
        private enum Outcome { SENDING, ACKNOWLEDGED, FAILED }

        private final Map<Integer, Long> watermarks;
        private final Map<String, Long> versions = new HashMap<>();
        private Outcome outcome = Outcome.SENDING;

        private Publication(Map<Integer, Long> watermarks, List<CommittedProjection> projections) {
            this.watermarks = Map.copyOf(watermarks);
            projections.forEach(projection -> versions.merge(projection.customerId(), projection.version(), Math::max));
        }
    }

    /** What the database is to record: per partition a commit sequence number, per customer a version. */
    record ToRecord(Map<Integer, Long> watermarks, Map<String, Long> versions) {

        boolean isEmpty() {
            return watermarks.isEmpty() && versions.isEmpty();
        }
    }

    private final ArrayDeque<Publication> pending = new ArrayDeque<>();
    private final Map<Integer, Long> watermarks = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private Throwable failure;

    /**
     * A publication handed to the broker after every earlier one.
     *
     * @param watermarks per partition of its customers, the highest commit sequence number among its versions
     */
    synchronized Publication sending(Map<Integer, Long> watermarks, List<CommittedProjection> projections) {
        Publication publication = new Publication(watermarks, projections);
        pending.addLast(publication);
        return publication;
    }

    synchronized void acknowledged(Publication publication) {
        publication.outcome = Publication.Outcome.ACKNOWLEDGED;
    }

    synchronized void failed(Publication publication, Throwable cause) {
        publication.outcome = Publication.Outcome.FAILED;
        // One that an earlier new run cleared away was republished by that run: only a pending one counts.
        if (failure == null && pending.contains(publication)) {
            failure = cause;
        }
    }

    /** Whether a pending publication failed: what it left unacknowledged is for a new run to publish again. */
    synchronized boolean hasFailed() {
        return failure != null;
    }

    /**
     * Before a new run republishes what the database does not record as acknowledged: after a
     * failure, the versions acknowledged beyond it become per-customer records (unless a publication
     * that was not acknowledged holds the customer too), and every pending publication is forgotten —
     * the new run republishes those that were not acknowledged.
     */
    synchronized void startOver() {
        if (failure == null) {
            return;
        }
        coverAcknowledgedPrefix();
        Set<String> notAcknowledged = new HashSet<>();
        pending.stream().filter(p -> p.outcome != Publication.Outcome.ACKNOWLEDGED).forEach(p -> notAcknowledged.addAll(p.versions.keySet()));
        pending.stream().filter(p -> p.outcome == Publication.Outcome.ACKNOWLEDGED).forEach(p -> p.versions.forEach((customer, version) -> {
            if (!notAcknowledged.contains(customer)) {
                versions.merge(customer, version, Math::max);
            }
        }));
        pending.clear();
        failure = null;
    }

    /** What is to be recorded now, taken: {@link #putBack} it if the database did not record it. */
    synchronized ToRecord take() {
        coverAcknowledgedPrefix();
        ToRecord toRecord = new ToRecord(Map.copyOf(watermarks), Map.copyOf(versions));
        watermarks.clear();
        versions.clear();
        return toRecord;
    }

    synchronized void putBack(ToRecord notRecorded) {
        notRecorded.watermarks().forEach((partition, commitSeq) -> watermarks.merge(partition, commitSeq, Math::max));
        notRecorded.versions().forEach((customer, version) -> versions.merge(customer, version, Math::max));
    }

    /** The acknowledged publications at the head of the queue become watermarks. */
    private void coverAcknowledgedPrefix() {
        while (!pending.isEmpty() && pending.peekFirst().outcome == Publication.Outcome.ACKNOWLEDGED) {
            pending.removeFirst().watermarks.forEach((partition, commitSeq) -> watermarks.merge(partition, commitSeq, Math::max));
        }
    }
}
