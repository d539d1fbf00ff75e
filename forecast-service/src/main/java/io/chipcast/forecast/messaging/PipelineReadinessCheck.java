package io.chipcast.forecast.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this instance owns its partitions of the customer topics and has restored them — not
 * merely subscribed: after a crash the group may take a while to hand them over, and an instance that
 * says ready then projects nobody. An instance that the group gives no partition (more instances
 * than partitions) is ready, and says so.
 */
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
        PipelineState state = pipeline.state();
        Set<Integer> partitions = new TreeSet<>(pipeline.ownedPartitions());
        String doing = state == PipelineState.CONSUMING && partitions.isEmpty()
                ? "idle: the consumer group has more instances than partitions"
                : state.description();
        // The partitions of the customer topics this instance owns: whom it projects, when several run.
        return HealthCheckResponse.named("Forecast pipeline").status(state == PipelineState.CONSUMING)
                .withData("state", doing)
                .withData("partitions", partitions.toString()).build();
    }
}
