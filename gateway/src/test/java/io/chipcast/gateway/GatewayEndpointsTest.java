package io.chipcast.gateway;

import io.chipcast.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GatewayEndpointsTest extends ServiceEndpointsContract {
}
