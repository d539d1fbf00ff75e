package io.chipcast.pricing;

import io.chipcast.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PricingServiceEndpointsTest extends ServiceEndpointsContract {
}
