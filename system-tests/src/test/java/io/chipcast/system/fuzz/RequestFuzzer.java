package io.chipcast.system.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipcast.contracts.testing.PayloadMutator;
import io.chipcast.devstack.ChipcastService;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Seeded, bounded variants of valid requests to chipcast's endpoints: bodies with values from the
 * edges of the contract and beyond (through {@link PayloadMutator}), broken JSON (truncated,
 * duplicated keys, nesting 3,000 deep, 2,000-digit numbers, invalid UTF-8), bulk arrays beyond their
 * bound, bodies beyond the size limit, odd path and query parameters, content types, idempotency
 * keys and forged or unfit tokens. The same seed gives the same requests.
 */
public final class RequestFuzzer {

    /** A request to send: method, URI, headers (a name may repeat) and body. */
    public record Request(Endpoint endpoint, String mutation, String method, URI uri, List<Map.Entry<String, String>> headers,
            byte[] body) {

        @Override
        public String toString() {
            return method + " " + uri + " (" + mutation + (body == null ? "" : ", " + body.length + " bytes") + ")";
        }
    }

    /** The tokens a request may carry: the valid one of its role, and ones the services must refuse or restrict. */
    public record Tokens(String admin, String analyst, String publisher, String viewerOfOther, String foreignKey,
            String expired, String otherIssuer) {

        List<String> unfit() {
            return List.of(analyst, publisher, viewerOfOther, foreignKey, expired, otherIssuer,
                    tampered(admin), withoutSignature(admin), "", "garbage", "a.b.c", "x".repeat(10_000));
        }

        /** The admin's token with a payload edited to claim more: its signature no longer matches. */
        private static String tampered(String token) {
            String[] parts = token.split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("chipcast-admin", "chipcast-root");
            return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        }

        /** The admin's claims under {@code "alg":"none"}, without a signature. */
        private static String withoutSignature(String token) {
            String header = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            return header + "." + token.split("\\.")[1] + ".";
        }
    }

