package io.chipcast.platform.health;

import io.chipcast.platform.kafka.KafkaClientConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers. Quarkus' own check waits on the admin client's
 * default timeouts (30 s and more) when the broker is gone, longer than any readiness probe waits;
 * this one answers within {@code chipcast.health.kafka-timeout}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    public static final String NAME = "Kafka cluster";

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private Admin admin;

    @Inject
    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "chipcast.health.kafka-timeout", defaultValue = "3s") Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port())
                    .collect(Collectors.joining(","));
            return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", String.valueOf(e)).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // The same connection and security settings as every channel (kafka.* configuration).
            admin = Admin.create(KafkaClientConfig.forClient(kafkaConfig, AdminClientConfig.configNames(), "readiness-check"));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
