package io.chipcast.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An outgoing Kafka channel of records chipcast has made whole — topic, key, value and CloudEvents
 * headers — and whose acknowledgements it waits for: the outbox relay deletes its rows, and
 * forecast-service records what it published, only once the broker has acknowledged them.
 *
 * <p>The emitter must buffer without bound ({@code @OnOverflow(UNBOUNDED_BUFFER)}): a caller sends
 * one batch at a time and waits for it, so what is buffered is bounded by the batch.
 */
public final class RecordChannel {

    private final MutinyEmitter<ProducerRecord<String, byte[]>> emitter;

    public RecordChannel(MutinyEmitter<ProducerRecord<String, byte[]>> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the records in their order and completes once the broker has acknowledged every one,
     * or fails with the first failure. Never blocks: the connector sends from its own thread.
     */
    public Uni<Void> sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(batch -> {
            AtomicInteger outstanding = new AtomicInteger(records.size());
            // Each send is subscribed here, in the loop: that is the order the records are emitted in.
            for (ProducerRecord<String, byte[]> record : records) {
                emitter.sendMessage(Message.of(record)).subscribe().with(acknowledged -> {
                    if (outstanding.decrementAndGet() == 0) {
                        batch.complete(null);
                    }
                }, batch::fail);
            }
        });
    }
}
