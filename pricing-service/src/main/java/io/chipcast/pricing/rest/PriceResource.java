package io.chipcast.pricing.rest;

import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.platform.idempotency.TransactionalWrites;
import io.chipcast.platform.idempotency.WriteResult;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.security.Roles;
import io.chipcast.pricing.service.PriceService;
import io.chipcast.pricing.service.PriceService.PricedChange;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Price changes and the price in effect at an instant (SPEC sections 4 and 5). */
@Path("/api/v1/prices")
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

    private final PriceService prices;
    private final TransactionalWrites writes;
    private final SecurityIdentity identity;

    @Inject
    public PriceResource(PriceService prices, TransactionalWrites writes, SecurityIdentity identity) {
        this.prices = prices;
        this.writes = writes;
        this.identity = identity;
    }

    /** One price change, or a JSON array of them (a bulk feed, all or nothing). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER})
    public Uni<Response> post(@HeaderParam(TransactionalWrites.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(oneOf = {PriceChange.class, PriceChange[].class}))) String body) {
        boolean bulk = RequestBodies.isArray(body);
        List<PriceChange> changes = bulk ? RequestBodies.many(body, PriceChange.class)
                : List.of(RequestBodies.one(body, PriceChange.class));
        return writes.execute(idempotencyKey, identity.getPrincipal().getName(), "POST /api/v1/prices\n" + body,
                () -> prices.accept(changes, bulk)).map(WriteResult::toResponse);
    }

    /** SPEC section 4's price(S, M, T): the price of a SKU in a market in effect at {@code asOf} (default: now). */
    @GET
    @Path("{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<PricedChange> inEffect(@PathParam("sku") String sku, @QueryParam("market") String market,
            @QueryParam("asOf") String asOf) {
        CatalogResource.requireIdentifier(sku);
        return prices.inEffect(sku, market == null ? Market.LIST : market(market), asOf == null ? Instant.now() : instant(asOf));
    }

    @GET
    @Path("{sku}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<List<PricedChange>> history(@PathParam("sku") String sku, @QueryParam("market") String market) {
        CatalogResource.requireIdentifier(sku);
        return prices.history(sku, market == null ? null : market(market));
    }

    private static Market market(String value) {
        try {
            return Market.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("market", "must be one of LIST, SPOT");
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf", "must be an RFC 3339 instant such as 2024-01-01T00:00:00Z");
        }
    }
}
