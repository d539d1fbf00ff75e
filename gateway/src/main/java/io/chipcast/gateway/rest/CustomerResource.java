package io.chipcast.gateway.rest;

import io.chipcast.gateway.service.DemandPlanService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The customers with a demand plan that the caller may read, by id: what the dashboard offers to choose from. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final int MAX_LIMIT = 1000;

    private final DemandPlanService plans;
    private final CustomerAccess access;

    @Inject
    public CustomerResource(DemandPlanService plans, CustomerAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<List<DemandPlanService.CustomerSummary>> customers(@Parameter(description = "How many customers at most",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "" + MAX_LIMIT))
            @QueryParam("limit") String limit) {
        int size = (int) RequestParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, MAX_LIMIT);
        return plans.customers(access.readsEveryCustomer() ? null : access.viewerCustomers(), size);
    }
}
