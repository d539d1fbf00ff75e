package io.chipcast.supply;

import io.chipcast.testkit.LayeringContract;

class SupplyLayeringTest extends LayeringContract {

    @Override
    protected String basePackage() {
        return "io.chipcast.supply";
    }
}
