package io.chipcast.supply;

import static io.chipcast.supply.SupplyApi.assertNeverPublished;
import static io.chipcast.supply.SupplyApi.postShipments;
import static io.chipcast.supply.SupplyApi.shipment;
import static io.chipcast.supply.SupplyApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipmentResourceTest {

    @Test
    void aShipmentEventIsPublishedKeyedByCustomer() {
        String customer = unique("acme-ai");
        String shipmentId = unique("SHP");

        String eventId = postShipments(shipment(shipmentId, customer, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z"))
                .statusCode(201).body("shipmentId", equalTo(shipmentId)).body("eventType", equalTo("io.chipcast.shipment.updated.v1"))
                .extract().path("eventId");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitEvent("supply.shipments", eventId);
        assertThat(record.key()).isEqualTo(customer);
        assertThat(CloudEventHeaders.read(record.headers()).type()).isEqualTo("io.chipcast.shipment.updated.v1");
        assertThat(TopicReader.value(record)).contains("\"eta\":\"2024-03-01\"", "\"unitPrice\":26000.00");
    }

    @Test
    void aShipmentsStateIsItsLatestEventByOccurredAtThenArrival() {
        String customer = unique("frontier-lab");
        String shipmentId = unique("SHP");
        postShipments(shipment(shipmentId, customer, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z")).statusCode(201);
        postShipments(shipment(shipmentId, customer, "DELAYED", "2024-05-15", "2024-02-20T09:00:00Z")).statusCode(201);
        // Arrives last but happened earlier: part of the history, not the state.
        postShipments(shipment(shipmentId, customer, "SHIPPED", "2024-03-01", "2024-02-01T09:00:00Z")).statusCode(201);

        given().auth().oauth2(TestTokens.viewer(customer)).when().get("/api/v1/shipments/" + shipmentId)
                .then().statusCode(200)
                .body("current.status", equalTo("DELAYED"))
                .body("current.eta", equalTo("2024-05-15"))
                .body("events.event.status", contains("ALLOCATED", "SHIPPED", "DELAYED"));
        given().auth().oauth2(TestTokens.viewer(customer)).queryParam("customerId", customer)
                .when().get("/api/v1/shipments")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("DELAYED"));
    }

    @Test
    void aViewerSeesOnlyItsCustomersShipments() {
        String mine = unique("mine");
        String theirs = unique("theirs");
        String myShipment = unique("SHP");
        String theirShipment = unique("SHP");
        postShipments(shipment(myShipment, mine, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z")).statusCode(201);
        postShipments(shipment(theirShipment, theirs, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z")).statusCode(201);
        String viewer = TestTokens.viewer(mine);

        given().auth().oauth2(viewer).queryParam("customerId", theirs).when().get("/api/v1/shipments")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(viewer).queryParam("customerId", unique("nobody")).when().get("/api/v1/shipments")
                .then().statusCode(403);
        given().auth().oauth2(viewer).when().get("/api/v1/shipments/" + theirShipment).then().statusCode(404);
        given().auth().oauth2(viewer).when().get("/api/v1/shipments/" + unique("SHP")).then().statusCode(404);
        given().auth().oauth2(viewer).when().get("/api/v1/shipments")
                .then().statusCode(200).body("shipmentId", contains(myShipment));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/shipments")
                .then().statusCode(200).body("shipmentId", hasItems(myShipment, theirShipment));
    }

    @Test
    void aShipmentKeepsItsCustomerAndSku() {
        String customer = unique("acme");
        String shipmentId = unique("SHP");
        postShipments(shipment(shipmentId, customer, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z")).statusCode(201);
        String thief = unique("thief");

        postShipments(shipment(shipmentId, thief, "SHIPPED", "2024-03-01", "2024-01-11T09:00:00Z"))
                .statusCode(422).body("violations[0].field", equalTo("customerId"));
        postShipments(shipment(shipmentId, customer, "SHIPPED", "2024-03-01", "2024-01-11T09:00:00Z").replace("H100-SXM5-80G", "H20-96G"))
                .statusCode(422).body("violations[0].field", equalTo("sku"));
        assertNeverPublished("supply.shipments", thief);
    }

    @Test
    void aBulkOfAThousandEventsIsPublishedInOrderAndABadOneRefusesThemAll() {
        String customer = unique("bulk");
        StringJoiner bulk = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 1000; i++) {
            bulk.add(shipment("SHP-" + UUID.randomUUID(), customer, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z"));
        }

        List<String> eventIds = postShipments(bulk.toString()).statusCode(201).body("$", hasSize(1000)).extract().path("eventId");

        assertThat(TopicReader.await("supply.shipments", 1000, TopicReader.withKey(customer), Duration.ofSeconds(60)))
                .extracting(r -> CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID)).containsExactlyElementsOf(eventIds);

        String refused = unique("refused");
        String bad = "[" + shipment(unique("SHP"), refused, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z") + ","
                + shipment(unique("SHP"), refused, "LOST", "2024-03-01", "2024-01-10T09:00:00Z") + ","
                + shipment(unique("SHP"), refused, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z").replace("2000", "0") + "]";
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(bad).when().post("/api/v1/shipments")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("[1].status", "[2].quantity"));
        assertNeverPublished("supply.shipments", refused);
    }
}
