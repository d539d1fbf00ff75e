package io.chipcast.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chipcast.contracts.validation.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code violations} names each offending field of an invalid
 * request (the JSON path, or the header or query parameter name).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    public static final int UNPROCESSABLE = 422;
    private static final String TYPES = "https://chipcast.io/problems/";

    public static Problem of(Response.Status status, String kind, String detail) {
        return new Problem(TYPES + kind, status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    public static Problem invalid(int status, String kind, List<Violation> violations) {
        String detail = violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new Problem(TYPES + kind, title(status), status, detail, null, violations);
    }

    /** The reason phrase of a status, including those JAX-RS has no constant for (422). */
    public static String title(int status) {
        if (status == UNPROCESSABLE) {
            return "Unprocessable Content";
        }
        if (status == 413) {
            return "Content Too Large";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
