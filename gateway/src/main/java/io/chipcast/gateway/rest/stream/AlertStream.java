package io.chipcast.gateway.rest.stream;

import io.chipcast.contracts.json.Json;
import io.chipcast.gateway.service.feed.FeedEvent;
import io.chipcast.gateway.service.feed.Subscription;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * One subscriber's {@code text/event-stream}: of one customer, or of every customer's alerts.
 * Until it starts (its snapshot, or where it opened, is sent), events are held; after, each goes
 * out as it comes. Sends are asynchronous: a subscriber that does not read has at most
 * {@code maxPending} events waiting for it — one more, and it is told ({@code overflow}) and
 * disconnected, so it never holds back the feed or anyone else.
 */
public final class AlertStream implements Subscription {

    private final String customerId;
    private final SseEventSink sink;
    private final Sse sse;
    private final Predicate<FeedEvent> wanted;
    private final int maxPending;
    private final StreamListener listener;

    // Guarded by this.
    private List<Held> held = new ArrayList<>();
    private long snapshotVersion;
    private int pending;
    private boolean closed;

    private record Held(FeedEvent event, String after) {
    }

    /** What the stream tells its owner. */
    public interface StreamListener {
        void delivered();

        void overflowed(AlertStream stream);

        void closed(AlertStream stream);
    }

    /**
     * @param customerId the customer whose stream it is; null for a stream of every customer's alerts
     * @param wanted which of the events the feed hands it the subscriber wants
     */
    public AlertStream(String customerId, SseEventSink sink, Sse sse, Predicate<FeedEvent> wanted, int maxPending,
            StreamListener listener) {
        this.customerId = customerId;
        this.sink = sink;
        this.sse = sse;
        this.wanted = wanted;
        this.maxPending = maxPending;
        this.listener = listener;
    }

    /** The customer whose stream it is; empty for a stream of every customer's alerts. */
    public Optional<String> customerId() {
        return Optional.ofNullable(customerId);
    }

    @Override
    public synchronized void deliver(FeedEvent event, String after) {
        if (closed || !wanted.test(event)) {
            return;
        }
        if (held != null) {
            held.add(new Held(event, after));
            if (held.size() > maxPending) {
                overflow();
            }
            return;
        }
        send(event(event, after));
    }

    /**
     * Sends the snapshot — the customer's current projection, {@code null} when it has none yet —
     * then what arrived meanwhile, less projections the snapshot already shows.
     *
     * @param reset the reason the client's {@code Last-Event-ID} could not be honoured, sent first; null for none
     */
    public synchronized void snapshot(String projectionJson, long version, String position, String reset) {
        if (closed) {
            return;
        }
        if (reset != null) {
            send(control("reset", position, reset));
        }
        send(sse.newEventBuilder().name("snapshot").id(position).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(projectionJson == null ? "null" : projectionJson).build());
        snapshotVersion = version;
        List<Held> arrived = held;
        held = null;
        for (Held event : arrived) {
            if (event.event().kind() == FeedEvent.Kind.ALERT || event.event().version() > snapshotVersion) {
                send(event(event.event(), event.after()));
            }
        }
    }

    /**
     * Starts a stream of every customer's alerts where the feed stands: an {@code open} event (or
     * {@code reset}, with the reason the client's {@code Last-Event-ID} could not be honoured)
     * whose id a client resumes from, then what arrived meanwhile.
     */
    public synchronized void opened(String position, String reset) {
        if (closed) {
            return;
        }
        send(reset == null ? sse.newEventBuilder().name("open").id(position).mediaType(MediaType.APPLICATION_JSON_TYPE).data("{}").build()
                : control("reset", position, reset));
        resumed();
    }

    /** Starts the stream with what it missed, with no snapshot: it resumed. */
    public synchronized void resumed() {
        List<Held> arrived = held;
        held = null;
        arrived.forEach(event -> send(event(event.event(), event.after())));
    }

    /** A comment line: keeps the connection alive through proxies, and finds subscribers that left. */
    public synchronized void heartbeat() {
        if (!closed && held == null) {
            send(sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    /** Ends the stream with an {@code error} event: the client reconnects. */
    public synchronized void fail(String reason) {
        if (!closed) {
            write(control("error", null, reason));
            close();
        }
    }

    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (!sink.isClosed()) {
                sink.close();
            }
            listener.closed(this);
        }
    }

    private OutboundSseEvent event(FeedEvent event, String after) {
        return sse.newEventBuilder().name(event.kind().eventName()).id(after).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(event.json()).build();
    }

    /** A control event ({@code reset}, {@code error}, {@code overflow}): {@code {"reason": ...}}, with an id when it has a position. */
    private OutboundSseEvent control(String name, String position, String reason) {
        OutboundSseEvent.Builder event = sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Json.writeString(Map.of("reason", reason)));
        return (position == null ? event : event.id(position)).build();
    }

    private void send(OutboundSseEvent event) {
        if (closed) {
            return;
        }
        if (sink.isClosed()) {
            // The client went away.
            close();
            return;
        }
        if (pending >= maxPending) {
            overflow();
            return;
        }
        pending++;
        write(event).whenComplete((ignored, failure) -> {
            synchronized (this) {
                pending--;
            }
            if (failure != null) {
                close();
            } else if (event.getName() != null) {
                listener.delivered();
            }
        });
    }

    /** Writes one event; a sink that closed in the meantime fails the write rather than the caller. */
    private CompletionStage<?> write(OutboundSseEvent event) {
        try {
            return sink.send(event);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void overflow() {
        listener.overflowed(this);
        write(control("overflow", null, "the subscriber did not keep up; reconnect with Last-Event-ID"));
        close();
    }
}
