package io.chipcast.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.MalformedPayloadException;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request bodies strictly (the contracts' JSON rules), one payload or a bulk array of them.
 * A bulk request is all or nothing: every bad item is reported with its index, and none is kept.
 */
public final class RequestBodies {

    /** Beyond this a request is refused before it is parsed. */
    public static final int MAX_BYTES = Limits.MAX_BODY_BYTES;
    public static final int MAX_ITEMS = Limits.MAX_BULK_ITEMS;

    private RequestBodies() {
    }

    /** Whether the body is a JSON array (a bulk request) rather than one object. */
    public static boolean isArray(String body) {
        return body != null && body.stripLeading().startsWith("[");
    }

    public static <T extends Validated> T one(String body, Class<T> type) {
        return Json.read(bytes(body), type);
    }

    /**
     * One payload parsed but not yet validated, for requests that complete it from the path first
     * (the SKU of PUT /skus/{sku}, the customer of a demand plan). The size bound still applies.
     */
    public static <T> T unvalidated(String body, Class<T> type) {
        return Json.parse(bytes(body), type);
    }

    public static <T extends Validated> List<T> many(String body, Class<T> type) {
        JsonNode tree = Json.parseTree(bytes(body));
        if (!tree.isArray()) {
            throw new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT, "must be a JSON array"));
        }
        if (tree.isEmpty()) {
            throw new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT, "must hold at least one item"));
        }
        if (tree.size() > MAX_ITEMS) {
            throw ProblemException.tooLarge("holds " + tree.size() + " items; at most " + MAX_ITEMS + " are accepted in one request");
        }
        List<T> items = new ArrayList<>(tree.size());
        List<Violation> malformed = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            String index = "[" + i + "]";
            try {
                T item = Json.bind(tree.get(i), type);
                item.violations().forEach(v -> invalid.add(v.under(index)));
                items.add(item);
            } catch (MalformedPayloadException e) {
                e.violations().forEach(v -> malformed.add(v.under(index)));
            }
        }
        if (!malformed.isEmpty()) {
            malformed.addAll(invalid);
            throw new MalformedPayloadException(malformed);
        }
        if (!invalid.isEmpty()) {
            throw new InvalidPayloadException(invalid);
        }
        return items;
    }

    private static byte[] bytes(String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            // A problem naming the limit; Vert.x answers a bare 413 only far beyond it (quarkus.http.limits.max-body-size).
            throw tooManyBytes(bytes.length);
        }
        return bytes;
    }

    /** The 413 problem of a body of more than {@link #MAX_BYTES} bytes. */
    static ProblemException tooManyBytes(long bytes) {
        return ProblemException.tooLarge("has " + bytes + " bytes; at most " + MAX_BYTES + " are accepted in one request");
    }
}
