package io.chipcast.forecast;

import static io.chipcast.forecast.Payloads.catalog;
import static io.chipcast.forecast.Payloads.delivered;
import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.restrict;
import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.api.Portfolio;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.forecast.messaging.ForecastPipeline;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The portfolio against figures summed here, independently, from the customers' projections as
 * forecast-service serves them: after the first events, after a price change and a customer moving
 * country, and after the pipeline restarts from the database. Other tests share the database, so
 * the whole portfolio is compared by how much these customers moved it, and their SKUs (used by
 * no other test) row by row.
 */
@QuarkusTest
class PortfolioTest {

    private static final String SOURCE = "portfolio-test";

    @Inject
    ForecastPipeline pipeline;

    private final String chip = unique("PF-A");
    private final String substitute = unique("PF-B");
    private final String securing = unique("pf-us");
    private final String substituting = unique("pf-cn-sub");
    private final String moving = unique("pf-cn-move");
    private final String blocked = unique("pf-ae-blocked");
    private final Map<String, String> countries = new LinkedHashMap<>();

    @Test
    void thePortfolioIsTheSumOfTheProjectionsThroughChangesAndARestart() {
        Portfolio before = portfolio(TestTokens.analyst(), "");
        TopicWriter.publish(Topics.CATALOG, catalog(chip, "1000"), SOURCE);
        TopicWriter.publish(Topics.CATALOG, catalog(substitute, "2000"), SOURCE);
        TopicWriter.publish(Topics.PRICES, listPrice(chip, "100.00"), SOURCE);
        TopicWriter.publish(Topics.PRICES, listPrice(substitute, "300.00"), SOURCE);
        TopicWriter.publish(Topics.RULINGS, restrict(unique("pf-cn"), chip, "CN"), SOURCE);
        TopicWriter.publish(Topics.RULINGS, restrict(unique("pf-ae"), chip, "AE"), SOURCE);
        plan(securing, "US", 1, chip, 10);
        plan(substituting, "CN", 1, chip, 5, substitute);
        plan(moving, "CN", 1, substitute, 4);
        plan(blocked, "AE", 1, chip, 7);
        TopicWriter.publish(Topics.SHIPMENTS, delivered(unique("pf-shp"), securing, chip, 4, "90.00"), SOURCE);
        awaitProjections(current -> line(current, securing).securedQty() == 4 && line(current, blocked).status() == LineStatus.BLOCKED
                && line(current, substituting).status() == LineStatus.SUBSTITUTED);
        Portfolio first = assertPortfolioSumsTheProjections(before);
        assertThat(first.bySku()).filteredOn(sku -> sku.sku().equals(substitute)).singleElement()
                .satisfies(sku -> assertThat(sku.boughtUnits()).as("its own 4 units and 3 bought for the substituted line").isEqualTo(7));

        TopicWriter.publish(Topics.PRICES, listPrice(chip, "120.00"), SOURCE);
        plan(moving, "US", 2, substitute, 4);
        awaitProjections(current -> line(current, securing).unitPrice().compareTo(new BigDecimal("120.00")) == 0
                && current.get(moving).planVersion() == 2 && line(current, blocked).atRiskValue().compareTo(new BigDecimal("840.00")) == 0);
        assertPortfolioSumsTheProjections(before);

        pipeline.restartFromDatabase();
        TopicWriter.publish(Topics.SHIPMENTS, delivered(unique("pf-shp"), moving, substitute, 1, "280.00"), SOURCE);
        awaitProjections(current -> line(current, moving).securedQty() == 1);
        Portfolio afterRestart = assertPortfolioSumsTheProjections(before);

        assertThat(afterRestart.atRisk()).as("the blocked customer is the most at risk of them")
                .filteredOn(customer -> countries.containsKey(customer.customerId())).first()
                .satisfies(customer -> assertThat(customer.customerId()).isEqualTo(blocked));
        assertThat(afterRestart.costChanges()).as("only asked for with since").isNull();
        assertThat(portfolio(TestTokens.analyst(), "?since=" + Instant.now().minus(Duration.ofDays(1)) + "&customerId="
                + String.join(",", countries.keySet())).costChanges().customers())
                .as("every one of them is new within the last day, so each moved by its whole cost")
                .allSatisfy(change -> assertThat(change.change()).isEqualByComparingTo(change.projectedCost()))
                .extracting(Portfolio.CostChange::customerId).containsAll(List.of(securing, substituting, moving));
        assertThat(portfolio(TestTokens.analyst(), "?since=" + Instant.now().plusSeconds(60)).costChanges().customers())
                .as("nothing moved after now").isEmpty();
    }

