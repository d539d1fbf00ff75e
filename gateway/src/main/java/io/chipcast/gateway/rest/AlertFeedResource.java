package io.chipcast.gateway.rest;

import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.gateway.rest.client.ForecastQueries;
import io.chipcast.gateway.rest.stream.AlertStreams;
import io.chipcast.gateway.service.feed.FeedEvent;
import io.chipcast.gateway.service.feed.ForecastFeed;
import io.chipcast.platform.rest.PageRequest;
import io.chipcast.platform.rest.ParameterDocs;
import io.chipcast.platform.rest.RepeatedParameters;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Every customer's alerts the caller may see (issue 16): raised so far, as JSON pages answered by
 * forecast-service; or from now on, one {@code text/event-stream} (ADR 014):
 * an {@code open} event, then every {@code alert} as it happens, each with an id to resume from
 * ({@code Last-Event-ID}, on any gateway instance); {@code reset} when that id cannot be honoured
 * (the stream goes on from now); {@code overflow} before a subscriber that does not keep up is
 * disconnected. Filtered by {@code type}, {@code severity} and {@code customerId}, each repeatable.
 */
@Path("/api/v1/alerts")
public class AlertFeedResource {

    private final AlertStreams streams;
    private final ForecastFeed feed;
    private final ForecastQueries queries;
    private final CustomerAccess access;

    @Inject
    public AlertFeedResource(AlertStreams streams, ForecastFeed feed, ForecastQueries queries, CustomerAccess access) {
        this.streams = streams;
        this.feed = feed;
        this.queries = queries;
        this.access = access;
    }

    /** The alerts raised so far, a page at a time, answered by forecast-service from the history it keeps (Accept: application/json). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of alerts, oldest first; a Link header (rel=\"next\") when more follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Alert.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public Uni<Response> history(
            @Parameter(description = ParameterDocs.ALERTS_SINCE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @QueryParam("limit") String limit, @QueryParam("after") String after,
            @QueryParam("type") List<String> type, @QueryParam("severity") List<String> severity,
            @QueryParam("customerId") List<String> customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, after);
        return ForecastQueries.fromForecast(queries.alerts(authorization, since, limit, after, type, severity, customerId))
                .map(upstream -> upstream.toPage(page, uri));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-sent events, each with an id to resume from: open, alert (data: an Alert), "
            + "reset, overflow",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = Alert.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public void alerts(@HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = ParameterDocs.ALERT_TYPES,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertType.class)) @QueryParam("type") List<String> type,
            @Parameter(description = ParameterDocs.ALERT_SEVERITIES,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Severity.class)) @QueryParam("severity") List<String> severity,
            @Parameter(description = ParameterDocs.ALERT_CUSTOMERS,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("customerId") List<String> customerId,
            @Context SseEventSink sink, @Context Sse sse) {
        Set<AlertType> types = RepeatedParameters.constants("type", type, AlertType.class);
        Set<Severity> severities = RepeatedParameters.constants("severity", severity, Severity.class);
        Optional<Set<String>> customers = access.scope(RepeatedParameters.identifiers("customerId", customerId));
        Predicate<FeedEvent> wanted = event -> (types.isEmpty() || types.contains(event.alertType()))
                && (severities.isEmpty() || severities.contains(event.severity()))
                && customers.map(scope -> scope.contains(event.customerId())).orElse(true);
        feed.requireReady();
        streams.openAlertFeed(lastEventId, wanted, sink, sse);
    }
}
