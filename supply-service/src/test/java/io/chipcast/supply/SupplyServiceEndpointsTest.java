package io.chipcast.supply;

import io.chipcast.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SupplyServiceEndpointsTest extends ServiceEndpointsContract {
}
