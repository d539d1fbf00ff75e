package io.chipcast.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An outgoing Kafka channel of records chipcast has made whole — topic, key, value and CloudEvents
 * headers — and whose acknowledgements it waits for: the outbox relay deletes its rows, and
 * forecast-service records what it published, only once the broker has acknowledged them.
 *
 * <p>An emitter injected with {@code @Channel} declares the channel, which is what makes the
 * connector open the channel's producer with its settings ({@link ProducerSettings}). Records go to
 * that producer a batch at a time, on the connector's sending thread, rather than one message at a
 * time through the emitter: a message costs a {@code Uni}, an acknowledgement and a switch of
 * propagated contexts per record, a third of forecast-service's publishing threads in a
 * 100,000-customer fan-out (ADR 011).
 */
public final class RecordChannel {

    private final KafkaClientService clients;
    private final String channel;

    /**
     * @param declaration the emitter injected for the channel: nothing is sent through it, but without
     *                    it the connector opens no producer for the channel
     * @param channel     the channel's name, an outgoing channel of the Kafka connector
     */
    public RecordChannel(MutinyEmitter<ProducerRecord<String, byte[]>> declaration, KafkaClientService clients, String channel) {
        Objects.requireNonNull(declaration, "declaration");
        this.clients = clients;
        this.channel = channel;
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
            // On the producer's network thread; the batch's emitter ignores whatever follows its first failure.
            Callback acknowledged = (metadata, failure) -> {
                if (failure != null) {
                    batch.fail(failure);
                } else if (outstanding.decrementAndGet() == 0) {
                    batch.complete(null);
                }
            };
            Uni<Void> handedOver = producer().runOnSendingThread(producer -> {
                for (ProducerRecord<String, byte[]> record : records) {
                    producer.send(record, acknowledged);
                }
            });
            // Acknowledgements complete the batch; a send that throws (a closed producer) fails it here.
            handedOver.subscribe().with(sent -> { }, batch::fail);
        });
    }

    private KafkaProducer<String, byte[]> producer() {
        // Looked up when sending: the connector opens its producers once the application has started.
        KafkaProducer<String, byte[]> producer = clients.getProducer(channel);
        if (producer == null) {
            throw new IllegalStateException("no Kafka producer for the channel " + channel);
        }
        return producer;
    }
}
