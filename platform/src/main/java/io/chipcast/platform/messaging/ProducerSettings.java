package io.chipcast.platform.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How every chipcast producer channel talks to Kafka, in one place rather than repeated in each
 * service's {@code mp.messaging.outgoing.*} properties (any of which still overrides the defaults
 * set here):
 * <ul>
 *   <li>idempotent, {@code acks=all}: records of a partition land once and in order;</li>
 *   <li>never re-sent by the connector: its {@code retries} attribute is set to 0 on chipcast's
 *       channels, because a record it re-sends on its own overtakes the ones behind it. The
 *       channel's source sends the whole batch again, in order (the outbox, forecast's history).
 *       That attribute is also Kafka's {@code retries}, which an idempotent producer needs: it is
 *       taken out here, so the producer's own in-order retries stay on within
 *       {@code delivery.timeout.ms};</li>
 *   <li>with the broker gone, a batch fails within {@code chipcast.kafka.delivery-timeout} and its
 *       source tries again later;</li>
 *   <li>large zstd batches: a fan-out sends a hundred thousand documents of a few kilobytes at once
 *       (JSON shrinks several times), fewer requests and bytes for the broker and every consumer; a
 *       single event still leaves after {@code linger.ms}.</li>
 * </ul>
 */
@ApplicationScoped
public class ProducerSettings implements ClientCustomizer<Map<String, Object>> {

    private final Duration deliveryTimeout;

    public ProducerSettings(@ConfigProperty(name = "chipcast.kafka.delivery-timeout", defaultValue = "15s") Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (!config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)) {
            // A consumer or an admin client: nothing to do.
            return config;
        }
        Map<String, Object> producer = new HashMap<>(config);
        boolean explicit = channelConfig.getOptionalValue("acks", String.class).isPresent();
        if (!explicit) {
            // The connector fills in acks=1 when the channel says nothing.
            producer.put(ProducerConfig.ACKS_CONFIG, "all");
        }
        if ("0".equals(String.valueOf(producer.get(ProducerConfig.RETRIES_CONFIG)))) {
            producer.remove(ProducerConfig.RETRIES_CONFIG);
        }
        producer.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "1");
        producer.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        producer.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // The sending thread compresses: the fastest level.
        producer.putIfAbsent(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, "1");
        long timeout = deliveryTimeout.toMillis();
        producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(timeout, 5_000)));
        producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.min(timeout, 5_000)));
        return producer;
    }
}
