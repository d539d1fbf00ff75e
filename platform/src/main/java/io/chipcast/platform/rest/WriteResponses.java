package io.chipcast.platform.rest;

import io.chipcast.platform.idempotency.WriteResult;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A write's result as the HTTP response that answers it. */
public final class WriteResponses {

    private WriteResponses() {
    }

    public static Response of(WriteResult result) {
        return Response.status(result.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(result.body()).build();
    }
}
