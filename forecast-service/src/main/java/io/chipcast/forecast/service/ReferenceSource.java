package io.chipcast.forecast.service;

import io.chipcast.forecast.engine.ReferenceData;
import java.util.concurrent.CompletionStage;

/** Where what-if gets the reference data from: the pipeline, which owns it (messaging.ForecastPipeline). */
public interface ReferenceSource {

    /** A copy of the reference data as this instance holds it now; fails while it has none yet. */
    CompletionStage<ReferenceData> referenceSnapshot();
}
