package io.chipcast.system.fuzz;

import io.chipcast.contracts.Topic;
import io.chipcast.devstack.ChipcastService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint of chipcast with a valid request to start from: its path parameters and query
 * parameters with valid values, its body (null when it takes none), and the topic an accepted
 * write publishes to (null for reads).
 *
 * @param bulk whether the endpoint also takes a JSON array of bodies
 * @param stream whether it answers with a {@code text/event-stream} that stays open
 */
public record Endpoint(ChipcastService service, String method, String path, Map<String, String> pathValues,
        Map<String, String> query, String body, Topic<String, ?> publishesTo, boolean bulk, boolean stream) {

    public Endpoint {
        pathValues = new LinkedHashMap<>(pathValues);
        query = new LinkedHashMap<>(query);
    }

    public static Endpoint read(ChipcastService service, String path, Map<String, String> pathValues, Map<String, String> query) {
        return new Endpoint(service, "GET", path, pathValues, query, null, null, false, false);
    }

    public static Endpoint write(ChipcastService service, String method, String path, Map<String, String> pathValues,
            String body, Topic<String, ?> publishesTo, boolean bulk) {
        return new Endpoint(service, method, path, pathValues, Map.of(), body, publishesTo, bulk, false);
    }

    /** A POST that publishes nothing (what-if). */
    public static Endpoint query(ChipcastService service, String path, Map<String, String> pathValues, String body) {
        return new Endpoint(service, "POST", path, pathValues, Map.of(), body, null, false, false);
    }

    public static Endpoint stream(ChipcastService service, String path, Map<String, String> pathValues, Map<String, String> query) {
        return new Endpoint(service, "GET", path, pathValues, query, null, null, false, true);
    }

    @Override
    public String toString() {
        return method + " " + service.moduleName() + path;
    }
}
