package io.chipcast.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * forecast-service's projection and alert history API as the gateway's tests need it: a real HTTP server on a free
 * port answering what each test sets, and remembering the credentials it was called with.
 * (The whole stack, forecast-service included, is tested in system-tests.)
 */
public final class ForecastStub implements QuarkusTestResourceLifecycleManager {

    /** @param link a Link header to answer with, or null */
    public record Answer(int status, String body, String link) {
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** The query string of every call, by path. */
    public static final Map<String, String> QUERIES = new ConcurrentHashMap<>();
    private HttpServer server;

    /** The path under which {@code GET /api/v1/alerts} is answered and its queries remembered. */
    public static final String ALERTS = "(alerts)";
    /** The path under which {@code GET /api/v1/portfolio} is answered and its queries remembered. */
    public static final String PORTFOLIO = "(portfolio)";

    /** What {@code GET|POST /api/v1/projections/{path}} answers, e.g. path {@code acme} or {@code acme/history}; {@link #ALERTS} for the alert history, {@link #PORTFOLIO} for the portfolio. */
    public static void answer(String path, int status, String body) {
        ANSWERS.put(path, new Answer(status, body, null));
    }

    /** A page of a list, with the Link header forecast-service sends when another page follows. */
    public static void answerPage(String path, String body, String link) {
        ANSWERS.put(path, new Answer(200, body, link));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/projections/", this::handle);
        server.createContext("/api/v1/alerts", this::handle);
        server.createContext("/api/v1/portfolio", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.forecast.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getRequestBody().readAllBytes();
        String requested = exchange.getRequestURI().getPath();
        String path = requested.startsWith("/api/v1/alerts") ? ALERTS
                : requested.startsWith("/api/v1/portfolio") ? PORTFOLIO : requested.substring("/api/v1/projections/".length());
        QUERIES.put(path, String.valueOf(exchange.getRequestURI().getRawQuery()));
        Answer answer = ANSWERS.getOrDefault(path, new Answer(404,
                "{\"type\":\"https://chipcast.io/problems/not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no projection of " + path + "\"}",
                null));
        if (answer.link() != null) {
            exchange.getResponseHeaders().add("Link", answer.link());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
