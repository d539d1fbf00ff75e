package io.chipcast.supply;

import io.chipcast.testkit.ChipcastInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every Quarkus test of this module runs on the shared real broker and on this service's own database. */
@WithTestResource(value = ChipcastInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = ChipcastInfrastructure.SERVICE, value = "supply-service"))
final class TestInfrastructure {
}