    @Test
    void aViewerSeesItsOwnCustomersAndBadParametersAreProblemsNamingThem() {
        Portfolio mine = portfolio(TestTokens.viewer("nobody-" + unique("v")), "");
        assertThat(mine.customers()).isZero();
        assertThat(mine.projectedCost()).isEqualByComparingTo(BigDecimal.ZERO);
        given().auth().oauth2(TestTokens.viewer("someone")).when().get("/api/v1/portfolio?customerId=someone-else")
                .then().statusCode(403).contentType("application/problem+json");
        for (String[] bad : List.of(new String[] {"since=yesterday", "since"}, new String[] {"top=0", "top"},
                new String[] {"top=101", "top"}, new String[] {"customerId=not%20an%20id", "customerId"})) {
            given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/portfolio?" + bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", org.hamcrest.Matchers.hasItem(bad[1]));
        }
    }

    /** Compares the portfolio with sums of the projections: theirs, and what they added to everyone's. */
    private Portfolio assertPortfolioSumsTheProjections(Portfolio before) {
        Map<String, Projection> projections = projections();
        Expected expected = new Expected(projections, countries);
        String ours = "?customerId=" + String.join(",", countries.keySet());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Portfolio theirs = portfolio(TestTokens.analyst(), ours);
            assertThat(theirs.customers()).isEqualTo(countries.size());
            assertThat(theirs.projectedCost()).isEqualByComparingTo(expected.cost);
            assertThat(theirs.blockedValue()).isEqualByComparingTo(expected.blocked);
            assertThat(figuresOf(theirs)).isEqualTo(expected.bySku);
            assertThat(theirs.byCountry()).allSatisfy(country -> assertThat(country.blockedValue())
                    .isEqualByComparingTo(expected.blockedByCountry.getOrDefault(country.country(), BigDecimal.ZERO)));

            Portfolio everyone = portfolio(TestTokens.analyst(), "");
            assertThat(everyone.customers() - before.customers()).as("customers added").isEqualTo(countries.size());
            assertThat(everyone.projectedCost().subtract(before.projectedCost())).isEqualByComparingTo(expected.cost);
            assertThat(everyone.blockedValue().subtract(before.blockedValue())).isEqualByComparingTo(expected.blocked);
            Map<String, List<Object>> everyonesOfOurSkus = figuresOf(everyone);
            everyonesOfOurSkus.keySet().retainAll(expected.bySku.keySet());
            assertThat(everyonesOfOurSkus).as("our SKUs in the read model").isEqualTo(expected.bySku);
            assertThat(everyone.reflects().positions()).isNotEmpty();
            assertThat(everyone.reflects().latestComputedAt()).isNotNull();
        });
        return portfolio(TestTokens.analyst(), ours);
    }

    /** Per SKU: lines, quantity, secured, bought units, cost, blocked, at risk. */
    private static Map<String, List<Object>> figuresOf(Portfolio portfolio) {
        Map<String, List<Object>> figures = new HashMap<>();
        portfolio.bySku().forEach(sku -> figures.put(sku.sku(), List.of(sku.lines(), sku.quantity(), sku.securedQty(), sku.boughtUnits(),
                sku.cost().stripTrailingZeros(), sku.blockedQty(), sku.atRiskValue().stripTrailingZeros())));
        return figures;
    }

    /** The same figures, summed from projection documents. */
    private static final class Expected {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal blocked = BigDecimal.ZERO;
        final Map<String, List<Object>> bySku = new HashMap<>();
        final Map<String, BigDecimal> blockedByCountry = new HashMap<>();

        Expected(Map<String, Projection> projections, Map<String, String> countries) {
            Map<String, long[]> units = new HashMap<>();
            Map<String, BigDecimal[]> money = new HashMap<>();
            projections.forEach((customer, projection) -> {
                cost = cost.add(projection.projectedCost());
                blocked = blocked.add(projection.blockedValue());
                blockedByCountry.merge(countries.get(customer), projection.blockedValue(), BigDecimal::add);
                for (ProjectionLine line : projection.lines()) {
                    long[] own = units.computeIfAbsent(line.sku(), sku -> new long[5]);
                    own[0]++;
                    own[1] += line.quantity();
                    own[2] += line.securedQty();
                    own[4] += line.blockedQty();
                    if (line.boughtSku() != null) {
                        units.computeIfAbsent(line.boughtSku(), sku -> new long[5])[3] += line.boughtUnits();
                    }
                    BigDecimal[] amounts = money.computeIfAbsent(line.sku(), sku -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    amounts[0] = amounts[0].add(line.lineCost());
                    amounts[1] = amounts[1].add(line.atRiskValue());
                }
            });
            units.forEach((sku, u) -> {
                BigDecimal[] amounts = money.getOrDefault(sku, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                bySku.put(sku, List.of(u[0], u[1], u[2], u[3], amounts[0].stripTrailingZeros(), u[4], amounts[1].stripTrailingZeros()));
            });
        }
    }

    private void plan(String customer, String country, long version, String sku, long quantity, String... substitutes) {
        countries.put(customer, country);
        TopicWriter.publish(Topics.DEMAND_PLANS, Payloads.plan(customer, country, version, sku, quantity, substitutes), SOURCE);
    }

    private void awaitProjections(Predicate<Map<String, Projection>> reached) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Projection> current = projections();
            return current.size() == countries.size() && reached.test(current);
        });
    }

    private Map<String, Projection> projections() {
        Map<String, Projection> current = new HashMap<>();
        countries.keySet().forEach(customer -> projection(customer).ifPresent(found -> current.put(customer, found)));
        return current;
    }

    private static Optional<Projection> projection(String customer) {
        var response = given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/projections/" + customer).then().extract();
        return response.statusCode() == 200 ? Optional.of(Json.read(response.asString(), Projection.class)) : Optional.empty();
    }

    private static ProjectionLine line(Map<String, Projection> projections, String customer) {
        return projections.get(customer).lines().get(0);
    }

    private static Portfolio portfolio(String token, String query) {
        String body = given().auth().oauth2(token).when().get("/api/v1/portfolio" + query).then().statusCode(200).extract().asString();
        try {
            return Json.mapper().readValue(body, Portfolio.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a portfolio: " + body, e);
        }
    }
}
