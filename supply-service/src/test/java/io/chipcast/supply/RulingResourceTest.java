package io.chipcast.supply;

import static io.chipcast.supply.SupplyApi.assertNeverPublished;
import static io.chipcast.supply.SupplyApi.lift;
import static io.chipcast.supply.SupplyApi.postRuling;
import static io.chipcast.supply.SupplyApi.restrict;
import static io.chipcast.supply.SupplyApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulingResourceTest {

    @Test
    void aRestrictionIsPublishedKeyedByRulingId() {
        String rulingId = unique("BIS-2023-10-17");

        String eventId = postRuling(restrict(rulingId, "[\"A800-80G\",\"H800-80G\"]", "4800")).statusCode(201)
                .body("rulingId", equalTo(rulingId))
                .body("scope.minTpp", equalTo(4800))
                .body("scope.minPerformanceDensity", nullValue())
                .body("eventType", equalTo("io.chipcast.ruling.issued.v1"))
                .extract().path("eventId");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitEvent("export.rulings", eventId);
        assertThat(record.key()).isEqualTo(rulingId);
        assertThat(CloudEventHeaders.read(record.headers()).source()).isEqualTo("supply-service");
        assertThat(TopicReader.value(record)).contains("\"destinations\":[\"CN\",\"MO\"]", "\"lifts\":null");
        given().auth().oauth2(TestTokens.viewer("anyone")).when().get("/api/v1/rulings/" + rulingId)
                .then().statusCode(200).body("scope.skus", contains("A800-80G", "H800-80G"));
    }

    @Test
    void postingTheSameRulingIdAgainAmendsIt() {
        String rulingId = unique("BIS-AMEND");
        postRuling(restrict(rulingId, "[\"A800-80G\"]", "null")).statusCode(201);

        postRuling(restrict(rulingId, "[\"A800-80G\",\"H800-80G\"]", "null")).statusCode(200);

        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/rulings/" + rulingId)
                .then().statusCode(200).body("scope.skus", contains("A800-80G", "H800-80G"));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/rulings")
                .then().statusCode(200).body("rulingId", hasItem(rulingId));
        TopicReader.await("export.rulings", 2, TopicReader.withKey(rulingId), Duration.ofSeconds(30));
    }

    @Test
    void aLiftNamesAnExistingRestriction() {
        String restriction = unique("BIS-R");
        postRuling(restrict(restriction, "[]", "4800")).statusCode(201);

        String liftId = unique("BIS-L");
        postRuling(lift(liftId, restriction)).statusCode(201).body("lifts", equalTo(restriction));

        String unknownLift = unique("BIS-L");
        postRuling(lift(unknownLift, unique("NO-SUCH-RULING"))).statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("lifts"));
        postRuling(lift(unique("BIS-L"), liftId)).statusCode(422).body("violations[0].field", equalTo("lifts"));
        assertNeverPublished("export.rulings", unknownLift);
    }

    @Test
    void anAmendmentCannotTurnARestrictionIntoALift() {
        String restriction = unique("BIS-R");
        String other = unique("BIS-R");
        postRuling(restrict(restriction, "[\"A800-80G\"]", "null")).statusCode(201);
        postRuling(restrict(other, "[\"A800-80G\"]", "null")).statusCode(201);

        postRuling(lift(restriction, other)).statusCode(422).body("violations[0].field", equalTo("action"));
    }

    @Test
    void anUnknownRulingIsNotFound() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/rulings/" + unique("NONE"))
                .then().statusCode(404).contentType("application/problem+json");
    }
}
