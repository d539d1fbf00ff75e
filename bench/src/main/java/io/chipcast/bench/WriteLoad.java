package io.chipcast.bench;

import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Sustained accepted writes per second of pricing-service, single and bulk, and the outbox's
 * delay from commit to topic. Runs against a local stack ({@code ./chipcast up --no-scenario
 * --detach}) on loopback, for a bounded time, and stops by itself.
 *
 * <pre>java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.chipcast.bench.WriteLoad [seconds] [concurrency]</pre>
 */
public final class WriteLoad {

    private static final String PRICING = "http://localhost:8081";
    private static final String KAFKA = "127.0.0.1:9092";
    private static final int SKUS = 50;
    private static final int BULK_SIZE = 1000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;
    private final String prefix = "BENCH-" + Long.toString(System.nanoTime(), 36) + "-";
    /** Events accepted so far (warm-up included): what the probe must see before a phase is drained. */
    private final AtomicLong accepted = new AtomicLong();

    private WriteLoad(String token) {
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        String token = LocalStack.tokenIssuer(Workspace.fromSystemProperty()).mint("publisher", List.of(), Duration.ofHours(1));
        new WriteLoad(token).run(Duration.ofSeconds(seconds), concurrency);
    }

    private void run(Duration duration, int concurrency) throws Exception {
        for (int i = 0; i < SKUS; i++) {
            send("PUT", "/api/v1/skus/" + prefix + i, """
                    {"vendor":"NVIDIA","family":"Hopper","tpp":15832,"performanceDensity":19.45,"memoryGb":80}""").join();
        }
        try (PublishDelayProbe probe = new PublishDelayProbe(KAFKA, "chip.prices", prefix)) {
            // Warm-up: the JIT and the connection pools, not measured.
            phase("warm-up", Duration.ofSeconds(5), concurrency, 1, () -> priceChange());
            awaitDrained(probe);
            probe.takeDelays();

            Result single = phase("single", duration, concurrency, 1, () -> priceChange());
            awaitDrained(probe);
            report(single, probe.takeDelays());

            Result bulk = phase("bulk", duration, Math.max(1, concurrency / 8), BULK_SIZE, this::bulk);
            awaitDrained(probe);
            report(bulk, probe.takeDelays());
        }
    }

    private Result phase(String name, Duration duration, int concurrency, int itemsPerRequest, Supplier<String> body)
            throws InterruptedException {
        Histogram latency = new Histogram(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = send("POST", "/api/v1/prices", body.get()).join();
                    synchronized (latency) {
                        latency.recordValue((System.nanoTime() - sent) / 1000);
                    }
                    if (response.statusCode() == 201) {
                        requests.incrementAndGet();
                        accepted.addAndGet(itemsPerRequest);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(name, concurrency, requests.get(), requests.get() * itemsPerRequest, failures.get(), elapsed, latency);
    }

    private void awaitDrained(PublishDelayProbe probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (probe.seen() < accepted.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (probe.seen() < accepted.get()) {
            System.out.printf("! only %d of %d accepted events reached chip.prices within 120 s%n", probe.seen(), accepted.get());
        }
    }

    private static void report(Result result, Histogram delays) {
        System.out.printf("%-6s concurrency %2d: %6d requests, %7d events in %.1f s = %8.0f events/s (%6.0f requests/s), %d failed;"
                        + " request p50 %.1f ms p99 %.1f ms; commit-to-topic p50 %.1f ms p99 %.1f ms (n=%d)%n",
                result.name, result.concurrency, result.requests, result.events, result.seconds, result.events / result.seconds,
                result.requests / result.seconds, result.failures,
                result.latency.getValueAtPercentile(50) / 1000.0, result.latency.getValueAtPercentile(99) / 1000.0,
                delays.getValueAtPercentile(50) / 1000.0, delays.getValueAtPercentile(99) / 1000.0, delays.getTotalCount());
    }

    private String priceChange() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"sku":"%s%d","market":"%s","currency":"USD","unitPrice":%d.%02d,"effectiveAt":"2024-01-01T00:00:00Z","source":"bench"}"""
                .formatted(prefix, random.nextInt(SKUS), random.nextBoolean() ? "LIST" : "SPOT",
                        20_000 + random.nextInt(20_000), random.nextInt(100));
    }

    private String bulk() {
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = 0; i < BULK_SIZE; i++) {
            items.add(priceChange());
        }
        return items.toString();
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(PRICING + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Result(String name, int concurrency, long requests, long events, long failures, double seconds,
            Histogram latency) {
    }
}
