package io.chipcast.bench;

import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * How long {@code GET /api/v1/portfolio} takes through the gateway, as an analyst asks it: the
 * whole portfolio, and with the cost changes of the last ten minutes (every customer the load moved).
 */
final class PortfolioQueryTime {

    private static final URI GATEWAY = URI.create("http://localhost:8080/api/v1/portfolio");
    private static final int WARM_UP = 5;
    private static final int CALLS = 30;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PortfolioQueryTime() {
    }

    /** "p50 4 ms, p99 9 ms over 30 calls; with ?since=10 minutes ago: p50 … (customers: 100000)"; empty when the stack's gateway does not answer. */
    static Optional<String> measure() {
        try {
            String token = LocalStack.tokenIssuer(Workspace.fromSystemProperty()).mint("analyst", List.of(), Duration.ofHours(1));
            Histogram whole = time(GATEWAY, token);
            URI windowed = URI.create(GATEWAY + "?since=" + Instant.now().minus(Duration.ofMinutes(10)));
            Histogram sinced = time(windowed, token);
            String body = call(GATEWAY, token);
            String customers = body.replaceAll("(?s)^\\{\"customers\":(\\d+).*", "$1");
            return Optional.of(String.format("p50 %d ms, p99 %d ms over %d calls; with ?since= ten minutes ago: p50 %d ms, p99 %d ms (customers: %s)",
                    whole.getValueAtPercentile(50), whole.getValueAtPercentile(99), CALLS,
                    sinced.getValueAtPercentile(50), sinced.getValueAtPercentile(99), customers));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Histogram time(URI uri, String token) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call(uri, token);
        }
        Histogram millis = new Histogram(3);
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            call(uri, token);
            millis.recordValue((System.nanoTime() - started) / 1_000_000);
        }
        return millis;
    }

    private static String call(URI uri, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("portfolio answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
