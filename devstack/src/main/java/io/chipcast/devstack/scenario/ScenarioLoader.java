package io.chipcast.devstack.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.devstack.http.SseClient;
import io.chipcast.forecast.engine.ForecastEngine;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Replays a scenario through chipcast's public HTTP APIs, in order — catalog entries and prices to
 * pricing-service, rulings and shipment events to supply-service, plans to the gateway; consecutive
 * price changes, and consecutive shipment events, as one bulk request each — then waits until every
 * customer's projection, read through the gateway, reflects all of it.
 *
 * <p>"Reflects all of it" is exact, not a guess from quiet time: the loader runs the same events
 * through a {@link ForecastEngine} of its own, and waits until each customer's projection has that
 * content (costs and lines). Meanwhile it follows the gateway's feed of every alert (kept to the
 * scenario's customers), so it can tell which alerts the replay raised.
 *
 * <p>Each write carries an {@code Idempotency-Key} and is retried, with that same key, while its
 * service answers 503 or cannot be reached: a replay rides out a restart of a service or of its
 * database, and a write whose answer was lost is not applied twice.
 */
public final class ScenarioLoader {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** How long a write is retried while its service answers 503 or cannot be reached (it restarts, or its database does). */
    private static final Duration RETRY_WRITES_FOR = Duration.ofSeconds(90);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final URI pricing;
    private final URI supply;
    private final URI gateway;
    private final String token;

    /**
     * What the replay left: each customer's projection as the gateway answers it, the alerts raised
     * meanwhile, and the {@code ce_id} of the event each write caused, in order.
     */
    public record Result(Map<String, Projection> projections, List<Alert> alerts, List<String> eventIds) {
    }

    /** A replay that could not go on: which event, and why. */
    public static final class LoadFailure extends RuntimeException {
        public LoadFailure(String message) {
            super(message);
        }
    }

    /** @param token an admin's bearer token */
    public ScenarioLoader(URI pricing, URI supply, URI gateway, String token) {
        this.pricing = pricing;
        this.supply = supply;
        this.gateway = gateway;
        this.token = token;
    }

    /** Replays {@code scenario}; {@code progress} hears about each step. Fails naming the event a service refused. */
    public Result load(ScenarioFile scenario, Duration timeout, Consumer<String> progress) {
        Set<String> customers = customersOf(scenario);
        // One feed of every alert, kept to the scenario's customers here: one connection, however many customers.
        SseClient alerts = SseClient.connect(gateway.resolve("/api/v1/alerts"), token, null);
        try {
            // Its first event says it is open: every alert from here on is on it.
            alerts.next(Duration.ofSeconds(30));
            ForecastEngine expected = new ForecastEngine(BigDecimal.ONE, Clock.systemUTC());
            List<String> eventIds = new ArrayList<>();
            List<ScenarioFile.Event> events = scenario.events();
            SendingProgress sending = new SendingProgress(events.size(), progress);
            for (int from = 0; from < events.size(); ) {
                List<ScenarioFile.Event> together = events.subList(from, endOfBulk(events, from));
                List<JsonNode> answers = together.size() == 1 ? List.of(Json.parseTree(send(together.get(0)).getBytes(StandardCharsets.UTF_8)))
                        : sendTogether(together);
                for (int i = 0; i < together.size(); i++) {
                    ScenarioFile.Event event = together.get(i);
                    JsonNode answer = answers.get(i);
                    eventIds.add(answer.path("eventId").asText());
                    Validated payload = event.payload() instanceof DemandPlan plan ? versioned(plan, answer) : event.payload();
                    expected.apply(payload, new Cause(UUID.randomUUID().toString(), event.topic().eventType()));
                }
                from += together.size();
                sending.sent(from);
            }
            progress.accept("replayed " + scenario.events().size() + " events of " + scenario.name()
                    + "; waiting for the projections of " + customers.size() + " customers");
            Map<String, Projection> projections = awaitProjections(customers, expected, timeout);
            return new Result(projections, alertsUntilQuiet(alerts, customers), eventIds);
        } finally {
            alerts.close();
        }
    }

