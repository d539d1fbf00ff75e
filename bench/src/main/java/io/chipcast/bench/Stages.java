package io.chipcast.bench;

import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * Splits the end-to-end time of each projection into the stages its timestamps bound, so that a
 * slow p99 points at where the time goes: waiting for the pipeline (cause's ce_time to the
 * engine's computedAt), the rest of the batch, its commit and the send (to the record's timestamp,
 * set as the producer sends it) and delivery (to the watcher's poll).
 */
final class Stages {

    private final Histogram toPipeline = new Histogram(3);
    private final Histogram toSend = new Histogram(3);
    private final Histogram toConsumer = new Histogram(3);

    synchronized void record(Instant causeTime, Instant computedAt, long sentMillis, long receivedMillis) {
        long cause = causeTime.toEpochMilli();
        long computed = computedAt.toEpochMilli();
        toPipeline.recordValue(Math.max(0, computed - cause));
        toSend.recordValue(Math.max(0, sentMillis - computed));
        toConsumer.recordValue(Math.max(0, receivedMillis - sentMillis));
    }

    synchronized void print() {
        System.out.printf("  stages p50/p99/max ms: to pipeline %s, batch+commit to send %s, send to consumer %s%n",
                format(toPipeline), format(toSend), format(toConsumer));
    }

    private static String format(Histogram histogram) {
        return histogram.getValueAtPercentile(50) + "/" + histogram.getValueAtPercentile(99) + "/" + histogram.getMaxValue();
    }
}
