package io.chipcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.json.JsonShape;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.testing.SpecExamples;
import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.kafka.TopicRecords;
import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.security.TokenIssuer;
import io.chipcast.system.fuzz.Endpoint;
import io.chipcast.system.fuzz.RequestFuzzer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bad input at every edge of the packaged services (issue 12): seeded, bounded mutations of valid
 * requests to every write endpoint and of the parameters of every read — no 5xx, no reset, a problem
 * document for every refusal, and on the topics exactly the events of the writes that were accepted.
 * Before that, values at the bounds of the contract travel through each publishing service and come
 * back from its GET exactly as they were published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestFuzzTest {

    /** Override with -Dchipcast.fuzz.seed / -Dchipcast.fuzz.requests to explore further; the build uses these. */
    private static final long SEED = Long.getLong("chipcast.fuzz.seed", 20261202L);
    private static final int REQUESTS = Integer.getInteger("chipcast.fuzz.requests", 3_000);
    private static final String READ_CUSTOMER = "fuzz-reads";

    private LocalStack stack;
    private StackHttp http;
    private TokenIssuer issuer;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        stack = SystemStacks.startReady("fuzz-stack", step -> { });
        http = new StackHttp(stack);
        issuer = LocalStack.tokenIssuer(SystemStacks.workspace("fuzz-stack"));
        admin = stack.state().adminToken();
        // The reference data and the one customer whose projection the reads ask for.
        expect(201, http.call("PUT", ChipcastService.PRICING, "/api/v1/skus/H100-SXM5-80G", admin,
                SpecExamples.CATALOG_ENTRY), 200);
        expect(201, http.call("PUT", ChipcastService.PRICING, "/api/v1/skus/H20-96G", admin,
                "{\"sku\":\"H20-96G\",\"vendor\":\"NVIDIA\",\"family\":\"Hopper\",\"tpp\":2368,\"performanceDensity\":2.9}"), 200);
        expect(201, http.call("POST", ChipcastService.PRICING, "/api/v1/prices", admin, SpecExamples.PRICE_CHANGE));
        expect(201, http.call("POST", ChipcastService.SUPPLY, "/api/v1/rulings", admin, SpecExamples.RULING), 200);
        expect(201, http.call("PUT", ChipcastService.GATEWAY, "/api/v1/customers/" + READ_CUSTOMER + "/demand-plan", admin,
                planBody()));
        expect(200, http.call("GET", ChipcastService.GATEWAY, "/api/v1/customers/" + READ_CUSTOMER
                + "/projection?minPlanVersion=1&wait=30", admin, null));
    }

    @AfterAll
    void stop() {
        SystemStacks.stop(stack);
    }

    @Test
    @Order(1)
    void valuesAtTheBoundsArePublishedAndServedBackExactlyAsPublished() throws Exception {
        String catalog = """
                {"sku":"EDGE-SKU_1.x","vendor":"Vendor 中文 😀","family":"%s","tpp":10000000,"performanceDensity":999999.9999,"memoryGb":1000000}"""
                .formatted("F".repeat(128));
        JsonNode published = publishedBy(http.call("PUT", ChipcastService.PRICING, "/api/v1/skus/EDGE-SKU_1.x", admin, catalog),
                Topics.CATALOG);
        assertServedAsPublished(http.call("GET", ChipcastService.PRICING, "/api/v1/skus/EDGE-SKU_1.x", admin, null), published);

        String price = """
                {"sku":"EDGE-SKU_1.x","market":"SPOT","currency":"USD","unitPrice":9999999999999999.99,
                 "effectiveAt":"9999-12-31T23:59:59.999999Z","source":"%s","note":"%s"}""".formatted("s".repeat(200), "ñ".repeat(1000));
        published = publishedBy(http.call("POST", ChipcastService.PRICING, "/api/v1/prices", admin, price), Topics.PRICES);
        assertServedAsPublished(http.call("GET", ChipcastService.PRICING,
                "/api/v1/prices/EDGE-SKU_1.x?market=SPOT&asOf=9999-12-31T23:59:59.999999Z", admin, null), published);

        String ruling = """
                {"rulingId":"EDGE-R","authority":"US-BIS","action":"RESTRICT","effectiveAt":"0001-01-01T00:00:00.000001Z",
                 "destinations":["CN"],"scope":{"skus":[],"minTpp":0.01,"minPerformanceDensity":0.0001}}""";
        published = publishedBy(http.call("POST", ChipcastService.SUPPLY, "/api/v1/rulings", admin, ruling), Topics.RULINGS);
        assertServedAsPublished(http.call("GET", ChipcastService.SUPPLY, "/api/v1/rulings/EDGE-R", admin, null), published);

        String shipment = """
                {"shipmentId":"EDGE-SHP","customerId":"edge-customer","sku":"H20-96G","quantity":1000000000,
                 "unitPrice":0.01,"status":"DELAYED","eta":"9999-12-31","occurredAt":"2024-01-10T17:00:00.123456+08:00"}""";
        published = publishedBy(http.call("POST", ChipcastService.SUPPLY, "/api/v1/shipments", admin, shipment), Topics.SHIPMENTS);
        assertServedAsPublished(http.call("GET", ChipcastService.SUPPLY, "/api/v1/shipments?customerId=edge-customer", admin, null),
                served -> served.get(0), published);

        String plan = """
                {"name":"%s","country":"CN","lines":[{"lineId":"L1","sku":"EDGE-SKU_1.x","quantity":1000000000,
                 "needBy":"0001-01-01","substitutes":["H20-96G"]}]}""".formatted("N".repeat(200));
        published = publishedBy(http.call("PUT", ChipcastService.GATEWAY, "/api/v1/customers/edge-customer/demand-plan", admin, plan),
                Topics.DEMAND_PLANS);
        assertServedAsPublished(http.call("GET", ChipcastService.GATEWAY, "/api/v1/customers/edge-customer/demand-plan", admin, null),
                published);
    }

    @Test
    @Order(2)
    void mutatedRequestsGetNoServerErrorNorAResetAndOnlyWhatWasAcceptedIsPublished() throws Exception {
        Set<String> before = new HashSet<>(SystemStacks.eventIdsOnInputTopics(stack));
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, http::url, new RequestFuzzer.Tokens(admin,
                issuer.mint("analyst", List.of(), Duration.ofHours(1)), issuer.mint("publisher", List.of(), Duration.ofHours(1)),
                issuer.mint("viewer", List.of("someone-else"), Duration.ofHours(1)), issuer.mintWithForeignKey("admin"),
                issuer.mintExpired("admin"), TokenIssuer.withNewKeys("https://elsewhere.example").mint("admin", List.of(), Duration.ofHours(1))));
        List<Endpoint> endpoints = endpoints();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> notSent = new TreeMap<>();
        Set<String> accepted = new HashSet<>();
        List<String> failures = new ArrayList<>();
        String previous = "none";
        HttpClient client = newClient();
        for (int i = 0; i < REQUESTS; i++) {
            RequestFuzzer.Request request = fuzzer.next(endpoints);
            HttpRequest built;
            try {
                built = build(request);
            } catch (IllegalArgumentException refusedByTheClient) {
                // A header value the JDK's client will not send (it follows RFC 9110 too): not a request.
                notSent.merge(refusedByTheClient.getMessage().replaceAll(":.*", ""), 1, Integer::sum);
                continue;
            }
            try {
                Answer answer = send(client, built, request.endpoint().stream());
                byStatus.merge(answer.status(), 1, Integer::sum);
                check(request, answer, accepted, failures);
                previous = answer.status() + " to " + request;
                if (answer.status() == 414 || answer.status() == 431) {
                    // Vert.x answers these in HTTP/1.0 and closes the connection; JDK 17's client would
                    // send the next request on it all the same and read nothing. A new client, a new connection.
                    client = newClient();
                }
            } catch (IOException reset) {
                failures.add("no answer (" + reset + ") to " + request + ", after " + previous);
                previous = "no answer";
            }
        }
        report(byStatus, notSent, accepted.size(), failures);
        assertThat(failures).as("requests answered with a server error, a reset or no problem document").isEmpty();
        assertThat(byStatus.keySet()).as("statuses answered").contains(200, 201, 400, 401, 403, 404, 413, 422);

        // Accepted writes reach their topics through the outbox; refused ones never do.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> published = publishedSince(before);
        while (!published.containsAll(accepted) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            published = publishedSince(before);
        }
        assertThat(new HashSet<>(published)).as("events on the input topics since the fuzz began").isEqualTo(accepted);
        assertThat(published).as("each published once").doesNotHaveDuplicates();
    }

    /** What the fuzz sends requests to: every endpoint of the four services, with a valid request of its own. */
    private List<Endpoint> endpoints() {
        String whatIf = "{\"priceChanges\":[" + SpecExamples.PRICE_CHANGE + "],\"rulings\":[" + SpecExamples.RULING + "]}";
        Map<String, String> sku = Map.of("sku", "H100-SXM5-80G");
        Map<String, String> reads = Map.of("customerId", READ_CUSTOMER);
        return List.of(
                Endpoint.write(ChipcastService.PRICING, "PUT", "/api/v1/skus/{sku}", Map.of("sku", "FUZZ-SKU"),
                        SpecExamples.CATALOG_ENTRY.replace("H100-SXM5-80G", "FUZZ-SKU"), Topics.CATALOG, false),
                Endpoint.read(ChipcastService.PRICING, "/api/v1/skus", Map.of(), Map.of("limit", "2", "after", "A")),
                Endpoint.read(ChipcastService.PRICING, "/api/v1/skus/{sku}", sku, Map.of()),
                Endpoint.write(ChipcastService.PRICING, "POST", "/api/v1/prices", Map.of(), SpecExamples.PRICE_CHANGE, Topics.PRICES, true),
                Endpoint.read(ChipcastService.PRICING, "/api/v1/prices/{sku}", sku, Map.of("market", "LIST", "asOf", "2024-06-01T00:00:00Z")),
                Endpoint.read(ChipcastService.PRICING, "/api/v1/prices/{sku}/history", sku, Map.of("market", "SPOT", "limit", "5")),
                Endpoint.write(ChipcastService.SUPPLY, "POST", "/api/v1/rulings", Map.of(), SpecExamples.RULING, Topics.RULINGS, false),
                Endpoint.write(ChipcastService.SUPPLY, "POST", "/api/v1/rulings", Map.of(), SpecExamples.LIFT, Topics.RULINGS, false),
                Endpoint.read(ChipcastService.SUPPLY, "/api/v1/rulings", Map.of(), Map.of("limit", "1")),
                Endpoint.read(ChipcastService.SUPPLY, "/api/v1/rulings/{rulingId}", Map.of("rulingId", "BIS-2023-10-17"), Map.of()),
                Endpoint.write(ChipcastService.SUPPLY, "POST", "/api/v1/shipments", Map.of(), SpecExamples.SHIPMENT_EVENT,
                        Topics.SHIPMENTS, true),
                Endpoint.read(ChipcastService.SUPPLY, "/api/v1/shipments", Map.of(), Map.of("customerId", "acme-ai", "limit", "3")),
                Endpoint.read(ChipcastService.SUPPLY, "/api/v1/shipments/{shipmentId}", Map.of("shipmentId", "SHP-1001"), Map.of()),
                Endpoint.write(ChipcastService.GATEWAY, "PUT", "/api/v1/customers/{customerId}/demand-plan",
                        Map.of("customerId", "fuzz-writes"), planBody(), Topics.DEMAND_PLANS, false),
                Endpoint.read(ChipcastService.GATEWAY, "/api/v1/customers/{customerId}/demand-plan", reads, Map.of()),
                Endpoint.read(ChipcastService.GATEWAY, "/api/v1/customers/{customerId}/projection", reads,
                        Map.of("minPlanVersion", "1", "wait", "5")),
                Endpoint.read(ChipcastService.GATEWAY, "/api/v1/customers/{customerId}/projection/history", reads,
                        Map.of("minPlanVersion", "1", "wait", "5", "limit", "2", "after", "0")),
                Endpoint.query(ChipcastService.GATEWAY, "/api/v1/customers/{customerId}/what-if", reads, whatIf),
                Endpoint.read(ChipcastService.GATEWAY, "/api/v1/customers", Map.of(), Map.of("limit", "10")),
                Endpoint.stream(ChipcastService.GATEWAY, "/api/v1/customers/{customerId}/alerts", reads, Map.of("type", "COST_CHANGED")),
                Endpoint.read(ChipcastService.FORECAST, "/api/v1/projections/{customerId}", reads, Map.of()),
                Endpoint.read(ChipcastService.FORECAST, "/api/v1/projections/{customerId}/history", reads, Map.of("limit", "1")),
                Endpoint.query(ChipcastService.FORECAST, "/api/v1/projections/{customerId}/what-if", reads, whatIf));
    }

    private static String planBody() {
        return """
                {"name":"Fuzz","country":"US","lines":[{"lineId":"L1","sku":"H100-SXM5-80G","quantity":1000,
                 "needBy":"2031-06-30","substitutes":["H20-96G"]}]}""";
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static HttpRequest build(RequestFuzzer.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
        return builder.build();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static Answer send(HttpClient client, HttpRequest request, boolean stream) throws IOException, InterruptedException {
        if (stream) {
            // An alert stream stays open: its status and type are the answer; the body is left unread.
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String text = response.statusCode() >= 300 ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
                return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), text);
            }
        }
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static void check(RequestFuzzer.Request request, Answer answer, Set<String> accepted, List<String> failures) {
        int status = answer.status();
        if (status >= 500) {
            failures.add(status + " to " + request + ": " + abbreviate(answer.body()));
        } else if (status >= 400 && !answer.contentType().startsWith("application/problem+json")
                && status != 414 && status != 431) {
            // 414 and 431 come from the HTTP layer, before any chipcast code, for a request line beyond 4 KB or headers beyond 20 KB.
            failures.add(status + " without a problem document (" + answer.contentType() + ") to " + request);
        } else if (status < 300 && request.endpoint().publishesTo() != null) {
            JsonNode body = Json.parseTree(answer.body().getBytes(StandardCharsets.UTF_8));
            for (JsonNode written : body.isArray() ? body : List.of(body)) {
                accepted.add(written.path("eventId").asText());
            }
        }
    }

    private List<String> publishedSince(Set<String> before) {
        return SystemStacks.eventIdsOnInputTopics(stack).stream().filter(id -> !before.contains(id)).toList();
    }

    private static void report(Map<Integer, Integer> byStatus, Map<String, Integer> notSent, int accepted, List<String> failures)
            throws IOException {
        StringBuilder report = new StringBuilder("request fuzz: seed " + SEED + ", " + REQUESTS + " requests\n");
        byStatus.forEach((status, count) -> report.append("  ").append(status).append(": ").append(count).append('\n'));
        notSent.forEach((reason, count) -> report.append("  not sent by the JDK client (").append(reason).append("): ")
                .append(count).append('\n'));
        report.append("  accepted writes: ").append(accepted).append('\n');
        report.append("  failures: ").append(failures.size()).append('\n');
        failures.stream().limit(50).forEach(failure -> report.append("    ").append(failure).append('\n'));
        Files.writeString(Path.of("target", "request-fuzz-report.txt"), report);
        System.out.print(report);
    }

    /** The published payload of a write's event, read from its topic. */
    private JsonNode publishedBy(java.net.http.HttpResponse<String> write, Topic<String, ?> topic) throws Exception {
        assertThat(write.statusCode()).as(write.body()).isIn(200, 201);
        String eventId = StackHttp.json(write).path("eventId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(stack.infrastructure().kafkaBootstrapServers(), topic.name())) {
                if (eventId.equals(CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID))) {
                    topic.read(record.value());
                    return Json.parseTree(record.value());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event " + eventId + " never reached " + topic);
    }

    private static void assertServedAsPublished(java.net.http.HttpResponse<String> read, JsonNode published) {
        assertServedAsPublished(read, served -> served, published);
    }

    /** The object {@code find} picks out of the answer has every field of the published payload, with its value. */
    private static void assertServedAsPublished(java.net.http.HttpResponse<String> read, UnaryOperator<JsonNode> find,
            JsonNode published) {
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode served = find.apply(StackHttp.json(read));
        assertThat(JsonShape.view(served, published)).as("served %s, published %s", served, published)
                .isEqualTo(JsonShape.view(published, published));
    }

    private static void expect(int status, java.net.http.HttpResponse<String> response, int... alternatives) {
        List<Integer> allowed = new ArrayList<>(List.of(status));
        for (int alternative : alternatives) {
            allowed.add(alternative);
        }
        assertThat(response.statusCode()).as(response.body()).isIn(allowed);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