    private static final ObjectMapper CLIENT = new ObjectMapper();
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "application/problem+json", "*/*", "");
    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "text/event-stream", "*/*", "image/png", "");
    private static final List<String> NOT_JSON = List.of("", "   ", "null", "42", "\"text\"", "[]", "{}", "<xml/>", "{\"a\":}",
            "{'sku':'x'}", "\uFEFF{}", "true");
    private static final List<String> QUERY_VALUES = List.of("LIST", "SPOT", "list", "RETAIL", "0", "1", "2", "30", "31", "-1",
            "1000", "1001", "1.5", "1e3", "9223372036854775807", "9223372036854775808", "COST_CHANGED", "cost_changed",
            "COST_CHANGED,LINE_BLOCKED", ",,", "BOGUS", "2024-06-01T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z", "2024-06-01", "now", "acme-ai", "fuzz-reads", "0f8fad5b-d9cb-469f-a165-70867728950e", "%00", "\u0000", "é", "x".repeat(5_000), "");
    private static final List<String> IDEMPOTENCY_KEYS = List.of("", "k", "x".repeat(200), "x".repeat(201), "é", "a b", "a\tb",
            "reused-key", "reused-key");
    private static final List<String> LAST_EVENT_IDS = List.of("0", "-1", "garbage", "1-2-3", "0:0", "99999999999999999999",
            "x".repeat(5_000), "");

    private final PayloadMutator mutator;
    private final Function<ChipcastService, String> baseUrl;
    private final Tokens tokens;

    public RequestFuzzer(long seed, Function<ChipcastService, String> baseUrl, Tokens tokens) {
        this.mutator = new PayloadMutator(seed);
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    public Request next(List<Endpoint> endpoints) {
        Endpoint endpoint = mutator.pick(endpoints);
        Draft draft = new Draft(endpoint, tokens.admin());
        int dice = mutator.nextInt(100);
        if (dice < 10) {
            draft.mutation = "valid";
        } else if (dice < 40 && endpoint.body() != null) {
            draft.mutateValues();
        } else if (dice < 48 && endpoint.body() != null) {
            draft.breakJson();
        } else if (dice < 55 && endpoint.bulk()) {
            draft.bulk();
        } else if (dice < 56 && endpoint.body() != null) {
            draft.oversize();
        } else if (dice < 66 && !endpoint.pathValues().isEmpty()) {
            draft.mutatePath();
        } else if (dice < 78) {
            draft.mutateQuery();
        } else if (dice < 89) {
            draft.mutateHeaders();
        } else {
            draft.mutateToken();
        }
        return draft.build();
    }

    /** A request being put together from its endpoint's valid one. */
    private final class Draft {

        private final Endpoint endpoint;
        private final Map<String, String> pathValues;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body;
        private String mutation;

        Draft(Endpoint endpoint, String token) {
            this.endpoint = endpoint;
            this.pathValues = new LinkedHashMap<>(endpoint.pathValues());
            endpoint.query().forEach((name, value) -> query.add(Map.entry(name, value)));
            headers.add(Map.entry("Authorization", "Bearer " + token));
            if (endpoint.body() != null) {
                body = endpoint.body().getBytes(StandardCharsets.UTF_8);
                headers.add(Map.entry("Content-Type", "application/json"));
                if (endpoint.publishesTo() != null) {
                    headers.add(Map.entry("Idempotency-Key", UUID.randomUUID().toString()));
                }
            }
        }

        void mutateValues() {
            mutation = "body values";
            body = write(mutator.mutate(tree(endpoint.body())));
        }

        void breakJson() {
            String json = endpoint.body();
            int kind = mutator.nextInt(8);
            mutation = "broken JSON " + kind;
            body = switch (kind) {
                case 0 -> json.substring(0, mutator.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
                case 1 -> json.replaceFirst("\\{\"(\\w+)\":", "{\"$1\":null,\"$1\":").getBytes(StandardCharsets.UTF_8);
                case 2 -> ("[".repeat(3_000) + "]".repeat(3_000)).getBytes(StandardCharsets.UTF_8);
                case 3 -> json.replaceFirst(":(\\d+)", ":" + "9".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
                case 4 -> invalidUtf8(json);
                case 5 -> mutator.pick(NOT_JSON).getBytes(StandardCharsets.UTF_8);
                case 6 -> (json + mutator.pick(List.of("}", " {}", ",", "]", "\u0000"))).getBytes(StandardCharsets.UTF_8);
                default -> json.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
            };
        }

        void bulk() {
            ArrayNode items = CLIENT.createArrayNode();
            int kind = mutator.nextInt(4);
            mutation = "bulk " + kind;
            int count = switch (kind) {
                case 0 -> 0;
                case 1 -> 10_001;
                default -> 1 + mutator.nextInt(5);
            };
            for (int i = 0; i < count; i++) {
                items.add(kind == 3 && i == count - 1 ? mutator.mutate(tree(endpoint.body())) : tree(endpoint.body()));
            }
            body = write(items);
        }

        /**
         * Beyond the 8 MiB bound. (Sent whole: JDK 17's client waits for ever when a server answers
         * "Expect: 100-continue" with a final status, JDK-8286171.)
         */
        void oversize() {
            mutation = "oversize";
            String padding = "x".repeat(8 * 1024 * 1024 + 1);
            body = endpoint.body().replaceFirst("\\}\\s*$", ",\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
        }

        void mutatePath() {
            mutation = "path";
            String name = mutator.pick(new ArrayList<>(pathValues.keySet()));
            pathValues.put(name, mutator.nextInt(3) == 0 ? mutator.pick(QUERY_VALUES) : mutator.edgeValue().asText());
        }

        void mutateQuery() {
            mutation = "query";
            int kind = mutator.nextInt(4);
            if (kind == 0 || query.isEmpty()) {
                query.add(Map.entry(mutator.pick(List.of("market", "asOf", "minPlanVersion", "wait", "limit", "type", "customerId",
                        "after", "unexpected")), mutator.pick(QUERY_VALUES)));
            } else {
                int index = mutator.nextInt(query.size());
                String name = query.get(index).getKey();
                switch (kind) {
                    case 1 -> query.set(index, Map.entry(name, mutator.pick(QUERY_VALUES)));
                    case 2 -> query.remove(index);
                    default -> query.add(Map.entry(name, mutator.pick(QUERY_VALUES)));
                }
            }
        }

        void mutateHeaders() {
            mutation = "headers";
            switch (mutator.nextInt(4)) {
                case 0 -> replaceHeader("Content-Type", mutator.pick(CONTENT_TYPES));
                case 1 -> replaceHeader("Accept", mutator.pick(ACCEPTS));
                case 2 -> replaceHeader("Idempotency-Key", mutator.pick(IDEMPOTENCY_KEYS));
                default -> replaceHeader("Last-Event-ID", mutator.pick(LAST_EVENT_IDS));
            }
        }

        void mutateToken() {
            mutation = "token";
            String token = mutator.pick(tokens.unfit());
            headers.removeIf(header -> header.getKey().equals("Authorization"));
            switch (mutator.nextInt(4)) {
                case 0 -> {
                    // no Authorization header at all
                }
                case 1 -> headers.add(Map.entry("Authorization", mutator.pick(List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                        "bearer " + tokens.admin(), "Bearer " + tokens.admin() + " " + tokens.admin()))));
                default -> headers.add(Map.entry("Authorization", "Bearer " + token));
            }
        }

        private void replaceHeader(String name, String value) {
            headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
            headers.add(Map.entry(name, value));
        }

        Request build() {
            String path = endpoint.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            StringBuilder uri = new StringBuilder(baseUrl.apply(endpoint.service())).append(path);
            for (int i = 0; i < query.size(); i++) {
                uri.append(i == 0 ? '?' : '&').append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
            }
            return new Request(endpoint, mutation, endpoint.method(), URI.create(uri.toString()), List.copyOf(headers), body);
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) CLIENT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return CLIENT.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with two bytes that are not UTF-8 inside its first string value. */
    private static byte[] invalidUtf8(String json) {
        int at = json.indexOf(":\"") + 2;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
