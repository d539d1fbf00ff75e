package io.chipcast.forecast.engine;

import static io.chipcast.forecast.engine.Events.engine;

import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;

/** A fresh engine per test, and where to read its projections. */
abstract class EngineTestBase {

    final ForecastEngine engine = engine();

    Projection projection(String customer) {
        return engine.projection(customer).orElseThrow();
    }

    ProjectionLine projected(String customer, String lineId) {
        return projection(customer).lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow();
    }
}
