package io.chipcast.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.json.Json;
import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Calls the services of a running stack over real HTTP, as their users do. */
final class StackHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final LocalStack stack;

    StackHttp(LocalStack stack) {
        this.stack = stack;
    }

    /** The base URL of the (first) instance of a service. */
    String url(ChipcastService service) {
        return stack.services().stream().filter(s -> s.service() == service).map(s -> s.url()).findFirst().orElseThrow();
    }

    HttpResponse<String> call(String method, ChipcastService service, String path, String token, String body) throws Exception {
        return call(method, url(service) + path, token, body);
    }

    static HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The partitions of the customer topics an instance of forecast-service owns, as its readiness reports them. */
    static List<Integer> ownedPartitions(ServiceProcess forecast) {
        try {
            HttpResponse<String> ready = call("GET", forecast.url() + "/q/health/ready", null, null);
            for (JsonNode check : json(ready).path("checks")) {
                if (check.path("name").asText().equals("Forecast pipeline")) {
                    String partitions = check.path("data").path("partitions").asText("[]").replaceAll("[\\[\\] ]", "");
                    return partitions.isEmpty() ? List.of() : Arrays.stream(partitions.split(",")).map(Integer::valueOf).toList();
                }
            }
        } catch (Exception e) {
            // Not answering: it owns nothing as far as anyone can tell.
        }
        return List.of();
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.parseTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
