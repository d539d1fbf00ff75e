package io.chipcast.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document says what the topic registry says: every topic, key, type, publisher and payload field. */
class AsyncApiDocumentTest {

    private final JsonNode document = AsyncApiDocument.of("test");

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannel() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> channels = new ArrayList<>();
        document.path("channels").fieldNames().forEachRemaining(channels::add);
        List<String> expected = new ArrayList<>();
        Topics.ALL.forEach(topic -> expected.addAll(List.of(topic.name(), topic.deadLetterTopic())));
        assertThat(channels).containsExactlyInAnyOrderElementsOf(expected);
        for (Topic<String, ?> topic : Topics.ALL) {
            JsonNode channel = document.path("channels").path(topic.name());
            assertThat(channel.path("address").asText()).isEqualTo(topic.name());
            assertThat(channel.path("bindings").path("kafka").path("topicConfiguration").path("cleanup.policy").get(0).asText())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void eachMessageCarriesItsCloudEventsTypeSourceAndKey() {
        for (Topic<String, ?> topic : Topics.ALL) {
            JsonNode message = document.path("components").path("messages").path(AsyncApiDocument.messageName(topic));
            assertThat(message.path("name").asText()).isEqualTo(topic.eventType());
            JsonNode headers = message.path("headers").path("properties");
            assertThat(headers.path("ce_type").path("const").asText()).isEqualTo(topic.eventType());
            assertThat(headers.path("ce_source").path("const").asText()).isEqualTo(topic.publisher());
            assertThat(message.path("bindings").path("kafka").path("key").path("description").asText()).contains(topic.keyName());
            assertThat(document.path("operations").path("send" + AsyncApiDocument.messageName(topic)).path("summary").asText())
                    .startsWith(topic.publisher());
        }
    }

    @Test
    void eachPayloadSchemaHasExactlyTheContractsFieldsAndRefusesOthers() {
        for (Topic<String, ?> topic : Topics.ALL) {
            JsonNode schema = document.path("components").path("schemas").path(topic.valueType().getSimpleName());
            List<String> fields = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(topic.name()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(topic.valueType().getRecordComponents()).map(RecordComponent::getName).toList());
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(topic.name()).isFalse();
        }
        JsonNode price = document.path("components").path("schemas").path("PriceChange").path("properties");
        assertThat(price.path("unitPrice").path("type").asText()).isEqualTo("number");
        assertThat(price.path("effectiveAt").path("format").asText()).isEqualTo("date-time");
        assertThat(price.path("market").path("enum")).extracting(JsonNode::asText).containsExactly("LIST", "SPOT");
        JsonNode line = document.path("components").path("schemas").path("DemandPlan").path("properties").path("lines").path("items");
        assertThat(line.path("properties").has("substitutes")).as("nested records inline").isTrue();
    }
}
