package io.chipcast.gateway.rest.client;

import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.Problem;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * forecast-service's answer: a JSON body, or a problem (4xx) passed on to the caller as it is.
 *
 * @param nextAfter for a page of a list, the {@code after} key of the next page when there is one
 */
public record Upstream(int status, String body, String nextAfter) {

    public boolean isOk() {
        return status == 200;
    }

    public Response toResponse() {
        return Response.status(status).type(isOk() ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The answer as a page of the gateway's own list: its link to the next page points at the gateway, not at forecast-service. */
    public Response toPage(PageRequest page, UriInfo uri) {
        Response answer = toResponse();
        return nextAfter == null ? answer : Response.fromResponse(answer).header("Link", page.nextLink(uri, nextAfter)).build();
    }

    /** The {@code after} parameter of a next-page link, or null without one. */
    static String nextAfter(Link next) {
        if (next == null || next.getUri().getRawQuery() == null) {
            return null;
        }
        for (String parameter : next.getUri().getRawQuery().split("&")) {
            if (parameter.startsWith("after=")) {
                return URLDecoder.decode(parameter.substring("after=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
