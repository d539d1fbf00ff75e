package io.chipcast.devstack;

import java.util.Arrays;
import java.util.Optional;

/** The four services of chipcast: their Maven module, default HTTP port and database. */
public enum ChipcastService {

    GATEWAY("gateway", 8080, "gateway"),
    PRICING("pricing-service", 8081, "pricing"),
    SUPPLY("supply-service", 8082, "supply"),
    FORECAST("forecast-service", 8083, "forecast");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    ChipcastService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The service's name: its Maven module and its {@code ce_source}. */
    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    public static Optional<ChipcastService> byModuleName(String name) {
        return Arrays.stream(values()).filter(service -> service.moduleName.equals(name)).findFirst();
    }
}
