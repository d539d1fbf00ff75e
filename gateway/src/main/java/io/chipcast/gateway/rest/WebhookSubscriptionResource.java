package io.chipcast.gateway.rest;

import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.gateway.service.webhook.WebhookDeliveries;
import io.chipcast.gateway.service.webhook.WebhookDestinations;
import io.chipcast.gateway.service.webhook.WebhookSignature;
import io.chipcast.gateway.service.webhook.WebhookStartPositions;
import io.chipcast.gateway.repository.WebhookSubscription;
import io.chipcast.gateway.repository.WebhookSubscriptions;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.rest.RepeatedParameters;
import io.chipcast.platform.rest.RequestBodies;
import io.chipcast.platform.rest.RequestParameters;
import io.chipcast.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Webhook subscribers (issue 16, ADR 017): each gets every alert its filters match, POSTed to its
 * URL with Standard Webhooks headers, at least once, in order per customer.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class WebhookSubscriptionResource {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDestinations destinations;
    private final WebhookDeliveries deliveries;
    private final WebhookStartPositions startPositions;

    @Inject
    public WebhookSubscriptionResource(WebhookSubscriptions subscriptions, WebhookDestinations destinations, WebhookDeliveries deliveries,
            WebhookStartPositions startPositions) {
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.deliveries = deliveries;
        this.startPositions = startPositions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The subscription, with its secret (shown this once); delivery starts with the next alert",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionView.class)))
    public Uni<Response> subscribe(@RequestBody(content = @Content(schema = @Schema(implementation = WebhookSubscriptionRequest.class))) String body) {
        WebhookSubscriptionRequest request = RequestBodies.unvalidated(body, WebhookSubscriptionRequest.class);
        URI url = url(request.url());
        String secret = request.secret() == null ? WebhookSignature.newSecret() : request.secret();
        WebhookSignature.problemWith(secret).ifPresent(problem -> {
            throw ProblemException.unprocessable("secret", problem);
        });
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID(), url, secret,
                RepeatedParameters.constants("type", orEmpty(request.type()), AlertType.class),
                RepeatedParameters.constants("severity", orEmpty(request.severity()), Severity.class),
                RepeatedParameters.identifiers("customerId", orEmpty(request.customerId())), WebhookSubscription.State.ACTIVE, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        // Resolving the URL's host and asking the broker block: not on an event loop.
        return Uni.createFrom().item(() -> {
                    destinations.refusal(url).ifPresent(refusal -> {
                        throw ProblemException.unprocessable("url", refusal);
                    });
                    startPositions.startAtTheEnd(subscription.consumerGroup());
                    return subscription;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(subscriptions::create)
                .call(deliveries::refresh)
                .map(created -> Response.created(URI.create("/api/v1/subscriptions/" + created.id()))
                        .entity(WebhookSubscriptionView.of(created, true)).build());
    }

    @GET
    @APIResponse(responseCode = "200", description = "Every subscription, oldest first, without secrets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookSubscriptionView.class)))
    public Uni<List<WebhookSubscriptionView>> list() {
        return subscriptions.all().map(all -> all.stream().map(subscription -> WebhookSubscriptionView.of(subscription, false)).toList());
    }

    @GET
    @Path("{id}")
    public Uni<WebhookSubscriptionView> get(@PathParam("id") String id) {
        return subscriptions.find(RequestParameters.uuid("id", id))
                .map(found -> WebhookSubscriptionView.of(found.orElseThrow(() -> notFound(id)), false));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted: nothing more is delivered to it")
    public Uni<Response> delete(@PathParam("id") String id) {
        return subscriptions.delete(RequestParameters.uuid("id", id)).call(deliveries::refresh).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return Response.noContent().build();
        });
    }

    /** A failing subscription delivers again, from the alert whose delivery gave up. */
    @POST
    @Path("{id}/resume")
    public Uni<WebhookSubscriptionView> resume(@PathParam("id") String id) {
        return subscriptions.resume(RequestParameters.uuid("id", id)).call(deliveries::refresh)
                .map(found -> WebhookSubscriptionView.of(found.orElseThrow(() -> notFound(id)), false));
    }

    private static URI url(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.unprocessable("url", "is required");
        }
        try {
            URI parsed = new URI(url);
            if (parsed.getHost() == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) || url.length() > 2000) {
                throw ProblemException.unprocessable("url", "must be an absolute http or https URL of at most 2,000 characters");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw ProblemException.unprocessable("url", "is not a URL: " + e.getReason());
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no webhook subscription " + id);
    }
}
