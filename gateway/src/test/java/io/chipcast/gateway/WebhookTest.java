package io.chipcast.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook subscribers on the real broker, delivering to receivers on loopback (which the test
 * profile allows): signed, filtered, in order; through a receiver's outage; failing, then resumed;
 * a slow receiver holding up nobody else.
 */
@QuarkusTest
class WebhookTest {

    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();
    private final List<String> subscriptions = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopReceiversAndSubscriptions() {
        subscriptions.forEach(id -> given().auth().oauth2(TestTokens.admin()).delete("/api/v1/subscriptions/" + id));
        receivers.forEach(receiver -> receiver.server.stop(0));
    }

    @Test
    void aSubscriberGetsEveryAlertItsFiltersMatchInOrderSignedWithItsSecret() throws Exception {
        Receiver receiver = receiver();
        String customer = unique("hook");
        Map<String, Object> created = subscribe(receiver, "\"type\":[\"COST_CHANGED\"],\"customerId\":[\"" + customer + "\"]");
        String secret = (String) created.get("secret");
        assertThat(secret).startsWith("whsec_");

        List<Alert> wanted = List.of(alert(customer, AlertType.COST_CHANGED), alert(customer, AlertType.COST_CHANGED),
                alert(customer, AlertType.COST_CHANGED));
        TopicWriter.publish(Topics.ALERTS, wanted.get(0), "forecast-service");
        TopicWriter.publish(Topics.ALERTS, alert(customer, AlertType.LINE_BLOCKED), "forecast-service");
        TopicWriter.publish(Topics.ALERTS, wanted.get(1), "forecast-service");
        TopicWriter.publish(Topics.ALERTS, alert(unique("other"), AlertType.COST_CHANGED), "forecast-service");
        TopicWriter.publish(Topics.ALERTS, wanted.get(2), "forecast-service");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.taken.size() >= 3);
        assertThat(receiver.taken).extracting(Message::id).as("the matching alerts, in order, once each")
                .containsExactly(wanted.stream().map(Alert::alertId).toArray(String[]::new));
        for (Message message : receiver.taken) {
            assertThat(message.signature()).isEqualTo("v1," + hmac(secret, message.id() + "." + message.timestamp() + "." + message.body()));
            assertThat(Json.read(message.body(), Alert.class).alertId()).isEqualTo(message.id());
            assertThat(Long.parseLong(message.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        }
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/subscriptions")
                .then().statusCode(200).body("find { it.id == '" + created.get("id") + "' }.secret", equalTo(null))
                .body("find { it.id == '" + created.get("id") + "' }.state", equalTo("ACTIVE"));
    }

    @Test
    void aReceiverDownForAWhileGetsEveryAlertOnceItIsBack() throws Exception {
        Receiver receiver = receiver();
        receiver.status.set(503);
        String customer = unique("outage");
        subscribe(receiver, "\"customerId\":[\"" + customer + "\"]");
        List<Alert> alerts = List.of(alert(customer, AlertType.COST_CHANGED), alert(customer, AlertType.SHORTFALL));
        alerts.forEach(alert -> TopicWriter.publish(Topics.ALERTS, alert, "forecast-service"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refused.get() >= 2);
        receiver.status.set(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.taken.size() >= 2);
        assertThat(receiver.taken).extracting(Message::id).containsExactly(alerts.get(0).alertId(), alerts.get(1).alertId());
    }

    @Test
    void aSubscriptionThatGaveUpIsFailingUntilResumedThenDeliversFromTheAlertThatFailed() throws Exception {
        Receiver receiver = receiver();
        receiver.status.set(500);
        String customer = unique("failing");
        String id = (String) subscribe(receiver, "\"customerId\":[\"" + customer + "\"]").get("id");
        List<Alert> alerts = List.of(alert(customer, AlertType.COST_CHANGED), alert(customer, AlertType.LINE_BLOCKED));
        alerts.forEach(alert -> TopicWriter.publish(Topics.ALERTS, alert, "forecast-service"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin()).get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).body("state", equalTo("FAILING"))
                .body("lastError", org.hamcrest.Matchers.containsString("answered 500")));
        assertThat(receiver.refused.get()).as("every attempt of the test profile, then no more").isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                .containsPattern("chipcast_gateway_webhooks_failing [1-9]"));

        receiver.status.set(200);
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/subscriptions/" + id + "/resume").then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.taken.size() >= 2);
        assertThat(receiver.taken).extracting(Message::id).containsExactly(alerts.get(0).alertId(), alerts.get(1).alertId());
    }

