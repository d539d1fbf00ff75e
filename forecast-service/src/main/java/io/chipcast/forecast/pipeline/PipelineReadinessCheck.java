package io.chipcast.forecast.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the reference data is loaded and the pipeline consumes the customer topics. */
@Readiness
@ApplicationScoped
public class PipelineReadinessCheck implements HealthCheck {

    private final ForecastPipeline pipeline;

    @Inject
    public PipelineReadinessCheck(ForecastPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HealthCheckResponse call() {
        // The partitions of the customer topics this instance owns: whom it projects, when several run.
        return HealthCheckResponse.named("Forecast pipeline").status(pipeline.isReady())
                .withData("partitions", new TreeSet<>(pipeline.ownedPartitions()).toString()).build();
    }
}
