package io.chipcast.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemandPlanResourceTest {

    private static final String PLAN = """
            {"name":"Acme AI","country":"US",
             "lines":[{"lineId":"L1","sku":"H100-SXM5-80G","quantity":20000,"needBy":"2024-06-30","substitutes":["H20-96G"]}]}""";

    @Test
    void aPlanIsPublishedWithTheNextVersionAndReplacesTheLastOne() {
        String customer = unique("acme");

        String first = put(customer, PLAN).statusCode(201).body("customerId", equalTo(customer)).body("version", equalTo(1))
                .body("eventType", equalTo("io.chipcast.plan.updated.v1")).extract().path("eventId");
        put(customer, PLAN.replace("20000", "25000").replace("\"name\"", "\"version\":99,\"name\"")).statusCode(200)
                .body("version", equalTo(2)).body("lines[0].quantity", equalTo(25000));

        ConsumerRecord<String, byte[]> record = TopicReader.awaitEvent(Topics.DEMAND_PLANS.name(), first);
        assertThat(record.key()).isEqualTo(customer);
        assertThat(CloudEventHeaders.read(record.headers()).source()).isEqualTo("gateway");
        assertThat(Json.read(record.value(), DemandPlan.class).version()).isEqualTo(1L);
        List<ConsumerRecord<String, byte[]>> both = TopicReader.await(Topics.DEMAND_PLANS.name(), 2, TopicReader.withKey(customer),
                Duration.ofSeconds(30));
        assertThat(both).extracting(r -> Json.read(r.value(), DemandPlan.class).version()).containsExactly(1L, 2L);
        given().auth().oauth2(TestTokens.viewer(customer)).when().get(path(customer))
                .then().statusCode(200).body("version", equalTo(2)).body("lines[0].quantity", equalTo(25000));
    }

    @Test
    void anInvalidPlanIsAProblemNamingTheFieldAndIsNeverPublished() {
        String customer = unique("invalid");
        String twoL1 = PLAN.replace("}]}", "},{\"lineId\":\"L1\",\"sku\":\"A100\",\"quantity\":1,\"needBy\":\"2024-01-01\"}]}");

        put(customer, twoL1).statusCode(422).contentType("application/problem+json").body("violations.field", hasItem("lines[1].lineId"));
        put(customer, PLAN.replace("\"US\"", "\"USA\"")).statusCode(422).body("violations.field", hasItem("country"));
        put(customer, PLAN.replace("H100-SXM5-80G", "H100 SXM5")).statusCode(422).body("violations.field", hasItem("lines[0].sku"));
        put(customer, PLAN.replace("\"name\"", "\"customerId\":\"someone-else\",\"name\"")).statusCode(422)
                .body("violations.field", hasItem("customerId"));
        put(customer, PLAN.replace("\"lines\"", "\"priority\":1,\"lines\"")).statusCode(400).body("violations.field", hasItem("priority"));
        given().auth().oauth2(TestTokens.admin()).when().get(path(customer)).then().statusCode(404);

        String barrier = put(unique("barrier"), PLAN).statusCode(201).extract().path("eventId");
        TopicReader.awaitEvent(Topics.DEMAND_PLANS.name(), barrier);
        assertThat(TopicReader.readAll(Topics.DEMAND_PLANS.name())).noneMatch(TopicReader.withKey(customer));
    }

    @Test
    void onlyAdminsWriteAndViewersReadTheirCustomers() {
        String customer = unique("access");
        put(customer, PLAN).statusCode(201);

        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(PLAN).when().put(path(customer))
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(PLAN).when().put(path(customer)).then().statusCode(401);
        given().auth().oauth2(TestTokens.viewer("someone")).when().get(path(customer)).then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer("someone")).when().get(path(unique("nobody"))).then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).when().get(path(customer)).then().statusCode(200);
    }

    private static ValidatableResponse put(String customer, String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).when().put(path(customer)).then();
    }

    private static String path(String customer) {
        return "/api/v1/customers/" + customer + "/demand-plan";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
