package io.chipcast.bench;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.devstack.http.SseClient;
import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.Workspace;
import io.chipcast.devstack.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The one alert feed ({@code GET /api/v1/alerts}, ADR 014) delivering to many subscribers at once,
 * on a stack started by {@code ./chipcast up}: N customers planning one SKU of this run, S
 * subscribers to the feed (an analyst each, every alert), then price changes of that SKU, each
 * moving every customer's cost enough for a COST_CHANGED alert. Per delivery, the time from the
 * alert's {@code at} (forecast-service's clock, the same machine's) to a subscriber reading it;
 * and the deliveries per second from the price change to the last subscriber's last alert.
 *
 * <p>With {@code webhooks} > 0, as many webhook subscriptions deliver the same alerts to a receiver in
 * this process (the gateway must allow loopback: {@code -Dchipcast.gateway.webhooks.allowed-destinations=127.0.0.1}
 * in {@code CHIPCAST_SERVICE_JAVA_OPTS}), measured the same way.
 *
 * <p>Usage: {@code AlertFeedLoad [customers=1000] [subscribers=100] [changes=3] [webhooks=0]}.
 */
public final class AlertFeedLoad {

    private static final URI GATEWAY = URI.create("http://localhost:8080");
    private static final URI PRICING = URI.create("http://localhost:8081");
    private static final URI SUPPLY = URI.create("http://localhost:8082");
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String sku = "FEED-" + run;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin;
    private final String analyst;

    private AlertFeedLoad(String admin, String analyst) {
        this.admin = admin;
        this.analyst = analyst;
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int webhooks = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        var issuer = LocalStack.tokenIssuer(Workspace.fromSystemProperty());
        new AlertFeedLoad(issuer.mint("admin", List.of(), Duration.ofHours(1)), issuer.mint("analyst", List.of(), Duration.ofHours(1)))
                .run(customers, subscribers, changes, webhooks);
        System.exit(0);
    }

    private void run(int customers, int subscribers, int changes, int webhooks) throws Exception {
        setUp(customers);
        WebhookReceiver receiver = webhooks > 0 ? new WebhookReceiver("feed-" + run + "-") : null;
        for (int i = 0; i < webhooks; i++) {
            subscribe(receiver.url());
        }
        List<Subscriber> feed = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            feed.add(new Subscriber(SseClient.connect(GATEWAY.resolve("/api/v1/alerts?type=COST_CHANGED"), analyst, null), customers));
        }
        feed.forEach(Subscriber::awaitOpen);
        feed.forEach(Subscriber::start);
        System.out.printf("alert feed: %d subscribers open, %d customers of %s%n", subscribers, customers, sku);