    /** A plan as the gateway stored it: with the version it assigned (the answer also names the event it caused). */
    private static DemandPlan versioned(DemandPlan plan, JsonNode answer) {
        return new DemandPlan(plan.customerId(), plan.name(), plan.country(), answer.path("version").asLong(), plan.lines());
    }

    private static Set<String> customersOf(ScenarioFile scenario) {
        Set<String> customers = new LinkedHashSet<>();
        for (ScenarioFile.Event event : scenario.events()) {
            if (event.payload() instanceof DemandPlan plan) {
                customers.add(plan.customerId());
            } else if (event.payload() instanceof ShipmentEvent shipment) {
                customers.add(shipment.customerId());
            }
        }
        return customers;
    }

    /** Sends one event to the service that accepts it; returns the service's answer. */
    private String send(ScenarioFile.Event event) {
        HttpRequest.Builder request;
        String body = Json.writeString(event.payload());
        if (event.payload() instanceof CatalogEntry entry) {
            request = HttpRequest.newBuilder(pricing.resolve("/api/v1/skus/" + encode(entry.sku()))).PUT(bodyOf(body));
        } else if (event.topic() == Topics.PRICES) {
            request = HttpRequest.newBuilder(pricing.resolve("/api/v1/prices")).POST(bodyOf(body));
        } else if (event.topic() == Topics.RULINGS) {
            request = HttpRequest.newBuilder(supply.resolve("/api/v1/rulings")).POST(bodyOf(body));
        } else if (event.topic() == Topics.SHIPMENTS) {
            request = HttpRequest.newBuilder(supply.resolve("/api/v1/shipments")).POST(bodyOf(body));
        } else {
            DemandPlan plan = (DemandPlan) event.payload();
            request = HttpRequest.newBuilder(gateway.resolve("/api/v1/customers/" + encode(plan.customerId()) + "/demand-plan"))
                    .PUT(bodyOf(body));
        }
        HttpResponse<String> response = write(request.header("Content-Type", "application/json"), event.where());
        if (response.statusCode() >= 300) {
            throw new LoadFailure(event.where() + " (" + event.topic().name() + ") was refused: HTTP " + response.statusCode()
                    + " " + problemDetail(response.body()));
        }
        return response.body();
    }

    /**
     * Where the run of events that can travel in one request, starting at {@code from}, ends
     * (exclusive): consecutive price changes, or consecutive shipment events, up to a bulk request's
     * bound. The order of the file is kept: a run ends at the first event of another kind.
     */
    static int endOfBulk(List<ScenarioFile.Event> events, int from) {
        Topic<String, ?> topic = events.get(from).topic();
        if (topic != Topics.PRICES && topic != Topics.SHIPMENTS) {
            return from + 1;
        }
        int to = from + 1;
        while (to < events.size() && events.get(to).topic() == topic && to - from < Limits.MAX_BULK_ITEMS) {
            to++;
        }
        return to;
    }

    /** Sends a run of price changes or shipment events as one bulk request (all or nothing); returns each one's answer, in order. */
    private List<JsonNode> sendTogether(List<ScenarioFile.Event> together) {
        ScenarioFile.Event first = together.get(0);
        URI endpoint = first.topic() == Topics.PRICES ? pricing.resolve("/api/v1/prices") : supply.resolve("/api/v1/shipments");
        String body = Json.writeString(together.stream().map(ScenarioFile.Event::payload).toList());
        String what = first.where() + " to " + together.get(together.size() - 1).where();
        HttpResponse<String> response = write(HttpRequest.newBuilder(endpoint).POST(bodyOf(body)).header("Content-Type", "application/json"), what);
        if (response.statusCode() >= 300) {
            throw new LoadFailure(what + " (" + together.size() + " events of " + first.topic().name() + ", sent together; [i] counts from "
                    + first.where() + ") were refused: HTTP " + response.statusCode() + " " + problemDetail(response.body()));
        }
        List<JsonNode> answers = new ArrayList<>();
        Json.parseTree(response.body().getBytes(StandardCharsets.UTF_8)).forEach(answers::add);
        return answers;
    }

