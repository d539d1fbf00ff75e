package io.chipcast.gateway.rest;

import io.chipcast.contracts.api.WhatIf;
import io.chipcast.contracts.api.WhatIfRequest;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.gateway.rest.client.ForecastQueries;
import io.chipcast.gateway.rest.client.Upstream;
import io.chipcast.gateway.service.DemandPlanService;
import io.chipcast.gateway.service.feed.ForecastFeed;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.ParameterDocs;
import io.chipcast.platform.rest.Problem;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A customer's projection, its history and what-if, answered by forecast-service (ADR 008). With
 * {@code ?minPlanVersion=N} the answer waits (up to {@code wait} seconds, 10 by default, 30 at
 * most) until the projection reflects plan version N — read-your-write after a plan PUT, without
 * polling.
 */
@Path("/api/v1/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private static final long MAX_WAIT_SECONDS = 30;
    private static final long DEFAULT_WAIT_SECONDS = 10;

    private final ForecastQueries queries;
    private final ForecastFeed feed;
    private final DemandPlanService plans;
    private final CustomerAccess access;

    @Inject
    public ProjectionResource(ForecastQueries queries, ForecastFeed feed, DemandPlanService plans, CustomerAccess access) {
        this.queries = queries;
        this.feed = feed;
        this.plans = plans;
        this.access = access;
    }

    @GET
    @Path("projection")
    @APIResponse(responseCode = "200", description = "The customer's projection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Projection.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Response> projection(@PathParam("customerId") String customerId,
            @Parameter(description = "wait until the projection reflects this plan version",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("minPlanVersion") String minPlanVersion,
            @Parameter(description = "seconds to wait for minPlanVersion", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + MAX_WAIT_SECONDS, defaultValue = "" + DEFAULT_WAIT_SECONDS)) @QueryParam("wait") String wait,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(customerId, minPlanVersion, wait, authorization, () -> queries.projection(customerId, authorization))
                .map(Upstream::toResponse);
    }

    /** The versions of the projection, oldest first, each with its cause; a page at a time ({@code limit}, {@code after}). */
    @GET
    @Path("projection/history")
    @APIResponse(responseCode = "200", description = "A page of versions, oldest first; a Link header (rel=\"next\") when more follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Projection.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Response> history(@PathParam("customerId") String customerId,
            @Parameter(description = "wait until the projection reflects this plan version",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("minPlanVersion") String minPlanVersion,
            @Parameter(description = "seconds to wait for minPlanVersion", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + MAX_WAIT_SECONDS, defaultValue = "" + DEFAULT_WAIT_SECONDS)) @QueryParam("wait") String wait,
            @QueryParam("limit") String limit,
            @Parameter(description = ParameterDocs.HISTORY_AFTER, schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("after") String after,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after);
        RequestParameters.wholeNumber("after", after, 0, Long.MAX_VALUE, 0);
        return answer(customerId, minPlanVersion, wait, authorization, () -> queries.history(customerId, authorization, limit, after))
                .map(upstream -> upstream.toPage(page, uri));
    }

    /** The projection under hypothetical price changes and rulings; nothing is stored or published. */
    @POST
    @Path("what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The projection it would be: nothing is stored or published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhatIf.class)))
    public Uni<Response> whatIf(@PathParam("customerId") String customerId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(content = @Content(schema = @Schema(implementation = WhatIfRequest.class))) String body) {
        access.requireReadable(RequestParameters.identifier("customerId", customerId));
        return ForecastQueries.fromForecast(queries.whatIf(customerId, authorization, body)).map(Upstream::toResponse);
    }

    private Uni<Upstream> answer(String customerId, String minPlanVersion, String wait, String authorization,
            Supplier<Uni<Upstream>> query) {
        access.requireReadable(RequestParameters.identifier("customerId", customerId));
        long minimum = RequestParameters.wholeNumber("minPlanVersion", minPlanVersion, 1, Long.MAX_VALUE, 0);
        Duration waitFor = Duration.ofSeconds(RequestParameters.wholeNumber("wait", wait, 1, MAX_WAIT_SECONDS, DEFAULT_WAIT_SECONDS));
        Uni<Void> ready = minimum == 0 ? Uni.createFrom().voidItem() : reflecting(customerId, minimum, waitFor, authorization);
        return ready.chain(() -> ForecastQueries.fromForecast(query.get()));
    }

    /** Completes once the customer's projection reflects plan version {@code minimum}, or fails after {@code waitFor}. */
    private Uni<Void> reflecting(String customerId, long minimum, Duration waitFor, String authorization) {
        return plans.currentVersion(customerId).chain(current -> {
            if (current < minimum) {
                throw ProblemException.unprocessable("minPlanVersion", current == 0
                        ? "customer " + customerId + " has no demand plan"
                        : "customer " + customerId + " has plan version " + current + "; version " + minimum + " was never written");
            }
            feed.requireReady();
            // Listen first, then look: a projection published in between is not missed.
            CompletableFuture<Void> projected = feed.planVersionProjected(customerId, minimum);
            return ForecastQueries.fromForecast(queries.projection(customerId, authorization)).chain(upstream -> {
                if (upstream.isOk() && Json.read(upstream.body(), Projection.class).planVersion() >= minimum) {
                    projected.complete(null);
                    return Uni.createFrom().voidItem();
                }
                return Uni.createFrom().completionStage(projected)
                        .ifNoItem().after(waitFor).failWith(() -> new ProblemException(Problem.of(Response.Status.GATEWAY_TIMEOUT,
                                "not-yet-projected", "the projection of customer " + customerId + " did not reflect plan version "
                                        + minimum + " within " + waitFor.toSeconds() + " s; ask again")))
                        .onTermination().invoke(() -> projected.cancel(false));
            });
        });
    }
}
