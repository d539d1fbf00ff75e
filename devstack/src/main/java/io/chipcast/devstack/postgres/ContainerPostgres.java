package io.chipcast.devstack.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container. */
public final class ContainerPostgres implements PostgresRuntime {

    static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    public static ContainerPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand("postgres", "-c", "max_connections=300");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public PostgresEndpoint endpoint() {
        return new PostgresEndpoint(container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword());
    }

    @Override
    public String description() {
        return "PostgreSQL container " + IMAGE + " at " + endpoint();
    }

    @Override
    public void close() {
        container.stop();
    }
}
