package io.chipcast.platform.rest;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.Limits;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body announced larger than {@link Limits#MAX_BODY_BYTES} before it is read, with the
 * same 413 problem that {@link RequestBodies} answers for a body it has read: otherwise Vert.x
 * answers a bare 413 without a word beyond {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Before the routes (and their body handler), after nothing that would read the body. */
    private static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(this::refuseTooLarge, PRIORITY);
    }

    private void refuseTooLarge(RoutingContext context) {
        long length = announcedLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length > Limits.MAX_BODY_BYTES) {
            Problem problem = RequestBodies.tooManyBytes(length).problem().at(context.request().path());
            // The rest of the body is not read: the connection closes after the answer.
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.writeString(problem));
            return;
        }
        context.next();
    }

    /** The Content-Length header's value; -1 when absent (a chunked body) or malformed (Vert.x refuses that itself). */
    private static long announcedLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
