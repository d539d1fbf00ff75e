package io.chipcast.gateway.rest;

import io.chipcast.contracts.api.Portfolio;
import io.chipcast.gateway.rest.client.ForecastQueries;
import io.chipcast.gateway.rest.client.Upstream;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Every customer's projection the caller may read, summed up (issue 16): answered by
 * forecast-service, which keeps the figures with every commit (ADR 015) and checks the caller's
 * token again — a viewer's portfolio is its own customers'.
 */
@Path("/api/v1/portfolio")
public class PortfolioResource {

    private final ForecastQueries queries;

    @Inject
    public PortfolioResource(ForecastQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Totals, breakdowns by SKU, country and status, rankings, and what the figures reflect",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Portfolio.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Response> portfolio(
            @Parameter(description = "rank the customers whose cost moved most since this instant (RFC 3339; default: no ranking). "
                    + "It reads every version of the window: its time grows with the customers moved since then",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = "how many customers each ranking lists (1-100; default 10)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("top") String top,
            @Parameter(description = "only these customers (repeatable, or comma-separated); a viewer's portfolio is its own customers'",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("customerId") List<String> customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return ForecastQueries.fromForecast(queries.portfolio(authorization, since, top, customerId)).map(Upstream::toResponse);
    }
}
