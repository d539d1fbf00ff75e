package io.chipcast.pricing.rest;

import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.platform.idempotency.TransactionalWrites;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.rest.WriteResponses;
import io.chipcast.platform.security.Roles;
import io.chipcast.pricing.service.PriceService.PricedChange;
import io.chipcast.pricing.service.PriceService;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Price changes and the price in effect at an instant (SPEC sections 4 and 5). */
@Path("/api/v1/prices")
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

    private final PriceService prices;
    private final TransactionalWrites writes;

    @Inject
    public PriceResource(PriceService prices, TransactionalWrites writes) {
        this.prices = prices;
        this.writes = writes;
    }

    /** One price change, or a JSON array of them (a bulk feed, all or nothing). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Accepted and published: the change (an array of them for a bulk request), "
            + "each with the eventId and eventType of the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {PriceChange.class, PriceChange[].class})))
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER})
    public Uni<Response> post(@HeaderParam(TransactionalWrites.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(oneOf = {PriceChange.class, PriceChange[].class}))) String body) {
        boolean bulk = RequestBodies.isArray(body);
        List<PriceChange> changes = bulk ? RequestBodies.many(body, PriceChange.class)
                : List.of(RequestBodies.one(body, PriceChange.class));
        return writes.execute(idempotencyKey, "POST /api/v1/prices\n" + body,
                () -> prices.accept(changes, bulk)).map(WriteResponses::of);
    }

    /** SPEC section 4's price(S, M, T): the price of a SKU in a market in effect at {@code asOf} (default: now). */
    @GET
    @Path("{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<PricedChange> inEffect(@PathParam("sku") String sku,
            @Parameter(description = "The market (default LIST)", schema = @Schema(implementation = Market.class)) @QueryParam("market") String market,
            @Parameter(description = "The instant the price is in effect at (RFC 3339; default now)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("asOf") String asOf) {
        return prices.inEffect(RequestParameters.identifier("sku", sku),
                RequestParameters.oneOf("market", market, Market.class, Market.LIST),
                RequestParameters.instant("asOf", asOf, Instant.now()));
    }

    @GET
    @Path("{sku}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<RestResponse<List<PricedChange>>> history(@PathParam("sku") String sku,
            @Parameter(description = "Only this market's changes (default: every market)", schema = @Schema(implementation = Market.class))
            @QueryParam("market") String market,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after);
        return prices.history(RequestParameters.identifier("sku", sku), RequestParameters.oneOf("market", market, Market.class, null),
                        after == null ? null : RequestParameters.uuid("after", after), page.itemsToRead())
                .map(changes -> page.answer(changes, PricedChange::eventId, uri));
    }
}
