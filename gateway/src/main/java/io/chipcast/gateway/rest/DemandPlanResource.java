package io.chipcast.gateway.rest;

import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.gateway.service.DemandPlanService;
import io.chipcast.platform.idempotency.TransactionalWrites;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.rest.WriteResponses;
import io.chipcast.platform.rest.WrittenEvent;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Customers' demand plans (SPEC section 5). The body is a plan's name, country and lines; the
 * customer comes from the path (a customerId in the body must equal it) and the version is the
 * next one (a version in the body is ignored).
 */
@Path("/api/v1/customers/{customerId}/demand-plan")
@Produces(MediaType.APPLICATION_JSON)
public class DemandPlanResource {

    private final DemandPlanService plans;
    private final TransactionalWrites writes;
    private final CustomerAccess access;

    @Inject
    public DemandPlanResource(DemandPlanService plans, TransactionalWrites writes, CustomerAccess access) {
        this.plans = plans;
        this.writes = writes;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The customer's first plan, stored and published, with the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {DemandPlan.class, WrittenEvent.class})))
    @APIResponse(responseCode = "200", description = "The plan's next version, stored and published, with the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {DemandPlan.class, WrittenEvent.class})))
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> put(@PathParam("customerId") String customerId,
            @HeaderParam(TransactionalWrites.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = DemandPlan.class))) String body) {
        DemandPlan plan = planFor(RequestParameters.identifier("customerId", customerId), body);
        return writes.execute(idempotencyKey, "PUT /api/v1/customers/" + customerId + "/demand-plan\n" + body,
                () -> plans.replace(plan)).map(WriteResponses::of);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<DemandPlan> get(@PathParam("customerId") String customerId) {
        access.requireReadable(RequestParameters.identifier("customerId", customerId));
        return plans.current(customerId);
    }

    /** The plan asked for, validated with the customer of the path; its version is set when it is stored. */
    private static DemandPlan planFor(String customerId, String body) {
        DemandPlan parsed = RequestBodies.unvalidated(body, DemandPlan.class);
        if (parsed.customerId() != null && !parsed.customerId().equals(customerId)) {
            throw ProblemException.unprocessable("customerId", "must equal the customer in the path (" + customerId + ")");
        }
        return new DemandPlan(customerId, parsed.name(), parsed.country(), 1L, parsed.lines()).validated();
    }
}
