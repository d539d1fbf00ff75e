package io.chipcast.devstack.kafka;

import io.chipcast.contracts.Retention;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of {@link Topics} and its dead-letter topic when missing, with the
 * retention SPEC section 2 gives it. Existing topics are left as they are.
 */
public final class TopicProvisioner {

    /** Enough partitions for several instances of each consumer group on a laptop. */
    public static final int DEFAULT_PARTITIONS = 6;

    private TopicProvisioner() {
    }

    /** Returns the names of the topics it created. */
    public static List<String> provision(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short replicas = (short) Math.min(3, brokers);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), partitions, replicas).configs(configsFor(topic.retention(), replicas)));
                }
                if (!existing.contains(topic.deadLetterTopic())) {
                    // Dead letters wait for a person to look at them: keep them all.
                    missing.add(new NewTopic(topic.deadLetterTopic(), 1, replicas)
                            .configs(configsFor(Retention.FULL_HISTORY, replicas)));
                }
            }
            List<String> created = new ArrayList<>();
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + name, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("timed out creating topic " + name, e);
                }
            });
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " to provision topics", e);
        }
    }

    static Map<String, String> configsFor(Retention retention, short replicas) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicas)));
        switch (retention) {
            case COMPACTED -> configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            case FULL_HISTORY -> {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
                configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
            }
            case TIME_LIMITED -> configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        }
        return configs;
    }
}
