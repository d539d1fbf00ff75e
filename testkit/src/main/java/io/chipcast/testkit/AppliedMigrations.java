package io.chipcast.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The Flyway migrations applied to the database of the app under test, read straight from PostgreSQL. */
public final class AppliedMigrations {

    private AppliedMigrations() {
    }

    /** The versions of the successful migrations, in the order they were applied. */
    public static List<String> ofCurrentApp() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migrations applied at " + url, e);
        }
    }
}
