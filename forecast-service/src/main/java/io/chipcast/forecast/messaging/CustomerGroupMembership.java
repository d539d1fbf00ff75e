package io.chipcast.forecast.messaging;

import io.chipcast.platform.kafka.KafkaClientConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How this instance belongs to the customer topics' consumer group (ADR 010). With
 * {@code chipcast.forecast.instance-id} it is a static member: restarted, it is given its
 * partitions back at once without a rebalance of the others, and a dead one's expire after
 * {@code chipcast.forecast.session-timeout}. A static member that stops, though, would keep its
 * partitions until then — the connector closes its consumer without leaving — so once the
 * channel is closed this instance takes itself out of the group, and another one takes its
 * partitions over at once.
 */
@ApplicationScoped
public class CustomerGroupMembership implements ClientCustomizer<Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(CustomerGroupMembership.class);
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> kafkaConfig;
    private final Optional<String> instanceId;
    private final Duration sessionTimeout;
    private final String groupId;

    @Inject
    public CustomerGroupMembership(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.customer-events.group.id") String groupId,
            @ConfigProperty(name = "chipcast.forecast.instance-id") Optional<String> instanceId,
            @ConfigProperty(name = "chipcast.forecast.session-timeout", defaultValue = "10s") Duration sessionTimeout) {
        this.kafkaConfig = kafkaConfig;
        this.instanceId = instanceId.filter(id -> !id.isBlank());
        this.sessionTimeout = sessionTimeout;
        this.groupId = groupId;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (!ForecastPipeline.CUSTOMER_CHANNEL.equals(channel) || !config.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            return config;
        }
        Map<String, Object> consumer = new HashMap<>(config);
        instanceId.ifPresent(id -> consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(sessionTimeout.toMillis()));
        consumer.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(500, sessionTimeout.toMillis() / 5)));
        return consumer;
    }

    /** After the connector has closed the channels' consumers (it does so at priority 50). */
    void leave(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (instanceId.isEmpty()) {
            // A dynamic member leaves the group when its consumer closes.
            return;
        }
        Map<String, Object> config = KafkaClientConfig.forClient(kafkaConfig, AdminClientConfig.configNames(), "forecast-service-leave");
        try (Admin admin = Admin.create(config)) {
            admin.removeMembersFromConsumerGroup(groupId, new RemoveMembersFromConsumerGroupOptions(
                            List.of(new MemberToRemove(instanceId.get()))).timeoutMs((int) LEAVE_TIMEOUT.toMillis()))
                    .all().get();
            LOG.infof("left consumer group %s as %s: its partitions go to the other instances now", groupId, instanceId.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not leave consumer group %s as %s (%s): its partitions move when its session expires", groupId,
                    instanceId.get(), e.toString());
        }
    }
}
