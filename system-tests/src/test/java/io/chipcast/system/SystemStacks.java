package io.chipcast.system;

import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.devstack.kafka.TopicRecords;
import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.StackPorts;
import io.chipcast.devstack.local.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The stacks system tests run on: the packaged services on free ports, each test class its own, under target/. */
final class SystemStacks {

    static final Path REPOSITORY = Path.of(System.getProperty("chipcast.repository", "..")).toAbsolutePath().normalize();
    static final List<Topic<String, ?>> INPUT_TOPICS =
            List.of(Topics.CATALOG, Topics.PRICES, Topics.RULINGS, Topics.SHIPMENTS, Topics.DEMAND_PLANS);

    private SystemStacks() {
    }

    /** Starts a stack whose workspace is target/{@code name}; returns once every service is ready. */
    static LocalStack startReady(String name, Consumer<String> progress) throws InterruptedException {
        Workspace workspace = workspace(name);
        LocalStack stack = LocalStack.start(workspace, StackPorts.random(), progress::accept);
        stack.awaitReady(Duration.ofMinutes(3));
        return stack;
    }

    static Workspace workspace(String name) {
        return new Workspace(REPOSITORY, Path.of("target", name).toAbsolutePath());
    }

    static void stop(LocalStack stack) {
        if (stack != null) {
            stack.close();
        }
    }

    /** The ce_id of every record on the input topics, topic by topic, in partition order. */
    static List<String> eventIdsOnInputTopics(LocalStack stack) {
        List<String> ids = new ArrayList<>();
        for (Topic<String, ?> topic : INPUT_TOPICS) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(stack.infrastructure().kafkaBootstrapServers(), topic.name())) {
                ids.add(CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID));
            }
        }
        return ids;
    }
}
