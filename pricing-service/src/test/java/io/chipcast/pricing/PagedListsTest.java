package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.postPrices;
import static io.chipcast.pricing.PricingApi.priceChange;
import static io.chipcast.pricing.PricingApi.putSku;
import static io.chipcast.pricing.PricingApi.skuInCatalog;
import static io.chipcast.pricing.PricingApi.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.chipcast.testkit.PagedList;
import io.chipcast.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists of pricing-service come a bounded page at a time, each linking to the next, and walking them misses nothing. */
@QuarkusTest
class PagedListsTest {

    @Test
    void theCatalogIsWalkedPageByPageInSkuOrder() {
        String prefix = uniqueSku("PAGE");
        List<String> mine = List.of(prefix + "-a", prefix + "-b", prefix + "-c", prefix + "-d", prefix + "-e");
        mine.forEach(sku -> putSku(sku).statusCode(201));

        List<String> walked = PagedList.walk(TestTokens.analyst(), "/api/v1/skus?limit=2&after=" + prefix, "sku");
        assertThat(walked).startsWith(mine.toArray(String[]::new));
    }

    @Test
    void aPriceHistoryIsWalkedPageByPageInEffectiveOrder() {
        String sku = skuInCatalog("PAGED");
        for (String date : List.of("2024-03-01", "2024-01-01", "2024-02-01", "2024-01-01", "2024-05-01")) {
            postPrices(priceChange(sku, "LIST", "100", date + "T00:00:00Z")).statusCode(201);
        }
        List<String> walked = PagedList.walk(TestTokens.analyst(), "/api/v1/prices/" + sku + "/history?limit=2", "effectiveAt");
        assertThat(walked).containsExactly("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z",
                "2024-03-01T00:00:00Z", "2024-05-01T00:00:00Z");
    }

    @Test
    void aBadPageIsAProblemNamingTheParameter() {
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/skus?limit=10001")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/skus?after=no%20sku")
                .then().statusCode(400).body("violations.field", hasItem("after"));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/prices/X/history?after=not-an-event")
                .then().statusCode(400).body("violations.field", hasItem("after"));
    }
}
