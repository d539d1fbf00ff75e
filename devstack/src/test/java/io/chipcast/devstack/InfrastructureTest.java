package io.chipcast.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.kafka.PayloadDeserializer;
import io.chipcast.contracts.kafka.PayloadSerializer;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.devstack.kafka.TopicProvisioner;
import io.chipcast.devstack.postgres.DatabaseProvisioner;
import io.chipcast.devstack.postgres.PostgresEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The infrastructure as the services see it: a real broker with chipcast's topics, a real PostgreSQL. */
class InfrastructureTest {

    static Infrastructure infrastructure;

    @BeforeAll
    static void start() {
        infrastructure = Infrastructure.start(Path.of("target", "infrastructure-test").toAbsolutePath(),
                Infrastructure.EmbeddedPorts.random());
        TopicProvisioner.provision(infrastructure.kafkaBootstrapServers(), TopicProvisioner.DEFAULT_PARTITIONS);
    }

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    @Test
    void everyTopicAndItsDeadLetterTopicExistWithTheRetentionOfTheSpec() throws Exception {
        try (Admin admin = admin()) {
            List<String> names = new ArrayList<>();
            Topics.ALL.forEach(topic -> {
                names.add(topic.name());
                names.add(topic.deadLetterTopic());
            });
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).hasSize(14);
            assertThat(topics.get("chip.prices").partitions()).hasSize(TopicProvisioner.DEFAULT_PARTITIONS);
            assertThat(topics.get("chip.prices.dlq").partitions()).hasSize(1);

            assertThat(config(admin, "chip.catalog").get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(admin, "customer.demand-plans").get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(admin, "chip.prices").get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(config(admin, "chip.prices").get("retention.ms").value()).isEqualTo("-1");
            assertThat(config(admin, "supply.shipments").get("retention.ms").value()).isEqualTo("-1");
            assertThat(config(admin, "forecast.alerts").get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void provisioningAgainChangesNothing() {
        assertThat(TopicProvisioner.provision(infrastructure.kafkaBootstrapServers(), 3)).isEmpty();
    }

    @Test
    void aRecordWithCloudEventsHeadersRoundTripsThroughTheBroker() {
        ShipmentEvent shipment = Json.read("""
                {"shipmentId":"SHP-1001","customerId":"acme-ai","sku":"H100-SXM5-80G","quantity":2000,
                 "unitPrice":26000.00,"status":"ALLOCATED","eta":"2024-03-01","occurredAt":"2024-01-10T09:00:00Z"}""",
                ShipmentEvent.class);
        CloudEvent event = CloudEvent.of(Topics.SHIPMENTS, "supply-service");

        send(Topics.SHIPMENTS, Topics.SHIPMENTS.keyOf(shipment), new PayloadSerializer().serialize(null, shipment), event);
        ConsumerRecord<String, byte[]> received = receiveOne(Topics.SHIPMENTS.name(), event.id());

        assertThat(received.key()).isEqualTo("acme-ai");
        assertThat(CloudEventHeaders.read(received.headers())).isEqualTo(event);
        assertThat(CloudEventHeaders.text(received.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventHeaders.text(received.headers(), "ce_type")).isEqualTo("io.chipcast.shipment.updated.v1");
        assertThat(CloudEventHeaders.text(received.headers(), "content-type")).isEqualTo("application/json");
        Validated payload = new PayloadDeserializer().deserialize(received.topic(), received.value());
        assertThat(payload).isEqualTo(shipment);
    }

    @Test
    void aPoisonRecordIsRejectedWithTheFieldNamed() {
        CloudEvent event = CloudEvent.of(Topics.PRICES, "pricing-service");
        byte[] poison = """
                {"sku":"H100-SXM5-80G","market":"LIST","currency":"USD","unitPrice":-1,"effectiveAt":"2024-01-01T00:00:00Z"}"""
                .getBytes(StandardCharsets.UTF_8);

        send(Topics.PRICES, "H100-SXM5-80G", poison, event);
        ConsumerRecord<String, byte[]> received = receiveOne(Topics.PRICES.name(), event.id());

        assertThatThrownBy(() -> new PayloadDeserializer().deserialize(received.topic(), received.value()))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("unitPrice")));
    }

    @Test
    void aServiceDatabaseIsCreatedOnceAndAcceptsConnections() throws Exception {
        PostgresEndpoint postgres = infrastructure.postgres();

        assertThat(DatabaseProvisioner.ensureDatabase(postgres, "pricing_test")).isTrue();
        assertThat(DatabaseProvisioner.ensureDatabase(postgres, "pricing_test")).isFalse();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("pricing_test"), postgres.user(),
                postgres.password()); ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("pricing_test");
        }
        assertThatThrownBy(() -> DatabaseProvisioner.ensureDatabase(postgres, "x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void send(Topic<String, ?> topic, String key, byte[] value, CloudEvent event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), null, key, value,
                    CloudEventHeaders.write(event, new RecordHeaders()))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot send to " + topic, e);
        }
    }

    /** Reads the topic from the beginning until the record with this ce_id arrives. */
    private static ConsumerRecord<String, byte[]> receiveOne(String topic, String eventId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (eventId.equals(CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record " + eventId + " on " + topic + " within 30 s");
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
