package io.chipcast.supply.rest;

import io.chipcast.contracts.payload.Ruling;
import io.chipcast.platform.idempotency.TransactionalWrites;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.rest.WriteResponses;
import io.chipcast.platform.rest.WrittenEvent;
import io.chipcast.platform.security.Roles;
import io.chipcast.supply.service.RulingService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Export-control rulings (SPEC sections 3 and 5). Rulings are public reference data: every role reads them. */
@Path("/api/v1/rulings")
@Produces(MediaType.APPLICATION_JSON)
public class RulingResource {

    private final RulingService rulings;
    private final TransactionalWrites writes;

    @Inject
    public RulingResource(RulingService rulings, TransactionalWrites writes) {
        this.rulings = rulings;
        this.writes = writes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Issued and published, with the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {Ruling.class, WrittenEvent.class})))
    @APIResponse(responseCode = "200", description = "An amendment of a ruling issued before, published, with the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {Ruling.class, WrittenEvent.class})))
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER})
    public Uni<Response> issue(@HeaderParam(TransactionalWrites.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = Ruling.class))) String body) {
        Ruling ruling = RequestBodies.one(body, Ruling.class);
        return writes.execute(idempotencyKey, "POST /api/v1/rulings\n" + body, () -> rulings.issue(ruling))
                .map(WriteResponses::of);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<RestResponse<List<Ruling>>> list(@QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after == null ? null : RequestParameters.identifier("after", after));
        return rulings.list(page.after(), page.itemsToRead()).map(list -> page.answer(list, Ruling::rulingId, uri));
    }

    @GET
    @Path("{rulingId}")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<Ruling> get(@PathParam("rulingId") String rulingId) {
        return rulings.get(RequestParameters.identifier("rulingId", rulingId));
    }
}
