package io.chipcast.devstack.postgres;

/** A PostgreSQL server chipcast can use: given, in a container, or embedded. Closing stops it if chipcast started it. */
public interface PostgresRuntime extends AutoCloseable {

    PostgresEndpoint endpoint();

    String description();

    @Override
    void close();
}
