package io.chipcast.gateway.rest;

import io.chipcast.contracts.api.Portfolio;
import io.chipcast.gateway.rest.client.ForecastQueries;
import io.chipcast.gateway.rest.client.Upstream;
import io.chipcast.platform.rest.ParameterDocs;
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
            @Parameter(description = ParameterDocs.PORTFOLIO_SINCE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = ParameterDocs.PORTFOLIO_TOP,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("top") String top,
            @Parameter(description = ParameterDocs.PORTFOLIO_CUSTOMERS,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("customerId") List<String> customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return ForecastQueries.fromForecast(queries.portfolio(authorization, since, top, customerId)).map(Upstream::toResponse);
    }
}
