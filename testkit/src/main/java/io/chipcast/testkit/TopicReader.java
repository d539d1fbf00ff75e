package io.chipcast.testkit;

import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.devstack.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what is on a topic of the shared test broker, as a real consumer sees it. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of the topic, from the beginning to its end as of now, in partition order. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return TopicRecords.readAll(SharedInfrastructure.kafkaBootstrapServers(), topic);
    }

    /** The records of the topic that match, waiting until at least {@code count} are there. */
    public static List<ConsumerRecord<String, byte[]>> await(String topic, int count, Predicate<ConsumerRecord<String, byte[]>> matching,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> found;
        do {
            found = readAll(topic).stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout + ", found " + found.size());
    }

    /** The record of the event with this {@code ce_id}, once it is on the topic. */
    public static ConsumerRecord<String, byte[]> awaitEvent(String topic, String eventId) {
        return await(topic, 1, withEventId(eventId), Duration.ofSeconds(30)).get(0);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> withEventId(String eventId) {
        return record -> Objects.equals(eventId, CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID));
    }

    public static Predicate<ConsumerRecord<String, byte[]>> withKey(String key) {
        return record -> Objects.equals(key, record.key());
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
