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
 * every service serves the same document, generated once from the contracts' topic registry.
 */
@ApplicationScoped
public class AsyncApiRoute {

    public static final String PATH = "/q/asyncapi";

    private final String document;

    @Inject
    public AsyncApiRoute(@ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.document = Json.writeString(AsyncApiDocument.of(version));
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .end(document));
    }
}
