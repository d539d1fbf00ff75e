package io.chipcast.gateway.rest.stream;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.gateway.rest.client.ForecastQueries;
import io.chipcast.gateway.service.feed.AlertFeedPosition;
import io.chipcast.gateway.service.feed.FeedEvent;
import io.chipcast.gateway.service.feed.ForecastFeed;
import io.chipcast.gateway.service.feed.StreamPosition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The alert streams open on this instance: opens each (fresh with a snapshot, or resumed from a
 * {@code Last-Event-ID}, or reset with a fresh snapshot when that cannot be honoured), keeps them
 * alive with heartbeats, and counts what they deliver and whom they drop.
 */
@ApplicationScoped
public class AlertStreams implements AlertStream.StreamListener {

    private final ForecastFeed feed;
    private final ForecastQueries queries;
    private final Vertx vertx;
    private final Duration heartbeat;
    private final int maxPending;
    private final Set<AlertStream> open = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Counter dropped;
    private long timer = -1;

    @Inject
    public AlertStreams(ForecastFeed feed, ForecastQueries queries, Vertx vertx, MeterRegistry meters,
            @ConfigProperty(name = "chipcast.gateway.stream.heartbeat", defaultValue = "15s") Duration heartbeat,
            @ConfigProperty(name = "chipcast.gateway.stream.max-pending", defaultValue = "1000") int maxPending) {
        this.feed = feed;
        this.queries = queries;
        this.vertx = vertx;
        this.heartbeat = heartbeat;
        this.maxPending = maxPending;
        this.delivered = Counter.builder("chipcast.gateway.stream.events.delivered")
                .description("Events written to alert streams (snapshots, projections, alerts)").register(meters);
        this.dropped = Counter.builder("chipcast.gateway.stream.subscribers.dropped")
                .description("Subscribers disconnected because they did not keep up").register(meters);
        meters.gaugeCollectionSize("chipcast.gateway.streams.open", List.of(), open);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(heartbeat.toMillis(), id -> open.forEach(AlertStream::heartbeat));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        List.copyOf(open).forEach(AlertStream::close);
    }

    /**
     * Opens a customer's stream on {@code sink}.
     *
     * @param lastEventId the client's {@code Last-Event-ID}, null on a first connection
     * @param types the alert types wanted; empty for all
     * @param authorization the caller's credentials, for the snapshot read from forecast-service
     */
    public void open(String customerId, String lastEventId, Set<AlertType> types, SseEventSink sink, Sse sse, String authorization) {
        Predicate<FeedEvent> wanted = event -> event.kind() == FeedEvent.Kind.PROJECTION || types.isEmpty() || types.contains(event.alertType());
        AlertStream stream = new AlertStream(customerId, sink, sse, wanted, maxPending, this);
        open.add(stream);
        String reset = null;
        if (lastEventId != null) {
            Optional<StreamPosition> from = StreamPosition.parse(lastEventId);
            if (from.isPresent() && feed.resume(customerId, from.get(), stream)) {
                stream.resumed();
                return;
            }
            reset = "Last-Event-ID " + lastEventId.replaceAll("[^0-9.\\-]", "?")
                    + " is not a position this gateway still retains for the customer; a fresh snapshot follows";
        }
        StreamPosition position = feed.subscribe(customerId, stream);
        String resetReason = reset;
        queries.projection(customerId, authorization).subscribe().with(upstream -> {
            if (upstream.isOk()) {
                stream.snapshot(upstream.body(), Json.read(upstream.body(), Projection.class).version(), position.id(), resetReason);
            } else if (upstream.status() == 404) {
                stream.snapshot(null, 0, position.id(), resetReason);
            } else {
                stream.fail("the current projection could not be read (" + upstream.status() + ")");
            }
        }, failure -> stream.fail("forecast-service is unavailable"));
    }

    /**
     * Opens a stream of every customer's alerts on {@code sink}: from where the feed stands, or
     * resumed from a {@code Last-Event-ID}, or from where the feed stands after a {@code reset} when
     * that cannot be honoured.
     *
     * @param wanted the alerts the subscriber wants and may see
     */
    public void openAlertFeed(String lastEventId, Predicate<FeedEvent> wanted, SseEventSink sink, Sse sse) {
        AlertStream stream = new AlertStream(null, sink, sse, event -> event.kind() == FeedEvent.Kind.ALERT && wanted.test(event),
                maxPending, this);
        open.add(stream);
        String reset = null;
        if (lastEventId != null) {
            Optional<AlertFeedPosition> from = AlertFeedPosition.parse(lastEventId);
            if (from.isPresent() && feed.resumeAlerts(from.get(), stream)) {
                stream.resumed();
                return;
            }
            reset = "Last-Event-ID " + lastEventId.replaceAll("[^0-9a-z.\\-]", "?")
                    + " is not a position this gateway still retains; the stream goes on from now";
        }
        stream.opened(feed.subscribeToAlerts(stream).id(), reset);
    }

    @Override
    public void delivered() {
        delivered.increment();
    }

    @Override
    public void overflowed(AlertStream stream) {
        dropped.increment();
    }

    @Override
    public void closed(AlertStream stream) {
        open.remove(stream);
        stream.customerId().ifPresentOrElse(customer -> feed.unsubscribe(customer, stream), () -> feed.unsubscribeFromAlerts(stream));
    }
}
