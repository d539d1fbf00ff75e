package io.chipcast.forecast.rest;

import io.chipcast.contracts.api.WhatIf;
import io.chipcast.contracts.api.WhatIfRequest;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.forecast.service.ProjectionQueries;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.ParameterDocs;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Customers' projections (SPEC section 5), read from the database that every instance shares, so
 * any instance answers for any customer. Admins and analysts read every customer, viewers theirs.
 */
@Path("/api/v1/projections/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final ProjectionQueries queries;
    private final CustomerAccess access;

    @Inject
    public ProjectionResource(ProjectionQueries queries, CustomerAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The customer's projection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Projection.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<String> projection(@PathParam("customerId") String customerId) {
        readable(customerId);
        return queries.projectionJson(customerId);
    }

    /** The versions of the projection, oldest first, each with the cause that changed it; a page at a time. */
    @GET
    @Path("history")
    @APIResponse(responseCode = "200", description = "A page of versions, oldest first; a Link header (rel=\"next\") when more follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Projection.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Response> history(@PathParam("customerId") String customerId, @QueryParam("limit") String limit,
            @Parameter(description = ParameterDocs.HISTORY_AFTER,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("after") String after, @Context UriInfo uri) {
        readable(customerId);
        PageRequest page = PageRequest.of(limit, after);
        long afterVersion = RequestParameters.wholeNumber("after", after, 0, Long.MAX_VALUE, 0);
        return queries.history(customerId, afterVersion, page.itemsToRead()).map(read -> {
            // The versions' JSON as stored, joined: not parsed and written again.
            Response.ResponseBuilder answer = Response.ok(page.items(read).stream().map(ForecastStore.VersionJson::json)
                    .collect(Collectors.joining(",", "[", "]")));
            page.next(read, version -> String.valueOf(version.version()), uri).ifPresent(link -> answer.header("Link", link));
            return answer.build();
        });
    }

    /** The projection under hypothetical price changes and rulings; nothing is stored or published. */
    @POST
    @Path("what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public Uni<WhatIf> whatIf(@PathParam("customerId") String customerId,
            @RequestBody(content = @Content(schema = @Schema(implementation = WhatIfRequest.class))) String body) {
        readable(customerId);
        WhatIfRequest request = RequestBodies.one(body, WhatIfRequest.class);
        return queries.whatIf(customerId, request.priceChanges(), request.rulings());
    }

    private void readable(String customerId) {
        access.requireReadable(RequestParameters.identifier("customerId", customerId));
    }
}
