package io.chipcast.forecast;

import io.chipcast.testkit.LayeringContract;

class ForecastLayeringTest extends LayeringContract {

    @Override
    protected String basePackage() {
        return "io.chipcast.forecast";
    }
}
