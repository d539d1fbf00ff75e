package io.chipcast.gateway.service.feed;

/** One open alert stream, as the feed sees it. Called on the feed's thread: must never block. */
public interface Subscription {

    /** An event of the subscribed customer; {@code after} is the stream's position once it is delivered. */
    void deliver(FeedEvent event, StreamPosition after);
}
