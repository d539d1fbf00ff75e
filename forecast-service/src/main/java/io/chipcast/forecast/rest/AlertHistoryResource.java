package io.chipcast.forecast.rest;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.forecast.repository.ForecastStore.AlertCursor;
import io.chipcast.forecast.repository.ForecastStore.AlertQuery;
import io.chipcast.forecast.service.ProjectionQueries;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.ParameterDocs;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RepeatedParameters;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The alerts of every customer the caller may read, as stored with the projection versions that
 * raised them, in the order they were raised, a page at a time (issue 16's alert history): any
 * instance answers, from the database they share.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertHistoryResource {

    private final ProjectionQueries queries;
    private final CustomerAccess access;

    @Inject
    public AlertHistoryResource(ProjectionQueries queries, CustomerAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of alerts, oldest first; a Link header (rel=\"next\") when more follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Alert.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Response> alerts(
            @Parameter(description = ParameterDocs.ALERTS_SINCE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Parameter(description = ParameterDocs.ALERT_TYPES,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertType.class)) @QueryParam("type") List<String> type,
            @Parameter(description = ParameterDocs.ALERT_SEVERITIES,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Severity.class)) @QueryParam("severity") List<String> severity,
            @Parameter(description = ParameterDocs.ALERT_CUSTOMERS,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("customerId") List<String> customerId,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after);
        Instant from = RequestParameters.instant("since", since, Instant.EPOCH);
        AlertCursor cursor = after == null ? AlertCursor.before(from) : AlertCursor.parse(after)
                .orElseThrow(() -> ProblemException.badRequest("after", "is not a place in this list: take the next page's link"));
        Set<String> types = names(RepeatedParameters.constants("type", type, AlertType.class));
        Set<String> severities = names(RepeatedParameters.constants("severity", severity, Severity.class));
        Optional<Set<String>> customers = access.scope(RepeatedParameters.identifiers("customerId", customerId));
        if (customers.isPresent() && customers.get().isEmpty()) {
            return Uni.createFrom().item(Response.ok("[]").build());
        }
        return queries.alerts(new AlertQuery(cursor, customers.orElse(null), types, severities), page.itemsToRead()).map(read -> {
            // Written as every alert is published: read back from the stored JSON, not passed on in its stored layout.
            Response.ResponseBuilder answer = Response.ok(page.items(read).stream()
                    .map(alert -> Json.writeString(Json.read(alert.json(), Alert.class))).collect(Collectors.joining(",", "[", "]")));
            page.next(read, alert -> alert.position().key(), uri).ifPresent(link -> answer.header("Link", link));
            return answer.build();
        });
    }

    private static <E extends Enum<E>> Set<String> names(Set<E> constants) {
        return constants.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
