package io.chipcast.forecast;

import io.chipcast.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ForecastServiceEndpointsTest extends ServiceEndpointsContract {
}
