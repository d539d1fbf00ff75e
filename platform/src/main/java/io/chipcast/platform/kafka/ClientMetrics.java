package io.chipcast.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The metrics a Kafka client keeps of itself — send and fetch rates, request latencies, records
 * behind per partition, ... — on {@code /q/metrics} as {@code kafka_producer_*} and
 * {@code kafka_consumer_*}, tagged with its client id: for the clients chipcast makes by hand,
 * which no extension instruments. Close what {@code bind} returns together with the client.
 */
public final class ClientMetrics {

    private ClientMetrics() {
    }

    public static KafkaClientMetrics bind(Producer<?, ?> producer, MeterRegistry meters) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(meters);
        return metrics;
    }

    public static KafkaClientMetrics bind(Consumer<?, ?> consumer, MeterRegistry meters) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(meters);
        return metrics;
    }
}
