package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.priceChange;
import static io.chipcast.pricing.PricingApi.skuInCatalog;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.chipcast.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets a 400 or 422 problem naming the field, never a 500, and nothing
 * of it is stored or published (checked against a barrier event once all cases have run).
 */
@QuarkusTest
class InvalidRequestsTest {

    /** Every bad price below uses this SKU, which must therefore never appear on chip.prices. */
    private static String sku;

    /** Made on first use: RestAssured knows the app's random port only once a test runs. */
    static synchronized String sku() {
        if (sku == null) {
            sku = skuInCatalog("INVALID");
        }
        return sku;
    }

    static Stream<Arguments> badPrices() {
        String good = priceChange("%SKU%", "LIST", "27500.00", "2024-01-01T00:00:00Z");
        return Stream.of(
                bad("not JSON", "{\"sku\":", "$"),
                bad("empty body", "", "$"),
                bad("a bare number", "42", "$"),
                bad("an unknown field", good.replace("\"note\"", "\"discount\":5,\"note\""), "discount"),
                bad("a missing field", good.replace("\"market\":\"LIST\",", ""), "market"),
                bad("a string for a number", good.replace("27500.00", "\"27500\""), "unitPrice"),
                bad("a zero price", good.replace("27500.00", "0"), "unitPrice"),
                bad("a negative price", good.replace("27500.00", "-5"), "unitPrice"),
                bad("three decimals", good.replace("27500.00", "1.005"), "unitPrice"),
                bad("an unknown market", good.replace("LIST", "GREY"), "market"),
                bad("another currency", good.replace("USD", "EUR"), "currency"),
                bad("a date for an instant", good.replace("2024-01-01T00:00:00Z", "2024-01-01"), "effectiveAt"),
                bad("an impossible instant", good.replace("2024-01-01T00:00:00Z", "2024-02-30T00:00:00Z"), "effectiveAt"),
                bad("a bad SKU", good.replace("%SKU%", "H100 SXM"), "sku"),
                bad("an empty bulk", "[]", "$"),
                bad("a price beyond what the columns hold", good.replace("27500.00", "1E+16"), "unitPrice"),
                bad("a NUL in free text", good.replace("\"note\":\"n\"", "\"note\":\"n\\u0000\""), "note"),
                bad("an instant beyond the year 9999", good.replace("2024-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"), "effectiveAt"),
                bad("nanoseconds, which the database cannot keep", good.replace("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000000001Z"),
                        "effectiveAt"));
    }

    static Stream<Arguments> tooLarge() {
        String good = priceChange("%SKU%", "LIST", "27500.00", "2024-01-01T00:00:00Z");
        return Stream.of(
                Arguments.of("a body over 8 MiB", "[" + (good + ",").repeat(40_000) + good + "]"),
                Arguments.of("a bulk of more than 10,000 items", "[" + (good + ",").repeat(10_000) + good + "]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLarge")
    void aRequestBeyondTheSizeBoundsIsA413Problem(String description, String body) {
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(body.replace("%SKU%", sku()))
                .when().post("/api/v1/prices")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("$"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPrices")
    void aBadPriceIsAProblemNamingTheField(String description, String body, String field) {
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(body.replace("%SKU%", sku()))
                .when().post("/api/v1/prices")
                .then().statusCode(oneOf(400, 422))
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("detail", not(equalTo(null)));
    }

    @Test
    void badCatalogEntriesAreProblemsToo() {
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON)
                .body("{\"vendor\":\"NVIDIA\",\"family\":\"Hopper\",\"tpp\":0,\"performanceDensity\":1}")
                .when().put("/api/v1/skus/" + sku())
                .then().statusCode(422).contentType("application/problem+json").body("violations.field", hasItem("tpp"));
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/skus/bad%20sku")
                .then().statusCode(400).body("violations.field", hasItem("sku"));
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON)
                .body("{\"vendor\":\"" + "N".repeat(9 * 1024 * 1024) + "\",\"family\":\"Hopper\",\"tpp\":1,\"performanceDensity\":1}")
                .when().put("/api/v1/skus/" + sku())
                .then().statusCode(413).contentType("application/problem+json").body("violations.field", hasItem("$"));
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON)
                .body("{\"vendor\":\"NVIDIA\",\"family\":\"Hopper\",\"tpp\":1E+100000,\"performanceDensity\":1}")
                .when().put("/api/v1/skus/" + sku())
                .then().statusCode(422).contentType("application/problem+json").body("violations.field", hasItem("tpp"));
    }

    @Test
    void badQueriesAreProblems() {
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", "yesterday")
                .when().get("/api/v1/prices/" + sku())
                .then().statusCode(400).body("violations.field", hasItem("asOf"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("market", "GREY")
                .when().get("/api/v1/prices/" + sku())
                .then().statusCode(400).body("violations.field", hasItem("market"));
    }

    @Test
    void anotherMediaTypeIsAProblem() {
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.TEXT).body("sku=H100")
                .when().post("/api/v1/prices")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void noBadPriceWasEverPublished() {
        PriceResourceTest.assertNeverPublished(sku());
    }

    private static Arguments bad(String description, String body, String field) {
        return Arguments.of(description, body, field);
    }
}
