package io.chipcast.pricing;

import io.chipcast.testkit.LayeringContract;

class PricingLayeringTest extends LayeringContract {

    @Override
    protected String basePackage() {
        return "io.chipcast.pricing";
    }
}
