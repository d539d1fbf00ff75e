package io.chipcast.forecast;

import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.plan;
import static io.chipcast.forecast.Payloads.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.Topics;
import io.chipcast.testkit.PagedList;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A projection's history comes a bounded page at a time, by version, each page linking to the next. */
@QuarkusTest
class ProjectionHistoryPagesTest {

    @Test
    void theHistoryIsWalkedPageByPageInVersionOrder() {
        String customer = unique("pages");
        String sku = unique("SKU");
        String history = "/api/v1/projections/" + customer + "/history";
        TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "US", 1, sku, 10), "test");
        awaitLastCost(history, "0.0");
        // One price at a time: each makes one version.
        for (String price : new String[] {"100", "200", "300", "400"}) {
            TopicWriter.publish(Topics.PRICES, listPrice(sku, price), "test");
            awaitLastCost(history, price + "0.0");
        }

        assertThat(PagedList.walk(TestTokens.analyst(), history + "?limit=2", "version")).containsExactly("1", "2", "3", "4", "5");
        assertThat(PagedList.walk(TestTokens.analyst(), history + "?limit=2&after=3", "version")).containsExactly("4", "5");
    }

    private static void awaitLastCost(String history, String cost) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(PagedList.walk(TestTokens.analyst(), history, "projectedCost")).last().isEqualTo(cost));
    }
}
