package io.chipcast.gateway.service.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class FeedRecordsTest {

    @Test
    void aProjectionGivesItsCustomerVersionAndPlanVersionAndKeepsItsJsonAsItIs() {
        String json = """
                {"customerId":"acme","planVersion":3,"projectedCost":10.00,"lines":[{"lineId":"L1","version":99}],"version":7,"cause":{"eventId":"e"}}""";
        FeedEvent event = FeedRecords.read(record(Topics.PROJECTIONS.name(), json), 1);
        assertThat(event.kind()).isEqualTo(FeedEvent.Kind.PROJECTION);
        assertThat(event.customerId()).isEqualTo("acme");
        assertThat(event.version()).as("the top-level version, not a line's").isEqualTo(7);
        assertThat(event.planVersion()).isEqualTo(3);
        assertThat(event.json()).isEqualTo(json);
        assertThat(event.offset()).isEqualTo(42);
    }

    @Test
    void anAlertGivesItsCustomerTypeAndSeverity() {
        FeedEvent event = FeedRecords.read(record(Topics.ALERTS.name(),
                "{\"alertId\":\"a\",\"customerId\":\"acme\",\"type\":\"LINE_BLOCKED\",\"severity\":\"CRITICAL\"}"), 2);
        assertThat(event.kind()).isEqualTo(FeedEvent.Kind.ALERT);
        assertThat(event.alertType()).isEqualTo(AlertType.LINE_BLOCKED);
        assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aRecordWithoutWhatTheFeedNeedsCannotBeDelivered() {
        assertThat(FeedRecords.read(record(Topics.PROJECTIONS.name(), "{\"customerId\":\"acme\"}"), 3).problem()).contains("version");
        FeedEvent noise = FeedRecords.read(record(Topics.ALERTS.name(), "{\"customerId\":\"acme\",\"type\":\"NOISE\",\"severity\":\"INFO\"}"), 4);
        assertThat(noise.problem()).contains("type");
        assertThatThrownBy(noise::alertType).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThat(FeedRecords.read(record(Topics.ALERTS.name(), "not json"), 5).problem()).isNotNull();
        assertThatThrownBy(() -> FeedRecords.read(new ConsumerRecord<>(Topics.ALERTS.name(), 0, 42, null, "{}".getBytes(StandardCharsets.UTF_8)), 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }

    @Test
    void whatIsNotAskedForIsNotRead() {
        // Malformed after the fields the feed needs: a projection is read only up to them.
        FeedEvent event = FeedRecords.read(record(Topics.PROJECTIONS.name(), "{\"version\":7,\"planVersion\":3,\"lines\":[oops"), 7);
        assertThat(event.problem()).isNull();
        assertThat(event.version()).isEqualTo(7);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String json) {
        return new ConsumerRecord<>(topic, 0, 42, "acme", json.getBytes(StandardCharsets.UTF_8));
    }
}
