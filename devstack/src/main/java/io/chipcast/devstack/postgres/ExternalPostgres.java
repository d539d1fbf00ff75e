package io.chipcast.devstack.postgres;

/** A server configured explicitly; chipcast neither starts nor stops it. */
public record ExternalPostgres(PostgresEndpoint endpoint) implements PostgresRuntime {

    @Override
    public String description() {
        return "configured PostgreSQL at " + endpoint;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