        for (int change = 1; change <= changes; change++) {
            ConcurrentHistogram latency = new ConcurrentHistogram(3);
            feed.forEach(subscriber -> subscriber.measure(latency));
            ConcurrentHistogram webhookLatency = new ConcurrentHistogram(3);
            if (receiver != null) {
                receiver.measure(webhookLatency, (long) webhooks * customers);
            }
            long sent = System.currentTimeMillis();
            postPrice(20_000 + 2_000L * change);
            for (Subscriber subscriber : feed) {
                subscriber.awaitAll(WAIT);
            }
            if (receiver != null) {
                receiver.awaitAll(WAIT);
                long took = receiver.lastAt() - sent;
                System.out.printf("webhooks, price change %d: %d alerts to each of %d subscriptions (%d deliveries) in %d ms from the change, "
                                + "%.0f deliveries/s; from an alert's at to the receiver taking it: p50 %d ms, p99 %d ms, max %d ms%n",
                        change, customers, webhooks, (long) webhooks * customers, took, webhooks * customers * 1000.0 / Math.max(1, took),
                        webhookLatency.getValueAtPercentile(50), webhookLatency.getValueAtPercentile(99), webhookLatency.getMaxValue());
            }
            if (feed.isEmpty()) {
                continue;
            }
            long last = feed.stream().mapToLong(Subscriber::lastReadAt).max().orElse(sent);
            long deliveries = (long) subscribers * customers;
            System.out.printf("alert feed, price change %d: %d alerts to each of %d subscribers (%d deliveries) in %d ms from the change, "
                            + "%.0f deliveries/s; from an alert's at to a subscriber reading it: p50 %d ms, p99 %d ms, max %d ms%n",
                    change, customers, subscribers, deliveries, last - sent, deliveries * 1000.0 / Math.max(1, last - sent),
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getMaxValue());
        }
        feed.forEach(Subscriber::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    private void subscribe(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(GATEWAY.resolve("/api/v1/subscriptions"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"type\":[\"COST_CHANGED\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscribing answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The run's SKU at a list price and the customers planning it, projected before anyone subscribes. */
    private void setUp(int customers) {
        StringBuilder scenario = new StringBuilder("{\"name\":\"alert-feed-" + run + "\",\"catalog\":[{\"sku\":\"" + sku
                + "\",\"vendor\":\"V\",\"family\":\"F\",\"tpp\":1000,\"performanceDensity\":1,\"memoryGb\":80}],\"events\":["
                + "{\"kind\":\"price\",\"sku\":\"" + sku + "\",\"market\":\"LIST\",\"currency\":\"USD\",\"unitPrice\":20000,"
                + "\"effectiveAt\":\"2024-01-01T00:00:00Z\",\"source\":\"bench\"}");
        for (int c = 0; c < customers; c++) {
            scenario.append(",{\"kind\":\"plan\",\"customerId\":\"feed-").append(run).append('-').append(c)
                    .append("\",\"name\":\"Feed ").append(c).append("\",\"country\":\"US\",\"version\":1,\"lines\":[{\"lineId\":\"L1\",\"sku\":\"")
                    .append(sku).append("\",\"quantity\":1000,\"needBy\":\"2030-01-01\",\"substitutes\":[]}]}");
        }
        scenario.append("]}");
        new ScenarioLoader(PRICING, SUPPLY, GATEWAY, admin).load(ScenarioFile.parse(scenario.toString().getBytes(StandardCharsets.UTF_8)),
                WAIT, line -> { });
    }

    private void postPrice(long price) throws Exception {
        String body = "{\"sku\":\"" + sku + "\",\"market\":\"LIST\",\"currency\":\"USD\",\"unitPrice\":" + price
                + ",\"effectiveAt\":\"2024-01-01T00:00:00Z\",\"source\":\"bench\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(PRICING.resolve("/api/v1/prices"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("price change answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** One subscriber: reads its stream on a thread of its own, counting this run's alerts. */
    private final class Subscriber {

        private final SseClient stream;
        private final int perChange;
        private final AtomicLong lastReadAt = new AtomicLong();
        private volatile Histogram latency;
        private volatile CountDownLatch expected = new CountDownLatch(0);
        private final Thread reader = new Thread(this::read, "feed-subscriber");

        Subscriber(SseClient stream, int perChange) {
            this.stream = stream;
            this.perChange = perChange;
            reader.setDaemon(true);
        }

        void awaitOpen() {
            SseClient.Event open = stream.next(Duration.ofSeconds(30));
            if (!open.name().equals("open")) {
                throw new IllegalStateException("the feed began with " + open.name());
            }
        }

        void start() {
            reader.start();
        }

        void measure(Histogram into) {
            latency = into;
            expected = new CountDownLatch(perChange);
        }

        void awaitAll(Duration timeout) throws InterruptedException {
            if (!expected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a subscriber read " + (perChange - expected.getCount()) + " of " + perChange + " alerts");
            }
        }

        long lastReadAt() {
            return lastReadAt.get();
        }

        private void read() {
            while (!Thread.currentThread().isInterrupted()) {
                SseClient.Event event = stream.poll(Duration.ofSeconds(1));
                if (event == null || !event.name().equals("alert")) {
                    if (event != null && event.name().equals("overflow")) {
                        throw new IllegalStateException("the gateway dropped a subscriber that did not keep up (overflow)");
                    }
                    continue;
                }
                long now = System.currentTimeMillis();
                Alert alert = Json.read(event.data(), Alert.class);
                if (alert.customerId().startsWith("feed-" + run + "-")) {
                    latency.recordValue(Math.max(0, now - alert.at().toEpochMilli()));
                    lastReadAt.accumulateAndGet(now, Math::max);
                    expected.countDown();
                }
            }
        }

        void close() {
            reader.interrupt();
            stream.close();
        }
    }
}
