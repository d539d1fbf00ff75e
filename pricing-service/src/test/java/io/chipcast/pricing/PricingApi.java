package io.chipcast.pricing;

import static io.restassured.RestAssured.given;

import io.chipcast.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** The pricing-service API as a publisher calls it, and the payloads the tests send. */
final class PricingApi {

    private PricingApi() {
    }

    static String uniqueSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String catalogEntry(String sku) {
        return """
                {"sku":"%s","vendor":"NVIDIA","family":"Hopper","tpp":15832,"performanceDensity":19.4,"memoryGb":80}"""
                .formatted(sku);
    }

    static String priceChange(String sku, String market, String unitPrice, String effectiveAt) {
        return """
                {"sku":"%s","market":"%s","currency":"USD","unitPrice":%s,"effectiveAt":"%s","source":"test","note":"n"}"""
                .formatted(sku, market, unitPrice, effectiveAt);
    }

    static ValidatableResponse putSku(String sku) {
        return given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(catalogEntry(sku))
                .when().put("/api/v1/skus/" + sku).then();
    }

    static ValidatableResponse postPrices(String body) {
        return given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/prices").then();
    }

    /** A SKU in the catalog with a fresh name, so that tests sharing the broker never see each other's records. */
    static String skuInCatalog(String prefix) {
        String sku = uniqueSku(prefix);
        putSku(sku).statusCode(201);
        return sku;
    }
}
