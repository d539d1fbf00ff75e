package io.chipcast.devstack.postgres;

/** Where a PostgreSQL server answers and whom to log in as; one server holds a database per service. */
public record PostgresEndpoint(String host, int port, String user, String password) {

    /** The administrative database every server has, used to create the others. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form of the Vert.x reactive client, as Quarkus' {@code quarkus.datasource.reactive.url} takes it. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        // Never the password: endpoints end up in logs.
        return "postgresql://" + user + "@" + host + ":" + port;
    }
}
