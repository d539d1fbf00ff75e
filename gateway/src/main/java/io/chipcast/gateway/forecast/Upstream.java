package io.chipcast.gateway.forecast;

import io.chipcast.platform.rest.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** forecast-service's answer: a JSON body, or a problem (4xx) passed on to the caller as it is. */
public record Upstream(int status, String body) {

    public boolean isOk() {
        return status == 200;
    }

    public Response toResponse() {
        return Response.status(status).type(isOk() ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE).entity(body).build();
    }
}
