package io.chipcast.forecast.messaging;

/**
 * Where this instance's pipeline stands. It is ready only once it owns its partitions of the
 * customer topics and has restored their customers: before that, an instance would say READY while
 * no projection of its customers could move.
 */
public enum PipelineState {
    LOADING_REFERENCE_DATA("reading the catalog, prices and rulings"),
    AWAITING_PARTITIONS("waiting for the consumer group to assign partitions"),
    RESTORING("restoring the customers of the partitions just assigned"),
    CONSUMING("consuming its partitions");

    private final String description;

    PipelineState(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
