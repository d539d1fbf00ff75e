package io.chipcast.platform.rest;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A page of a list endpoint ({@code ?limit=&after=}): at most {@code limit} items (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) in the list's order, those after the item
 * whose key is {@code after}. When more follow, the answer links to the next page (RFC 8288
 * {@code Link: <…>; rel="next"}): no request reads a list without bound, and a client walks a long
 * one page by page, each fetched by key, never by an offset that shifts while rows are added.
 *
 * @param after the key of the last item of the previous page, or null for the first page; each
 *              endpoint checks it, since it knows what its keys look like
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;

    /** From the {@code limit} and {@code after} query parameters; a bad limit is a 400 naming it. */
    public static PageRequest of(String limit, String after) {
        return new PageRequest((int) RequestParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT), after);
    }

    /** How many items to read: one more than a page holds, which tells whether another page follows. */
    public int itemsToRead() {
        return limit + 1;
    }

    /** The answer to the request: the page, and the link to the next one when {@code read} held more than a page. */
    public <T> RestResponse<List<T>> answer(List<T> read, Function<T, String> keyOf, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> answer = RestResponse.ResponseBuilder.ok(items(read));
        next(read, keyOf, uri).ifPresent(link -> answer.header("Link", link));
        return answer.build();
    }

    /** The items of the page: the first {@code limit} of those read. */
    public <T> List<T> items(List<T> read) {
        return read.size() <= limit ? read : read.subList(0, limit);
    }

    /** The Link header value of the next page, when {@code read} held more than a page. */
    public <T> Optional<String> next(List<T> read, Function<T, String> keyOf, UriInfo uri) {
        return read.size() <= limit ? Optional.empty() : Optional.of(nextLink(uri, keyOf.apply(read.get(limit - 1))));
    }

    /**
     * The Link header value of the page after the item whose key is {@code lastKey}: a reference
     * relative to the host, right behind any proxy or ingress.
     */
    public String nextLink(UriInfo uri, String lastKey) {
        URI request = uri.getRequestUri();
        // The request's other parameters exactly as the client encoded them: a UriBuilder would encode their % again.
        StringBuilder query = new StringBuilder();
        if (request.getRawQuery() != null) {
            for (String parameter : request.getRawQuery().split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith("after=") && !parameter.startsWith("limit=")) {
                    query.append(parameter).append('&');
                }
            }
        }
        query.append("after=").append(URLEncoder.encode(lastKey, StandardCharsets.UTF_8)).append("&limit=").append(limit);
        return "<" + request.getRawPath() + "?" + query + ">; rel=\"next\"";
    }
}