    /** Polls the gateway until every customer's projection has the content the loader's own engine computed. */
    private Map<String, Projection> awaitProjections(Set<String> customers, ForecastEngine expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Projection> current = new LinkedHashMap<>();
        List<String> behind = new ArrayList<>(customers);
        while (true) {
            for (String customer : List.copyOf(behind)) {
                HttpResponse<String> response = call(HttpRequest.newBuilder(
                        gateway.resolve("/api/v1/customers/" + encode(customer) + "/projection")).GET(), customer);
                if (response.statusCode() == 200) {
                    Projection projection = Json.read(response.body(), Projection.class);
                    current.put(customer, projection);
                    if (expected.projection(customer).map(want -> sameContent(want, projection)).orElse(true)) {
                        behind.remove(customer);
                    }
                } else if (response.statusCode() == 404 && expected.projection(customer).isEmpty()) {
                    behind.remove(customer);
                }
            }
            if (behind.isEmpty()) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new LoadFailure("the projections of " + behind + " did not reflect the scenario within " + timeout.toSeconds()
                        + " s (is forecast-service running? see its log)");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** Costs and lines equal, whatever the version, time and cause. */
    private static boolean sameContent(Projection a, Projection b) {
        return a.projectedCost().compareTo(b.projectedCost()) == 0 && a.blockedValue().compareTo(b.blockedValue()) == 0
                && Json.writeString(a.lines()).equals(Json.writeString(b.lines()));
    }

    /** The customers' alerts the feed carried, once it has been quiet for a moment (alerts follow their projection). */
    private static List<Alert> alertsUntilQuiet(SseClient feed, Set<String> customers) {
        List<Alert> alerts = new ArrayList<>();
        boolean heard = true;
        while (heard) {
            heard = false;
            for (SseClient.Event event = feed.poll(Duration.ZERO); event != null; event = feed.poll(Duration.ZERO)) {
                heard = true;
                if (event.name().equals("alert")) {
                    Alert alert = Json.read(event.data(), Alert.class);
                    if (customers.contains(alert.customerId())) {
                        alerts.add(alert);
                    }
                }
            }
            if (!heard) {
                sleep(QUIET);
                heard = feed.hasEvents();
            }
        }
        alerts.sort(Comparator.comparing(Alert::at));
        return alerts;
    }

    /** Sends a write, and again with the same idempotency key while it is answered 503 or not at all. */
    private HttpResponse<String> write(HttpRequest.Builder request, String what) {
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        long deadline = System.nanoTime() + RETRY_WRITES_FOR.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = attempt(request);
                if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                    return response;
                }
                sleep(retryAfter(response));
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw unreachable(request, what, e);
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private HttpResponse<String> call(HttpRequest.Builder request, String what) {
        try {
            return attempt(request);
        } catch (java.io.IOException e) {
            throw unreachable(request, what, e);
        }
    }

    private HttpResponse<String> attempt(HttpRequest.Builder request) throws java.io.IOException {
        try {
            return HTTP.send(request.setHeader("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted");
        }
    }

    private static LoadFailure unreachable(HttpRequest.Builder request, String what, java.io.IOException e) {
        return new LoadFailure(what + ": " + request.build().uri() + " cannot be reached (" + e.getMessage() + ")");
    }

    /** The pause a 503 asks for (Retry-After, in seconds), at most {@link #LONGEST_RETRY_PAUSE}; a second when it names none. */
    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, LONGEST_RETRY_PAUSE.toSeconds())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private static String problemDetail(String body) {
        try {
            var problem = Json.parseTree(body.getBytes(StandardCharsets.UTF_8));
            return problem.path("detail").asText(body);
        } catch (RuntimeException e) {
            return body;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted");
        }
    }

    /** Tells how far the sending is, every {@link #PROGRESS_EVERY} at most: a large file takes a while. */
    private static final class SendingProgress {
        private final int total;
        private final Consumer<String> progress;
        private final long started = System.nanoTime();
        private long lastTold = started;

        SendingProgress(int total, Consumer<String> progress) {
            this.total = total;
            this.progress = progress;
        }

        void sent(int count) {
            long now = System.nanoTime();
            if (count < total && now - lastTold >= PROGRESS_EVERY.toNanos()) {
                lastTold = now;
                progress.accept(String.format("sent %,d of %,d events (%,.0f events/s)", count, total, count / ((now - started) / 1e9)));
            }
        }
    }
}
