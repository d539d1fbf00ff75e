package io.chipcast.gateway;

import io.chipcast.testkit.ChipcastInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every Quarkus test of this module runs on the shared real broker and on this service's own
 * database, with forecast-service's HTTP API played by {@link ForecastStub}.
 */
@WithTestResource(value = ChipcastInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = ChipcastInfrastructure.SERVICE, value = "gateway"))
@WithTestResource(value = ForecastStub.class, scope = TestResourceScope.GLOBAL)
final class TestInfrastructure {
}
