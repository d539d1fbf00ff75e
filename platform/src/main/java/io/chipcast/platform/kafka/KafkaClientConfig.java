package io.chipcast.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Client settings from the {@code kafka.*} configuration every SmallRye channel uses (servers, security, ...). */
public final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    /** The entries of {@code kafkaConfig} that a client of this kind knows, plus its client id. */
    public static Map<String, Object> forClient(Map<String, Object> kafkaConfig, Set<String> clientConfigNames,
            String clientId) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (clientConfigNames.contains(key)) {
                config.put(key, value);
            }
        });
        config.put("client.id", clientId);
        return config;
    }
}
