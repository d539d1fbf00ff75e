package io.chipcast.pricing.rest;

import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.platform.idempotency.TransactionalWrites;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.rest.WriteResponses;
import io.chipcast.platform.rest.WrittenEvent;
import io.chipcast.platform.security.Roles;
import io.chipcast.pricing.service.CatalogService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** The SKU catalog (SPEC section 5). */
@Path("/api/v1/skus")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;
    private final TransactionalWrites writes;

    @Inject
    public CatalogResource(CatalogService catalog, TransactionalWrites writes) {
        this.catalog = catalog;
        this.writes = writes;
    }

    @PUT
    @Path("{sku}")
    @APIResponse(responseCode = "201", description = "Added to the catalog, with the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {CatalogEntry.class, WrittenEvent.class})))
    @APIResponse(responseCode = "200", description = "Replaced in the catalog, with the event it caused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {CatalogEntry.class, WrittenEvent.class})))
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER})
    public Uni<Response> put(@PathParam("sku") String sku,
            @HeaderParam(TransactionalWrites.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = CatalogEntry.class))) String body) {
        CatalogEntry entry = entryFor(sku, body);
        return writes.execute(idempotencyKey, "PUT /api/v1/skus/" + sku + "\n" + body,
                () -> catalog.put(entry)).map(WriteResponses::of);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<RestResponse<List<CatalogEntry>>> list(@QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after == null ? null : RequestParameters.identifier("after", after));
        return catalog.list(page.after(), page.itemsToRead()).map(entries -> page.answer(entries, CatalogEntry::sku, uri));
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.ANALYST, Roles.VIEWER})
    public Uni<CatalogEntry> get(@PathParam("sku") String sku) {
        return catalog.get(RequestParameters.identifier("sku", sku));
    }

    /** SPEC section 5: the body's sku, if present, must equal the path's. */
    private static CatalogEntry entryFor(String sku, String body) {
        RequestParameters.identifier("sku", sku);
        CatalogEntry parsed = RequestBodies.unvalidated(body, CatalogEntry.class);
        if (parsed.sku() != null && !Objects.equals(parsed.sku(), sku)) {
            throw ProblemException.unprocessable("sku", "must equal the SKU in the path (" + sku + ")");
        }
        return new CatalogEntry(sku, parsed.vendor(), parsed.family(), parsed.tpp(), parsed.performanceDensity(),
                parsed.memoryGb()).validated();
    }
}
