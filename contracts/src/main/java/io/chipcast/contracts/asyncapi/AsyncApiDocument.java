package io.chipcast.contracts.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Retention;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.kafka.DeadLetterHeaders;
import java.util.Locale;

/**
 * The AsyncAPI 3.0 document of chipcast's topics — the event-side twin of {@code /q/openapi} —
 * generated from the topic registry ({@link Topics}), so it cannot drift from what the services
 * publish and read: per topic a channel (its address, key, retention) and its dead-letter channel,
 * the message with its CloudEvents headers and {@code ce_type}, the payload's JSON Schema derived
 * from the contract's record, and which service sends it.
 */
public final class AsyncApiDocument {

    public static final String ASYNCAPI_VERSION = "3.0.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaGenerator PAYLOAD_SCHEMAS = new SchemaGenerator(
            new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                    // Self-contained: a $ref inside an AsyncAPI document resolves against the document.
                    .with(Option.INLINE_ALL_SCHEMAS, Option.STANDARD_FORMATS, Option.FLATTENED_ENUMS,
                            // Unknown fields are rejected (SPEC section 3).
                            Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                    .without(Option.SCHEMA_VERSION_INDICATOR)
                    .build());

    private AsyncApiDocument() {
    }

    /** The document, titled and versioned as the application serving it is. */
    public static ObjectNode of(String version) {
        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", ASYNCAPI_VERSION);
        document.putObject("info").put("title", "chipcast events").put("version", version)
                .put("description", "Every topic of chipcast (SPEC sections 2-3): JSON values with CloudEvents binary-mode "
                        + "headers. A record a consumer cannot read goes to <topic>.dlq with its reason in the "
                        + DeadLetterHeaders.REASON + " header.");
        document.put("defaultContentType", CloudEvent.CONTENT_TYPE);
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        messages.set("DeadLetter", deadLetterMessage());
        for (Topic<String, ?> topic : Topics.ALL) {
            String message = messageName(topic);
            messages.set(message, message(topic));
            schemas.set(topic.valueType().getSimpleName(), PAYLOAD_SCHEMAS.generateSchema(topic.valueType()));
            channels.set(topic.name(), channel(topic, message));
            channels.set(topic.deadLetterTopic(), deadLetterChannel(topic));
            operations.set("send" + message, operation(topic, message));
        }
        return document;
    }

    private static ObjectNode channel(Topic<String, ?> topic, String message) {
        ObjectNode channel = NODES.objectNode();
        channel.put("address", topic.name());
        channel.put("description", topic.valueType().getSimpleName() + " records keyed by " + topic.keyName() + "; "
                + retention(topic.retention()));
        channel.putObject("messages").putObject(message).put("$ref", "#/components/messages/" + message);
        channel.putObject("bindings").putObject("kafka")
                .put("topic", topic.name())
                .put("bindingVersion", "0.5.0")
                .putObject("topicConfiguration").putArray("cleanup.policy").add(topic.compacted() ? "compact" : "delete");
        return channel;
    }

    private static ObjectNode deadLetterChannel(Topic<String, ?> topic) {
        ObjectNode channel = NODES.objectNode();
        channel.put("address", topic.deadLetterTopic());
        channel.put("description", "The records of " + topic.name() + " that a consumer refused, as they were, with why.");
        channel.putObject("messages").putObject("DeadLetter").put("$ref", "#/components/messages/DeadLetter");
        return channel;
    }

    private static ObjectNode operation(Topic<String, ?> topic, String message) {
        ObjectNode operation = NODES.objectNode();
        operation.put("action", "send");
        operation.put("summary", topic.publisher() + " publishes " + topic.eventType());
        operation.putObject("channel").put("$ref", "#/channels/" + escape(topic.name()));
        operation.putArray("messages").addObject().put("$ref", "#/channels/" + escape(topic.name()) + "/messages/" + message);
        return operation;
    }

    private static ObjectNode message(Topic<String, ?> topic) {
        ObjectNode message = NODES.objectNode();
        message.put("name", topic.eventType());
        message.put("title", topic.valueType().getSimpleName());
        message.put("contentType", CloudEvent.CONTENT_TYPE);
        message.set("headers", cloudEventHeaders(topic));
        message.putObject("payload").put("$ref", "#/components/schemas/" + topic.valueType().getSimpleName());
        ObjectNode key = message.putObject("bindings").putObject("kafka");
        key.putObject("key").put("type", "string").put("description", "the " + topic.keyName());
        key.put("bindingVersion", "0.5.0");
        return message;
    }

    private static ObjectNode cloudEventHeaders(Topic<String, ?> topic) {
        ObjectNode headers = NODES.objectNode().put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("type", "string").put("const", CloudEvent.SPEC_VERSION);
        properties.putObject(CloudEventHeaders.ID).put("type", "string").put("format", "uuid")
                .put("description", "unique event id; a consumer applies an event once");
        properties.putObject(CloudEventHeaders.TYPE).put("type", "string").put("const", topic.eventType());
        properties.putObject(CloudEventHeaders.SOURCE).put("type", "string").put("const", topic.publisher());
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("type", "string").put("const", CloudEvent.CONTENT_TYPE);
        ArrayNode required = headers.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return headers;
    }

    private static ObjectNode deadLetterMessage() {
        ObjectNode message = NODES.objectNode();
        message.put("name", "dead-letter");
        message.put("summary", "A record its consumer could not read or validate: key, value and headers as they were, plus why.");
        ObjectNode headers = message.putObject("headers").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(DeadLetterHeaders.REASON).put("type", "string").put("description", "why the record was refused");
        properties.putObject(DeadLetterHeaders.ORIGINAL_TOPIC).put("type", "string");
        properties.putObject(DeadLetterHeaders.ORIGINAL_PARTITION).put("type", "string");
        properties.putObject(DeadLetterHeaders.ORIGINAL_OFFSET).put("type", "string");
        headers.putArray("required").add(DeadLetterHeaders.REASON);
        message.putObject("payload").put("description", "the refused record's value, unchanged");
        return message;
    }

    /** A message's component name: io.chipcast.price.changed.v1 → PriceChanged. */
    static String messageName(Topic<String, ?> topic) {
        String[] parts = topic.eventType().split("\\.");
        return capitalize(parts[2]) + capitalize(parts[3]);
    }

    private static String retention(Retention retention) {
        return switch (retention) {
            case COMPACTED -> "compacted: the latest record per key is the current state";
            case FULL_HISTORY -> "every record kept";
            case TIME_LIMITED -> "kept for a limited time";
        };
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** A channel id as a JSON pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
