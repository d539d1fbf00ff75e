package io.chipcast.gateway.rest.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * forecast-service's answers across customers — the alert history and the portfolio — called with
 * the caller's own bearer token; parameters passed on as the caller gave them.
 */
@RegisterRestClient(configKey = "forecast")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ForecastOverviewClient {

    @GET
    @Path("alerts")
    Uni<RestResponse<String>> alerts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("since") String since,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @QueryParam("type") List<String> type,
            @QueryParam("severity") List<String> severity, @QueryParam("customerId") List<String> customerId);

    @GET
    @Path("portfolio")
    Uni<RestResponse<String>> portfolio(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("since") String since,
            @QueryParam("top") String top, @QueryParam("customerId") List<String> customerId);
}
