package io.chipcast.supply.rest;

import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.platform.idempotency.TransactionalWrites;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.rest.WriteResponses;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import io.chipcast.supply.service.ShipmentService.ShipmentHistory;
import io.chipcast.supply.service.ShipmentService;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Shipment events and shipments' states (SPEC sections 3 and 5). A viewer sees only its customers' shipments. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private final ShipmentService shipments;
    private final TransactionalWrites writes;
    private final CustomerAccess access;

    @Inject
    public ShipmentResource(ShipmentService shipments, TransactionalWrites writes, CustomerAccess access) {
        this.shipments = shipments;
        this.writes = writes;
        this.access = access;
    }

    /** One event of a shipment, new or existing, or a JSON array of them (a bulk feed, all or nothing). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Accepted and published: the event (an array of them for a bulk request), "
            + "each with the eventId and eventType of the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ShipmentEvent.class, ShipmentEvent[].class})))
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER})
    public Uni<Response> post(@HeaderParam(TransactionalWrites.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(oneOf = {ShipmentEvent.class, ShipmentEvent[].class}))) String body) {
        boolean bulk = RequestBodies.isArray(body);
        List<ShipmentEvent> events = bulk ? RequestBodies.many(body, ShipmentEvent.class)
                : List.of(RequestBodies.one(body, ShipmentEvent.class));
        return writes.execute(idempotencyKey, "POST /api/v1/shipments\n" + body, () -> shipments.accept(events, bulk))
                .map(WriteResponses::of);
    }

    /** The current state of each shipment of a customer; without {@code customerId}, of every customer the caller may read. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<RestResponse<List<ShipmentEvent>>> list(@QueryParam("customerId") String customerId,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after == null ? null : RequestParameters.identifier("after", after));
        Set<String> customers;
        if (customerId != null) {
            access.requireReadable(RequestParameters.identifier("customerId", customerId), Roles.PUBLISHER);
            customers = Set.of(customerId);
        } else {
            customers = access.readsEveryCustomer(Roles.PUBLISHER) ? null : access.viewerCustomers();
        }
        return shipments.currentStates(customers, page.after(), page.itemsToRead())
                .map(states -> page.answer(states, ShipmentEvent::shipmentId, uri));
    }

    /** A shipment's current state and its event history. */
    @GET
    @Path("{shipmentId}")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<ShipmentHistory> get(@PathParam("shipmentId") String shipmentId) {
        String id = RequestParameters.identifier("shipmentId", shipmentId);
        boolean everyCustomer = access.readsEveryCustomer(Roles.PUBLISHER);
        Set<String> readable = access.viewerCustomers();
        return shipments.history(id).map(found -> found
                // Another customer's shipment looks exactly like a missing one.
                .filter(history -> everyCustomer || readable.contains(history.current().customerId()))
                .orElseThrow(() -> ProblemException.notFound("no shipment " + id)));
    }
}
