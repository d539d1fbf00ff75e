package io.chipcast.bench;

import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * Splits the end-to-end time of each projection into the stages its timestamps bound, so that a
 * slow p99 points at where the time goes: waiting for the pipeline (cause's ce_time to the
 * engine's computedAt), the rest of the batch (to the outbox event's ce_time, taken as the commit
 * starts), commit and relay (to the record's timestamp, set as the relay sends it) and delivery
 * (to the watcher's poll).
 */
final class Stages {

    private final Histogram toPipeline = new Histogram(3);
    private final Histogram toCommit = new Histogram(3);
    private final Histogram toRelay = new Histogram(3);
    private final Histogram toConsumer = new Histogram(3);

    synchronized void record(Instant causeTime, Instant computedAt, Instant committing, long sentMillis, long receivedMillis) {
        long cause = causeTime.toEpochMilli();
        long computed = computedAt.toEpochMilli();
        toPipeline.recordValue(Math.max(0, computed - cause));
        toCommit.recordValue(Math.max(0, committing.toEpochMilli() - computed));
        toRelay.recordValue(Math.max(0, sentMillis - committing.toEpochMilli()));
        toConsumer.recordValue(Math.max(0, receivedMillis - sentMillis));
    }

    synchronized void print() {
        System.out.printf("  stages p50/p99/max ms: to pipeline %s, batch to commit %s, commit+relay to send %s, send to consumer %s%n",
                format(toPipeline), format(toCommit), format(toRelay), format(toConsumer));
    }

    private static String format(Histogram histogram) {
        return histogram.getValueAtPercentile(50) + "/" + histogram.getValueAtPercentile(99) + "/" + histogram.getMaxValue();
    }
}
