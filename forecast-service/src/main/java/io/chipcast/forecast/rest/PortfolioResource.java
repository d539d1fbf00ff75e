package io.chipcast.forecast.rest;

import io.chipcast.contracts.api.Portfolio;
import io.chipcast.forecast.repository.PortfolioStore;
import io.chipcast.forecast.repository.PortfolioStore.PortfolioQuery;
import io.chipcast.platform.rest.ParameterDocs;
import io.chipcast.platform.rest.RepeatedParameters;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Every customer's current projection the caller may read, summed up (issue 16's portfolio; ADR
 * 015): totals, breakdowns by SKU, country and status, the customers most at risk and those whose
 * cost moved most. Any instance answers, from the database they share.
 */
@Path("/api/v1/portfolio")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 100;

    private final PortfolioStore store;
    private final CustomerAccess access;

    @Inject
    public PortfolioResource(PortfolioStore store, CustomerAccess access) {
        this.store = store;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Portfolio> portfolio(
            @Parameter(description = ParameterDocs.PORTFOLIO_SINCE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = ParameterDocs.PORTFOLIO_TOP,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("top") String top,
            @Parameter(description = ParameterDocs.PORTFOLIO_CUSTOMERS,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("customerId") List<String> customerId) {
        Instant from = RequestParameters.instant("since", since, null);
        int listed = (int) RequestParameters.wholeNumber("top", top, 1, MAX_TOP, DEFAULT_TOP);
        Optional<Set<String>> customers = access.scope(RepeatedParameters.identifiers("customerId", customerId));
        return store.portfolio(new PortfolioQuery(customers.orElse(null), from, listed));
    }
}
