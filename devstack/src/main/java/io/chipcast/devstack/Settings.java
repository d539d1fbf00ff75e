package io.chipcast.devstack;

import java.util.Locale;
import java.util.Optional;

/**
 * Explicit configuration of the infrastructure, from a system property ({@code chipcast.kafka.bootstrap-servers})
 * or else the matching environment variable ({@code CHIPCAST_KAFKA_BOOTSTRAP_SERVERS}).
 */
public final class Settings {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "chipcast.kafka.bootstrap-servers";
    public static final String POSTGRES_HOST = "chipcast.postgres.host";
    public static final String POSTGRES_PORT = "chipcast.postgres.port";
    public static final String POSTGRES_USER = "chipcast.postgres.user";
    public static final String POSTGRES_PASSWORD = "chipcast.postgres.password";
    /** {@code auto} (the default), {@code containers} or {@code embedded}: which way to start what is not configured. */
    public static final String INFRASTRUCTURE = "chipcast.infrastructure";

    private Settings() {
    }

    public static Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(key));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** {@code chipcast.kafka.bootstrap-servers} becomes {@code CHIPCAST_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
