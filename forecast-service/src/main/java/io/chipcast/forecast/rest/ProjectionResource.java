package io.chipcast.forecast.rest;

import io.chipcast.forecast.store.ForecastStore;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Customers' projections (SPEC section 5), read from the database that every instance shares, so
 * any instance answers for any customer. Admins and analysts read every customer, viewers theirs.
 */
@Path("/api/v1/projections/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final ForecastStore store;
    private final CustomerAccess access;

    @Inject
    public ProjectionResource(ForecastStore store, CustomerAccess access) {
        this.store = store;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<String> projection(@PathParam("customerId") String customerId) {
        readable(customerId);
        return store.projectionJson(customerId).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("no projection of customer " + customerId + " yet")));
    }

    /** Every version of the projection, oldest first, each with the cause that changed it. */
    @GET
    @Path("history")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<String> history(@PathParam("customerId") String customerId) {
        readable(customerId);
        return store.historyJson(customerId).map(versions -> "[" + String.join(",", versions) + "]");
    }

    private void readable(String customerId) {
        access.requireReadable(RequestParameters.identifier("customerId", customerId));
    }
}
