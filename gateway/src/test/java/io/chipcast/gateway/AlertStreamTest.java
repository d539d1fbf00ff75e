package io.chipcast.gateway;

import static io.chipcast.gateway.ForecastEvents.alert;
import static io.chipcast.gateway.ForecastEvents.json;
import static io.chipcast.gateway.ForecastEvents.projection;
import static io.chipcast.gateway.ForecastEvents.withLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.devstack.http.SseClient;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Alert streams on the real broker: snapshot, live events, resume, reset, filter, heartbeats, slow subscribers. */
@QuarkusTest
class AlertStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI root;

    @Test
    void aStreamStartsWithTheSnapshotThenCarriesEachProjectionAndAlertWithAnId() {
        String customer = unique("live");
        ForecastStub.answer(customer, 200, json(projection(customer, 3, 1, 1000)));

        try (SseClient stream = connect(customer, TestTokens.viewer(customer), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            SseClient.Event snapshot = stream.next(WAIT);
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(Json.read(snapshot.data(), Projection.class).version()).isEqualTo(3L);

            TopicWriter.publish(Topics.PROJECTIONS, projection(customer, 4, 1, 1500), "forecast-service");
            TopicWriter.publish(Topics.ALERTS, alert(customer, AlertType.COST_CHANGED), "forecast-service");
            TopicWriter.publish(Topics.PROJECTIONS, projection(unique("someone-else"), 1, 1, 1), "forecast-service");

            List<SseClient.Event> events = stream.next(2, WAIT);
            assertThat(events).extracting(SseClient.Event::name).containsExactly("projection", "alert");
            assertThat(Json.read(events.get(0).data(), Projection.class).version()).isEqualTo(4L);
            assertThat(Json.read(events.get(1).data(), Alert.class).type()).isEqualTo(AlertType.COST_CHANGED);
            assertThat(events).extracting(SseClient.Event::id).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(stream.poll(Duration.ofSeconds(1))).as("nothing of other customers").isNull();
            await().atMost(WAIT).until(() -> stream.comments() > 0);
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyWhatItMissed() {
        String customer = unique("resume");
        ForecastStub.answer(customer, 200, json(projection(customer, 1, 1, 1000)));
        String lastSeen;
        try (SseClient stream = connect(customer, TestTokens.analyst(), null)) {
            stream.next(WAIT);
            TopicWriter.publish(Topics.PROJECTIONS, projection(customer, 2, 1, 1100), "forecast-service");
            lastSeen = stream.next(WAIT).id();
        }
        TopicWriter.publish(Topics.ALERTS, alert(customer, AlertType.SHORTFALL), "forecast-service");
        TopicWriter.publish(Topics.PROJECTIONS, projection(customer, 3, 1, 1200), "forecast-service");

        try (SseClient resumed = connect(customer, TestTokens.analyst(), lastSeen)) {
            List<SseClient.Event> missed = resumed.next(2, WAIT);
            assertThat(missed).extracting(SseClient.Event::name).containsExactly("alert", "projection");
            assertThat(Json.read(missed.get(1).data(), Projection.class).version()).isEqualTo(3L);
            TopicWriter.publish(Topics.PROJECTIONS, projection(customer, 4, 1, 1300), "forecast-service");
            SseClient.Event live = resumed.next(WAIT);
            assertThat(Json.read(live.data(), Projection.class).version()).as("then live, nothing twice").isEqualTo(4L);

            // Resuming from the last id again: nothing was missed.
            try (SseClient again = connect(customer, TestTokens.analyst(), live.id())) {
                assertThat(again.poll(Duration.ofSeconds(2))).isNull();
            }
        }
    }

    @Test
    void aLastEventIdBeyondWhatIsRetainedGetsAResetAndAFreshSnapshot() {
        String customer = unique("reset");
        ForecastStub.answer(customer, 200, json(projection(customer, 1, 1, 1000)));
        String first;
        try (SseClient stream = connect(customer, TestTokens.admin(), null)) {
            first = stream.next(WAIT).id();
        }
        // More than the 40 events retained per partition (test configuration) pass while it is away.
        TopicWriter.publishAll(Topics.PROJECTIONS, IntStream.rangeClosed(2, 60)
                .mapToObj(v -> projection(customer, v, 1, 1000 + v)).toList(), "forecast-service");
        ForecastStub.answer(customer, 200, json(projection(customer, 60, 1, 1060)));
        await().atMost(WAIT).until(() -> {
            try (SseClient probe = connect(customer, TestTokens.admin(), null)) {
                return Json.read(probe.next(WAIT).data(), Projection.class).version() == 60L;
            }
        });

        for (String lastEventId : List.of(first, "not-an-id")) {
            try (SseClient resumed = connect(customer, TestTokens.admin(), lastEventId)) {
                List<SseClient.Event> events = resumed.next(2, WAIT);
                assertThat(events).extracting(SseClient.Event::name).containsExactly("reset", "snapshot");
                assertThat(Json.read(events.get(1).data(), Projection.class).version()).isEqualTo(60L);
            }
        }
    }

    @Test
    void theTypeFilterKeepsOnlyTheAlertsAskedFor() {
        String customer = unique("filter");
        try (SseClient stream = SseClient.connect(root.resolve("api/v1/customers/" + customer + "/alerts?type=LINE_BLOCKED,SHORTFALL"),
                TestTokens.admin(), null)) {
            assertThat(stream.next(WAIT).data()).as("no projection yet").isEqualTo("null");
            TopicWriter.publish(Topics.ALERTS, alert(customer, AlertType.COST_CHANGED), "forecast-service");
            TopicWriter.publish(Topics.ALERTS, alert(customer, AlertType.LINE_BLOCKED), "forecast-service");
            assertThat(Json.read(stream.next(WAIT).data(), Alert.class).type()).isEqualTo(AlertType.LINE_BLOCKED);
        }
        RestAssured.given().auth().oauth2(TestTokens.admin()).get(root.resolve("api/v1/customers/" + customer + "/alerts?type=NOISE"))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSubscriberThatDoesNotReadIsToldAndDroppedWhileOthersGetEverything() throws Exception {
        String customer = unique("slow");
        try (Socket slow = new Socket(); SseClient reader = connect(customer, TestTokens.admin(), null)) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(root.getHost(), root.getPort()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET /api/v1/customers/" + customer + "/alerts HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + TestTokens.admin() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            reader.next(WAIT);
            double droppedBefore = dropped();

            // About 20 MB: more than the kernel buffers between the gateway and a reader that reads nothing.
            int count = 10_000;
            TopicWriter.publishAll(Topics.PROJECTIONS, LongStream.rangeClosed(1, count)
                    .mapToObj(v -> withLines(customer, v, 1, 1000 + v, 6)).toList(), "forecast-service");

            assertThat(reader.next(count, Duration.ofSeconds(90))).extracting(e -> Json.read(e.data(), Projection.class).version())
                    .as("the reading subscriber gets every event, in order").containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
            await().atMost(WAIT).until(() -> dropped() > droppedBefore);
            assertThat(readUntil(slow.getInputStream(), "did not keep up")).as("told before being disconnected").isTrue();
        }
    }

    @Test
    void theAlertFeedCarriesEveryCustomersAlertsAsFilteredAndResumesWhereTheClientLeft() {
        String first = unique("feed-a");
        String second = unique("feed-b");
        String feed = "api/v1/alerts?customerId=" + first + "," + second + "&severity=WARNING,CRITICAL";
        String lastSeen;
        AlertType unseen;
        try (SseClient stream = SseClient.connect(root.resolve(feed), TestTokens.analyst(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(WAIT).name()).isEqualTo("open");
            TopicWriter.publish(Topics.ALERTS, alert(first, AlertType.COST_CHANGED), "forecast-service");
            TopicWriter.publish(Topics.PROJECTIONS, projection(first, 2, 1, 1100), "forecast-service");
            TopicWriter.publish(Topics.ALERTS, alert(unique("feed-other"), AlertType.COST_CHANGED), "forecast-service");
            TopicWriter.publish(Topics.ALERTS, alert(second, AlertType.SHORTFALL, Severity.INFO), "forecast-service");
            TopicWriter.publish(Topics.ALERTS, alert(second, AlertType.LINE_BLOCKED, Severity.CRITICAL), "forecast-service");

            // Two customers, two partitions: the feed may read them in either order.
            List<SseClient.Event> events = stream.next(2, WAIT);
            assertThat(events).extracting(SseClient.Event::name).containsOnly("alert");
            assertThat(events).extracting(event -> Json.read(event.data(), Alert.class).type())
                    .containsExactlyInAnyOrder(AlertType.COST_CHANGED, AlertType.LINE_BLOCKED);
            assertThat(stream.poll(Duration.ofSeconds(1))).as("no projection, no other customer, no INFO").isNull();
            lastSeen = events.get(0).id();
            unseen = Json.read(events.get(1).data(), Alert.class).type();
        }
        TopicWriter.publish(Topics.ALERTS, alert(first, AlertType.SHORTFALL), "forecast-service");

        try (SseClient resumed = SseClient.connect(root.resolve(feed), TestTokens.analyst(), lastSeen)) {
            List<SseClient.Event> missed = resumed.next(2, WAIT);
            assertThat(missed).extracting(event -> Json.read(event.data(), Alert.class).type())
                    .as("what came after the last id, on every partition").containsExactly(unseen, AlertType.SHORTFALL);
            TopicWriter.publish(Topics.ALERTS, alert(second, AlertType.COST_CHANGED), "forecast-service");
            assertThat(Json.read(resumed.next(WAIT).data(), Alert.class).customerId()).as("then live").isEqualTo(second);
        }
        try (SseClient reset = SseClient.connect(root.resolve(feed), TestTokens.analyst(), "alerts.0")) {
            assertThat(reset.next(WAIT).name()).as("an id that names too few partitions").isEqualTo("reset");
        }
    }

    @Test
    void aViewerSeesOnlyItsOwnCustomersInTheAlertFeed() {
        String own = unique("feed-own");
        String foreign = unique("feed-foreign");
        try (SseClient stream = SseClient.connect(root.resolve("api/v1/alerts"), TestTokens.viewer(own), null)) {
            assertThat(stream.next(WAIT).name()).isEqualTo("open");
            TopicWriter.publish(Topics.ALERTS, alert(foreign, AlertType.COST_CHANGED), "forecast-service");
            TopicWriter.publish(Topics.ALERTS, alert(own, AlertType.COST_CHANGED), "forecast-service");
            assertThat(Json.read(stream.next(WAIT).data(), Alert.class).customerId()).isEqualTo(own);
            assertThat(stream.poll(Duration.ofSeconds(1))).isNull();
        }
        RestAssured.given().auth().oauth2(TestTokens.viewer(own)).get(root.resolve("api/v1/alerts?customerId=" + foreign))
                .then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(TestTokens.admin()).get(root.resolve("api/v1/alerts?severity=LOUD"))
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Reads the raw stream until {@code text} appears (true) or it ends (false). */
    private static boolean readUntil(InputStream in, String text) throws Exception {
        byte[] buffer = new byte[65536];
        String tail = "";
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            tail = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
            if (tail.contains(text)) {
                return true;
            }
            tail = tail.substring(Math.max(0, tail.length() - text.length()));
        }
        return false;
    }

    private static double dropped() {
        String metrics = RestAssured.get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith("chipcast_gateway_stream_subscribers_dropped_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private SseClient connect(String customer, String token, String lastEventId) {
        return SseClient.connect(root.resolve("api/v1/customers/" + customer + "/alerts"), token, lastEventId);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
