package io.chipcast.gateway.rest.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * forecast-service's projection API (SPEC section 5), called with the caller's own bearer token:
 * forecast-service checks it again. Bodies stay JSON text, passed on as forecast-service wrote them.
 */
@RegisterRestClient(configKey = "forecast")
@Path("/api/v1/projections/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public interface ForecastClient {

    @GET
    Uni<RestResponse<String>> projection(@PathParam("customerId") String customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("history")
    Uni<RestResponse<String>> history(@PathParam("customerId") String customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit,
            @QueryParam("after") String after);

    @POST
    @Path("what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<String>> whatIf(@PathParam("customerId") String customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body);
}
