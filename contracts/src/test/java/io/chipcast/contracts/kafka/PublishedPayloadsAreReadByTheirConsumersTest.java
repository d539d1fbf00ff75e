package io.chipcast.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.testing.PayloadMutator;
import io.chipcast.contracts.testing.SpecExamples;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Validated;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A publisher never publishes what a consumer refuses (issue 12): thousands of seeded variants of
 * each input payload — valid, at the bounds and beyond them — go through what a publisher does with
 * a request body (read and validate it), and every one it accepts through the topic's serializer and
 * what the consuming service does with a record (read and validate it): accepted ⇒ read back equal,
 * and written again byte for byte the same.
 */
class PublishedPayloadsAreReadByTheirConsumersTest {

    private static final int VARIANTS = 5_000;
    private static final long SEED = 20261202L;
    /** Writes numbers as a client would send them: 1E+5000 stays 1E+5000 (chipcast's own mapper writes them plain). */
    private static final ObjectMapper CLIENT = new ObjectMapper();

    static Stream<Arguments> inputTopics() {
        return Stream.of(
                Arguments.of(Topics.CATALOG, SpecExamples.CATALOG_ENTRY),
                Arguments.of(Topics.PRICES, SpecExamples.PRICE_CHANGE),
                Arguments.of(Topics.RULINGS, SpecExamples.RULING),
                Arguments.of(Topics.RULINGS, SpecExamples.LIFT),
                Arguments.of(Topics.SHIPMENTS, SpecExamples.SHIPMENT_EVENT),
                Arguments.of(Topics.DEMAND_PLANS, SpecExamples.DEMAND_PLAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputTopics")
    <V extends Validated> void whatThePublisherAcceptsTheConsumerReadsIdentically(Topic<String, V> topic, String example)
            throws Exception {
        PayloadMutator mutator = new PayloadMutator(SEED + topic.name().hashCode());
        ObjectNode valid = (ObjectNode) Json.mapper().readTree(example);
        int accepted = 0;
        for (int i = 0; i < VARIANTS; i++) {
            byte[] body = CLIENT.writeValueAsBytes(mutator.mutate(valid));
            V published;
            try {
                published = Json.read(body, topic.valueType());
            } catch (InvalidPayloadException refused) {
                continue;
            }
            accepted++;
            byte[] record = topic.write(published);
            String context = new String(body, StandardCharsets.UTF_8);
            V consumed = topic.read(record);
            assertThat(consumed).as("read back from %s", context).isEqualTo(published);
            assertThat(topic.write(consumed)).as("written again from %s", context).isEqualTo(record);
        }
        // The variants exercise both sides of the bounds, not only one.
        assertThat(accepted).as("accepted variants of %s", topic).isBetween(VARIANTS / 20, VARIANTS - VARIANTS / 20);
    }
}
