package io.chipcast.gateway;

import io.chipcast.testkit.LayeringContract;

class GatewayLayeringTest extends LayeringContract {

    @Override
    protected String basePackage() {
        return "io.chipcast.gateway";
    }
}
