package io.chipcast.gateway.service.feed;

/** One open alert stream, as the feed sees it. Called on the feed's thread: must never block. */
public interface Subscription {

    /**
     * An event the stream follows; {@code afterId} is the stream's position once it is delivered
     * (the SSE id a client resumes from: a {@link StreamPosition} or an {@link AlertFeedPosition}).
     */
    void deliver(FeedEvent event, String afterId);
}
