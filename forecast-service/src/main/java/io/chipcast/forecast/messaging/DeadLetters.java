package io.chipcast.forecast.messaging;

import io.chipcast.contracts.Topic;
import io.chipcast.contracts.kafka.DeadLetterHeaders;
import io.chipcast.forecast.service.IncomingRecord;
import io.chipcast.platform.messaging.RecordChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Sends records that cannot be applied to {@code <topic>.dlq}, through the {@value #CHANNEL}
 * channel: key, value and headers as they were, plus {@code dlq-reason} and where the record came
 * from. Returns once the broker has them, so that the consumer moves past a record only when it is
 * safe in its dead-letter topic.
 *
 * <p>Not the connector's dead-letter failure strategy: that one sends a record the application
 * nacked, one at a time, with the connector's own header names; here a record is dead before it
 * reaches the application (it cannot be read), its reason is chipcast's (SPEC §2 headers), and the
 * batch it came in must not move on before it is safe.
 */
@ApplicationScoped
public class DeadLetters {

    static final String CHANNEL = "dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final RecordChannel channel;
    private final MeterRegistry meters;

    @Inject
    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<ProducerRecord<String, byte[]>> channel,
            KafkaClientService clients,
            MeterRegistry meters) {
        this.channel = new RecordChannel(channel, clients, CHANNEL);
        this.meters = meters;
    }

    /** Blocks until the broker has acknowledged every dead letter: call it from the pipeline's thread. */
    void send(List<IncomingRecord> deadLetters) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(deadLetters.size());
        for (IncomingRecord dead : deadLetters) {
            ConsumerRecord<String, byte[]> record = dead.record();
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add(DeadLetterHeaders.REASON, dead.deadLetterReason().getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
            Topic<String, ?> topic = dead.topic();
            records.add(new ProducerRecord<>(topic.deadLetterTopic(), null, record.key(), record.value(), headers));
            LOG.warnf("record %s-%d@%d goes to %s: %s", record.topic(), record.partition(), record.offset(),
                    topic.deadLetterTopic(), dead.deadLetterReason());
            meters.counter("chipcast.forecast.dead.letters", "topic", record.topic()).increment();
        }
        try {
            channel.sendAll(records).await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot send dead letters", e);
        }
    }
}
