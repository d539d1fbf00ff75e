package io.chipcast.supply;

import static io.chipcast.supply.SupplyApi.postRuling;
import static io.chipcast.supply.SupplyApi.postShipments;
import static io.chipcast.supply.SupplyApi.restrict;
import static io.chipcast.supply.SupplyApi.shipment;
import static io.chipcast.supply.SupplyApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.testkit.PagedList;
import io.chipcast.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists of supply-service come a bounded page at a time, each linking to the next, and walking them misses nothing. */
@QuarkusTest
class PagedListsTest {

    @Test
    void aCustomersShipmentsAreWalkedPageByPageInShipmentOrder() {
        String customer = unique("paged");
        List<String> shipments = List.of("e", "a", "d", "b", "c").stream().map(suffix -> customer + "-" + suffix).toList();
        for (String id : shipments) {
            postShipments(shipment(id, customer, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z")).statusCode(201);
        }
        // A later event of one shipment: still one shipment, in its latest state.
        postShipments(shipment(customer + "-a", customer, "DELAYED", "2024-04-01", "2024-01-11T09:00:00Z")).statusCode(201);

        assertThat(PagedList.walk(TestTokens.analyst(), "/api/v1/shipments?limit=2&customerId=" + customer, "shipmentId"))
                .containsExactly(customer + "-a", customer + "-b", customer + "-c", customer + "-d", customer + "-e");
        assertThat(PagedList.walk(TestTokens.analyst(), "/api/v1/shipments?limit=2&customerId=" + customer, "status"))
                .containsExactly("DELAYED", "ALLOCATED", "ALLOCATED", "ALLOCATED", "ALLOCATED");
    }

    @Test
    void theRulingsAreWalkedPageByPageInEffectiveOrder() {
        List<String> mine = List.of(unique("P1"), unique("P2"), unique("P3"));
        for (String id : mine) {
            postRuling(restrict(id, "[\"H100-SXM5-80G\"]", "null")).statusCode(201);
        }
        List<String> walked = PagedList.walk(TestTokens.analyst(), "/api/v1/rulings?limit=2", "rulingId");
        assertThat(walked).containsAll(mine).doesNotHaveDuplicates();
    }
}
