package io.chipcast.devstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates a service's database on a server when it does not exist yet; its schema is the service's own migrations' job. */
public final class DatabaseProvisioner {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private DatabaseProvisioner() {
    }

    /** Returns true when it created the database. */
    public static boolean ensureDatabase(PostgresEndpoint endpoint, String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a database name chipcast uses: " + database);
        }
        try (Connection connection = DriverManager.getConnection(
                endpoint.jdbcUrl(PostgresEndpoint.MAINTENANCE_DATABASE), endpoint.user(), endpoint.password())) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is checked against DATABASE_NAME above; CREATE DATABASE takes no parameters.
                create.execute("CREATE DATABASE " + database);
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + endpoint, e);
        }
    }
}
