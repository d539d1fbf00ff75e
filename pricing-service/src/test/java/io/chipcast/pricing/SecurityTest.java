package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.catalogEntry;
import static io.chipcast.pricing.PricingApi.priceChange;
import static io.chipcast.pricing.PricingApi.skuInCatalog;
import static io.chipcast.pricing.PricingApi.uniqueSku;
import static io.chipcast.testkit.Callers.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC section 5: writes need publisher or admin; every role reads the catalog and prices; bad tokens are 401. */
@QuarkusTest
class SecurityTest {

    private static String sku;

    /** Made on first use: RestAssured knows the app's random port only once a test runs. */
    static synchronized String sku() {
        if (sku == null) {
            sku = skuInCatalog("SEC");
        }
        return sku;
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("admin", "write", 201), Arguments.of("publisher", "write", 201),
                Arguments.of("analyst", "write", 403), Arguments.of("viewer", "write", 403),
                Arguments.of("admin", "read", 200), Arguments.of("publisher", "read", 200),
                Arguments.of("analyst", "read", 200), Arguments.of("viewer", "read", 200),
                Arguments.of("none", "write", 401), Arguments.of("none", "read", 401),
                Arguments.of("expired", "write", 401), Arguments.of("expired", "read", 401),
                Arguments.of("foreign-key", "write", 401), Arguments.of("foreign-key", "read", 401),
                Arguments.of("unknown-role", "write", 403), Arguments.of("unknown-role", "read", 403));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("matrix")
    void accessFollowsTheRole(String caller, String access, int status) {
        if (access.equals("write")) {
            String newSku = uniqueSku("SEC");
            expect(as(caller).contentType(ContentType.JSON).body(priceChange(sku(), "LIST", "1.00", "2024-01-01T00:00:00Z"))
                    .when().post("/api/v1/prices"), status);
            expect(as(caller).contentType(ContentType.JSON).body(catalogEntry(newSku))
                    .when().put("/api/v1/skus/" + newSku), status);
        } else {
            expect(as(caller).when().get("/api/v1/skus"), status);
            expect(as(caller).when().get("/api/v1/prices/" + sku() + "/history"), status);
        }
    }

    private static void expect(Response response, int status) {
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json");
        }
        if (status == 401) {
            response.then().header("WWW-Authenticate", "Bearer");
        }
    }
}
