package io.chipcast.devstack.local;

import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.FreePorts;
import io.chipcast.devstack.Infrastructure;
import io.chipcast.devstack.Settings;
import java.util.EnumMap;
import java.util.Map;

/** The ports of a local stack: the embedded servers' and each service's HTTP port. */
public record StackPorts(Infrastructure.EmbeddedPorts infrastructure, Map<ChipcastService, Integer> services) {

    /** SPEC section 6: Kafka on 9092, the services on 8080-8083; each service's port can be overridden. */
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    /** Not 5432, so that a PostgreSQL already running on this machine does not stand in the way. */
    public static final int POSTGRES_PORT = 15432;

    public StackPorts {
        services = Map.copyOf(services);
    }

    public static StackPorts defaults() {
        Map<ChipcastService, Integer> services = new EnumMap<>(ChipcastService.class);
        for (ChipcastService service : ChipcastService.values()) {
            services.put(service, Settings.get("chipcast." + service.moduleName() + ".port").map(Integer::parseInt)
                    .orElse(service.defaultPort()));
        }
        return new StackPorts(new Infrastructure.EmbeddedPorts(KAFKA_PORT, KAFKA_CONTROLLER_PORT, POSTGRES_PORT), services);
    }

    /** Free ports for everything: for tests, which must not collide with a stack someone is running. */
    public static StackPorts random() {
        Map<ChipcastService, Integer> services = new EnumMap<>(ChipcastService.class);
        for (ChipcastService service : ChipcastService.values()) {
            services.put(service, FreePorts.pick());
        }
        return new StackPorts(Infrastructure.EmbeddedPorts.random(), services);
    }

    public int of(ChipcastService service) {
        return services.get(service);
    }
}
