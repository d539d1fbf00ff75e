package io.chipcast.forecast;

import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.forecast.repository.Batch;
import io.chipcast.forecast.repository.CommittedProjection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.testkit.PagedList;
import io.chipcast.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alerts of every customer, as stored with the versions that raised them, in the order they were raised, page by page. */
@QuarkusTest
class AlertHistoryTest {

    private static final int PARTITION = 0;

    @Inject
    ForecastStore store;

    private String first;
    private String second;
    private Instant since;
    private Alert costOfFirst;
    private Alert blockedOfSecond;
    private Alert shortfallOfSecond;
    private Alert laterCostOfFirst;

    @BeforeEach
    void twoCustomersRaisedFourAlerts() {
        first = unique("history-a");
        second = unique("history-b");
        since = Instant.now().truncatedTo(ChronoUnit.MICROS);
        costOfFirst = alert(first, AlertType.COST_CHANGED, Severity.INFO, since);
        blockedOfSecond = alert(second, AlertType.LINE_BLOCKED, Severity.CRITICAL, since.plusMillis(1));
        shortfallOfSecond = alert(second, AlertType.SHORTFALL, Severity.WARNING, since.plusMillis(1));
        laterCostOfFirst = alert(first, AlertType.COST_CHANGED, Severity.WARNING, since.plusMillis(2));
        Batch batch = new Batch();
        version(batch, first, 1, since, costOfFirst);
        version(batch, second, 1, since.plusMillis(1), blockedOfSecond, shortfallOfSecond);
        version(batch, first, 2, since.plusMillis(2), laterCostOfFirst);
        store.commit(batch);
    }

    @Test
    void everyAlertComesOnceInTheOrderItWasRaisedPageByPage() {
        String both = "/api/v1/alerts?since=" + since + "&customerId=" + first + "," + second;
        assertThat(PagedList.walk(TestTokens.analyst(), both + "&limit=1", "alertId")).containsExactly(
                costOfFirst.alertId(), blockedOfSecond.alertId(), shortfallOfSecond.alertId(), laterCostOfFirst.alertId());

        String page = given().auth().oauth2(TestTokens.admin()).when().get(both + "&limit=2")
                .then().statusCode(200).header("Link", org.hamcrest.Matchers.containsString("rel=\"next\"")).extract().asString();
        assertThat(Json.mapper().convertValue(Json.parseTree(page.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Alert[].class))
                .as("as they were published").containsExactly(costOfFirst, blockedOfSecond);
        assertThat(PagedList.walk(TestTokens.analyst(), "/api/v1/alerts?since=" + since.plusMillis(1) + "&customerId=" + first + "," + second,
                "alertId")).as("since is inclusive").containsExactly(blockedOfSecond.alertId(), shortfallOfSecond.alertId(), laterCostOfFirst.alertId());
    }

    @Test
    void typeSeverityAndCustomerFilterTheHistory() {
        String both = "/api/v1/alerts?since=" + since + "&customerId=" + first + "&customerId=" + second;
        assertThat(PagedList.walk(TestTokens.analyst(), both + "&type=COST_CHANGED", "alertId"))
                .containsExactly(costOfFirst.alertId(), laterCostOfFirst.alertId());
        assertThat(PagedList.walk(TestTokens.analyst(), both + "&severity=CRITICAL,WARNING&type=SHORTFALL,LINE_BLOCKED", "alertId"))
                .containsExactly(blockedOfSecond.alertId(), shortfallOfSecond.alertId());
    }

    @Test
    void aViewerReadsOnlyItsOwnCustomersAlerts() {
        assertThat(PagedList.walk(TestTokens.viewer(second), "/api/v1/alerts?since=" + since, "customerId")).containsOnly(second).hasSize(2);
        given().auth().oauth2(TestTokens.viewer(second)).when().get("/api/v1/alerts?customerId=" + first)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBadParameterIsAProblemNamingIt() {
        for (String[] bad : List.of(new String[] {"since=yesterday", "since"}, new String[] {"after=somewhere", "after"},
                new String[] {"type=NOISE", "type"}, new String[] {"limit=0", "limit"})) {
            given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/alerts?" + bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", org.hamcrest.Matchers.hasItem(bad[1]));
        }
    }

    private static void version(Batch batch, String customer, long version, Instant computedAt, Alert... alerts) {
        Projection projection = new Projection(customer, 1L, BigDecimal.valueOf(100 * version), BigDecimal.ZERO, List.of(), version,
                computedAt, new Cause(UUID.randomUUID().toString(), "test.v1"));
        batch.projection(projection, CommittedProjection.of(projection, List.of(alerts)), PARTITION, projection.projectedCost());
    }

    private static Alert alert(String customer, AlertType type, Severity severity, Instant at) {
        return new Alert(UUID.randomUUID().toString(), customer, type, severity, type + " of " + customer, null,
                new BigDecimal("688000000.00"), new BigDecimal("748000000.00"), new Cause(UUID.randomUUID().toString(), "test.v1"), at);
    }
}
