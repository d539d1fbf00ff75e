package io.chipcast.platform.asyncapi;

import io.chipcast.contracts.asyncapi.AsyncApiDocument;
import io.chipcast.contracts.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the AsyncAPI document of chipcast's topics at {@code /q/asyncapi}, beside {@code /q/openapi}:
 * every service serves the same document, generated from the contracts' topic registry when first
 * asked for — not at start-up, which a restarted forecast-service must get through in seconds — and
 * off the event loop, since deriving the payload schemas takes a moment.
 */
@ApplicationScoped
public class AsyncApiRoute {

    public static final String PATH = "/q/asyncapi";

    private final String version;
    private volatile String document;

    @Inject
    public AsyncApiRoute(@ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.version = version;
    }

    void register(@Observes Router router) {
        router.get(PATH).blockingHandler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .end(document()));
    }

    private String document() {
        String generated = document;
        if (generated == null) {
            // Generating twice on concurrent first requests is harmless: both get the same text.
            generated = Json.writeString(AsyncApiDocument.of(version));
            document = generated;
        }
        return generated;
    }
}
