package io.chipcast.gateway.rest;

import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.gateway.rest.stream.AlertStreams;
import io.chipcast.gateway.service.feed.ForecastFeed;
import io.chipcast.platform.rest.ParameterDocs;
import io.chipcast.platform.rest.RepeatedParameters;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.security.CustomerAccess;
import io.chipcast.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A customer's alerts and projection changes as {@code text/event-stream} (SPEC section 5): a
 * {@code snapshot} of the current projection, then every {@code projection} and {@code alert} as
 * it happens, each with an id to resume from ({@code Last-Event-ID}); {@code reset} and a fresh
 * snapshot when the id cannot be honoured; {@code overflow} before a subscriber that does not
 * keep up is disconnected. {@code ?type=COST_CHANGED,LINE_BLOCKED} keeps only those alerts.
 */
@Path("/api/v1/customers/{customerId}/alerts")
public class AlertStreamResource {

    private final AlertStreams streams;
    private final ForecastFeed feed;
    private final CustomerAccess access;

    @Inject
    public AlertStreamResource(AlertStreams streams, ForecastFeed feed, CustomerAccess access) {
        this.streams = streams;
        this.feed = feed;
        this.access = access;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-sent events, each with an id to resume from: snapshot and projection "
            + "(data: a Projection), alert (data: an Alert), reset, overflow",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(oneOf = {Projection.class, Alert.class})))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VIEWER})
    public void alerts(@PathParam("customerId") String customerId, @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = ParameterDocs.ALERT_TYPES,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertType.class)) @QueryParam("type") List<String> type,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context SseEventSink sink, @Context Sse sse) {
        access.requireReadable(RequestParameters.identifier("customerId", customerId));
        Set<AlertType> types = RepeatedParameters.constants("type", type, AlertType.class);
        feed.requireReady();
        streams.open(customerId, lastEventId, types, sink, sse, authorization);
    }
}
