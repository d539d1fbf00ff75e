package io.chipcast.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How forecast-service batched what it consumed, from its Prometheus metrics: polls applied (with
 * their records) and database commits (with their time). Two samples give a phase's figures —
 * fewer, larger batches mean fewer transactions for the same records.
 */
record PipelineBatches(double polls, double records, double commits, double commitSeconds, double waits, double waitSeconds,
        double lookups, double lookupSeconds) {

    private static final URI METRICS = URI.create("http://localhost:8083/q/metrics");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Empty when forecast-service does not answer (another port, not started by ./chipcast). */
    static Optional<PipelineBatches> sample() {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(METRICS).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> values = new HashMap<>();
            text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
                int space = line.lastIndexOf(' ');
                if (space > 0) {
                    values.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
                }
            });
            return Optional.of(new PipelineBatches(values.getOrDefault("chipcast_forecast_batch_records_count", 0.0),
                    values.getOrDefault("chipcast_forecast_batch_records_sum", 0.0),
                    values.getOrDefault("chipcast_forecast_commit_seconds_count", 0.0),
                    values.getOrDefault("chipcast_forecast_commit_seconds_sum", 0.0),
                    values.getOrDefault("chipcast_forecast_poll_wait_seconds_count", 0.0),
                    values.getOrDefault("chipcast_forecast_poll_wait_seconds_sum", 0.0),
                    values.getOrDefault("chipcast_forecast_applied_lookup_seconds_count", 0.0),
                    values.getOrDefault("chipcast_forecast_applied_lookup_seconds_sum", 0.0)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** "a poll's oldest customer record waited 95.3 ms on average for the pipeline; looking up applied events took 1.2 ms a poll". */
    String waitsSince(PipelineBatches earlier) {
        double waited = waits - earlier.waits;
        double looked = lookups - earlier.lookups;
        return String.format("a poll's oldest customer record waited %.1f ms on average for the pipeline; looking up applied events took %.1f ms a poll",
                waited == 0 ? 0 : (waitSeconds - earlier.waitSeconds) * 1000 / waited,
                looked == 0 ? 0 : (lookupSeconds - earlier.lookupSeconds) * 1000 / looked);
    }

    /** "12 polls of 35.2 records on average; 14 commits, 0.1 s in all (7.1 ms each)". */
    String since(PipelineBatches earlier) {
        double polls = this.polls - earlier.polls;
        double commits = this.commits - earlier.commits;
        double seconds = commitSeconds - earlier.commitSeconds;
        return String.format("%.0f polls of %.1f records on average; %.0f commits, %.1f s in all (%.1f ms each)", polls,
                polls == 0 ? 0 : (records - earlier.records) / polls, commits, seconds, commits == 0 ? 0 : seconds * 1000 / commits);
    }
}