    @Test
    void aSlowReceiverHoldsUpNoOtherSubscriber() throws Exception {
        Receiver slow = receiver();
        slow.delay = Duration.ofSeconds(4);
        Receiver quick = receiver();
        String customer = unique("both");
        subscribe(slow, "\"customerId\":[\"" + customer + "\"]");
        subscribe(quick, "\"customerId\":[\"" + customer + "\"]");
        for (int i = 0; i < 3; i++) {
            TopicWriter.publish(Topics.ALERTS, alert(customer, AlertType.COST_CHANGED), "forecast-service");
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(quick.taken).as("the quick one (the slow one has %d)",
                slow.taken.size()).hasSize(3));
        assertThat(slow.taken.size()).as("the slow one is still at its first alerts").isLessThan(3);
    }

    @Test
    void aSubscriptionIsCheckedAndOnlyAdminsAndAnalystsManageThem() throws Exception {
        for (String[] bad : List.of(new String[] {"{\"url\":\"http://10.1.2.3/hook\"}", "url"},
                new String[] {"{\"url\":\"ftp://127.0.0.1/hook\"}", "url"}, new String[] {"{}", "url"},
                new String[] {"{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"hunter2\"}", "secret"})) {
            given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body(bad[0]).post("/api/v1/subscriptions")
                    .then().statusCode(422).contentType("application/problem+json").body("violations.field", hasItem(bad[1]));
        }
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"type\":[\"NOISE\"]}").post("/api/v1/subscriptions")
                .then().statusCode(400).body("violations.field", hasItem("type"));
        given().auth().oauth2(TestTokens.viewer("someone")).get("/api/v1/subscriptions").then().statusCode(403);

        String id = (String) subscribe(receiver(), "\"type\":[\"SHORTFALL\"]").get("id");
        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/subscriptions/" + id).then().statusCode(404);
    }

    private Map<String, Object> subscribe(Receiver receiver, String filters) {
        Map<String, Object> created = given().auth().oauth2(TestTokens.analyst()).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1:" + receiver.server.getAddress().getPort() + "/hook\"" + (filters.isEmpty() ? "" : "," + filters) + "}")
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath().getMap("");
        subscriptions.add((String) created.get("id"));
        return created;
    }

    private static Alert alert(String customer, AlertType type) {
        return ForecastEvents.alert(customer, type, Severity.WARNING);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The signature a receiver computes with the secret it was given: Standard Webhooks, by hand. */
    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private record Message(String id, String timestamp, String signature, String body) {
    }

    private Receiver receiver() throws IOException {
        Receiver receiver = new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        receiver.server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = receiver.status.get();
            if (status == 200) {
                try {
                    Thread.sleep(receiver.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                receiver.taken.add(new Message(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            } else {
                receiver.refused.incrementAndGet();
            }
            // No keep-alive: the JDK's test server may leave a reused connection unanswered.
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.server.start();
        receivers.add(receiver);
        return receiver;
    }

    /** A subscriber's endpoint on loopback: answers {@code status}, taking {@code delay} over each message it accepts. */
    private static final class Receiver {
        final HttpServer server;
        final List<Message> taken = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger status = new AtomicInteger(200);
        volatile Duration delay = Duration.ZERO;

        Receiver(HttpServer server) {
            this.server = server;
        }
    }
}
